/**
 * The composer: choose a profile, see its three columns, and with plain forms (keyboard, no
 * drag and drop) move a widget up, down or to another column, remove it, or add one.
 */
import { translator, type Locale } from '../../../i18n/index.ts';
import { CSRF_FIELD } from '../../auth/csrf.ts';
import { COLUMNS, byColumn, columnNumber, type Column } from '../placements.ts';
import type { Choice, ComposerPlacement, WidgetChoice } from './data.ts';
import { addUrl, COMPOSER_PATH, moveUrl, removeUrl } from './paths.ts';

export interface ComposerProps {
  readonly profiles: readonly Choice[];
  readonly widgets: readonly WidgetChoice[];
  /** Absent when the profile asked for does not exist. */
  readonly profile: Choice | undefined;
  readonly placements: readonly ComposerPlacement[];
  readonly csrfToken: string;
  readonly locale: Locale;
}

function widgetLabel(widgets: readonly WidgetChoice[], id: number): string {
  return widgets.find((widget) => widget.id === id)?.libelle ?? String(id);
}

function ProfileChooser(props: ComposerProps) {
  const tr = translator(props.locale);
  return (
    <form method="get" action={COMPOSER_PATH} class="composition-profil">
      <label for="composition-profil">{tr('dashboard.composer.profile')}</label>
      <select id="composition-profil" name="profil">
        {props.profiles.map((profile) => (
          <option value={String(profile.id)} selected={profile.id === props.profile?.id}>
            {profile.libelle}
          </option>
        ))}
      </select>
      <button type="submit">{tr('dashboard.composer.show')}</button>
    </form>
  );
}

function PlacedWidget(props: ComposerProps & { placement: ComposerPlacement; column: Column; first: boolean; last: boolean }) {
  const tr = translator(props.locale);
  const name = widgetLabel(props.widgets, props.placement.widgetId);
  const about = <span class="visuellement-cache">{tr('dashboard.composer.about', { widget: name })}</span>;
  const selectId = `colonne-${props.placement.id}`;
  return (
    <li class="composition-widget">
      <p class="composition-nom">{name}</p>
      <form method="post" action={moveUrl(props.placement.id)} class="composition-actions">
        <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
        {props.first ? null : (
          <button type="submit" name="vers" value="haut" class="bouton-secondaire">
            {tr('dashboard.composer.up')}
            {about}
          </button>
        )}
        {props.last ? null : (
          <button type="submit" name="vers" value="bas" class="bouton-secondaire">
            {tr('dashboard.composer.down')}
            {about}
          </button>
        )}
        <span class="composition-colonne">
          <label for={selectId}>
            {tr('dashboard.composer.moveTo')}
            {about}
          </label>
          <select id={selectId} name="colonne">
            {COLUMNS.filter((column) => column !== props.column).map((column) => (
              <option value={column}>{tr('dashboard.composer.column', { n: columnNumber(column) })}</option>
            ))}
          </select>
          <button type="submit" name="vers" value="colonne" class="bouton-secondaire">
            {tr('dashboard.composer.move')}
            {about}
          </button>
        </span>
      </form>
      <form method="post" action={removeUrl(props.placement.id)} class="composition-retrait">
        <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
        <button type="submit" class="bouton-danger">
          {tr('dashboard.composer.remove')}
          {about}
        </button>
      </form>
    </li>
  );
}

function Columns(props: ComposerProps) {
  const tr = translator(props.locale);
  const columns = byColumn(props.placements);
  return (
    <div class="composition">
      {COLUMNS.map((column) => {
        const headingId = `composition-${column}`;
        const placed = columns[column];
        return (
          <section class="composition-colonne-bloc" aria-labelledby={headingId}>
            <h2 id={headingId}>{tr('dashboard.composer.column', { n: columnNumber(column) })}</h2>
            {placed.length === 0 ? (
              <p>{tr('dashboard.composer.emptyColumn')}</p>
            ) : (
              <ol class="composition-widgets">
                {placed.map((placement, index) => (
                  <PlacedWidget {...props} placement={placement} column={column} first={index === 0} last={index === placed.length - 1} />
                ))}
              </ol>
            )}
          </section>
        );
      })}
    </div>
  );
}

function AddForm(props: ComposerProps & { profile: Choice }) {
  const tr = translator(props.locale);
  if (props.widgets.length === 0) return <p>{tr('dashboard.composer.noWidget')}</p>;
  const typeLabel = (type: string) => (type === 'web' ? tr('dashboard.composer.typeWeb') : type === 'file' ? tr('dashboard.composer.typeFile') : type);
  return (
    <form method="post" action={addUrl()} class="composition-ajout">
      <fieldset>
        <legend>{tr('dashboard.composer.addLegend', { profil: props.profile.libelle })}</legend>
        <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
        <input type="hidden" name="profil" value={String(props.profile.id)} />
        <p>
          <label for="ajout-widget">{tr('dashboard.composer.widget')}</label>
          <select id="ajout-widget" name="om_widget">
            {props.widgets.map((widget) => (
              <option value={String(widget.id)}>{tr('dashboard.composer.widgetOption', { libelle: widget.libelle, type: typeLabel(widget.type) })}</option>
            ))}
          </select>
        </p>
        <p>
          <label for="ajout-colonne">{tr('dashboard.composer.columnLabel')}</label>
          <select id="ajout-colonne" name="bloc">
            {COLUMNS.map((column) => (
              <option value={column}>{tr('dashboard.composer.column', { n: columnNumber(column) })}</option>
            ))}
          </select>
        </p>
        <p>
          <button type="submit">{tr('dashboard.composer.add')}</button>
        </p>
      </fieldset>
    </form>
  );
}

export function ComposerPage(props: ComposerProps) {
  const tr = translator(props.locale);
  const { profile } = props;
  return (
    <>
      <p>{tr('dashboard.composer.intro')}</p>
      <ProfileChooser {...props} />
      {profile ? (
        <>
          <Columns {...props} />
          <AddForm {...props} profile={profile} />
        </>
      ) : null}
    </>
  );
}
