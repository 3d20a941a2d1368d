import { translator, type Locale } from '../../../i18n/index.ts';
import { CSRF_FIELD } from '../../auth/csrf.ts';
import { ADMIN_PATHS } from '../paths.ts';
import { cellKey, cellState, type MatrixData, type MatrixProfile, type PermissionGroup } from './model.ts';

export interface MatrixViewProps {
  readonly data: MatrixData;
  readonly q: string;
  /** The actor may grant and remove droits (else the grid is shown disabled). */
  readonly canWrite: boolean;
  readonly csrfToken: string;
  readonly locale: Locale;
}

function FilterForm(props: MatrixViewProps) {
  const tr = translator(props.locale);
  const shown = new Set(props.data.shownProfiles.map((profile) => profile.id));
  return (
    <form method="get" action={ADMIN_PATHS.matrix} role="search" class="filtre-droits">
      <p>
        <label for="filtre-permission">{tr('admin.matrix.filterLabel')}</label>
        <br />
        <input type="search" id="filtre-permission" name="q" value={props.q} maxlength={100} aria-describedby="filtre-permission-aide" />
        <br />
        <span id="filtre-permission-aide" class="aide">
          {tr('admin.matrix.filterHelp')}
        </span>
      </p>
      {props.data.profiles.length > 1 ? (
        <fieldset class="profils-affiches">
          <legend>{tr('admin.matrix.profilesLegend')}</legend>
          {props.data.profiles.map((profile) => (
            <label class="choix">
              <input type="checkbox" name="profil" value={String(profile.id)} checked={shown.has(profile.id)} /> {profile.libelle}
            </label>
          ))}
        </fieldset>
      ) : null}
      <p class="actions-filtre">
        <button type="submit">{tr('admin.matrix.filterSubmit')}</button> <a href={ADMIN_PATHS.matrix}>{tr('admin.matrix.showAll')}</a>
      </p>
    </form>
  );
}

function Cell(props: { permission: string; group: PermissionGroup; profile: MatrixProfile; id: string } & Pick<MatrixViewProps, 'data' | 'canWrite' | 'locale'>) {
  const tr = translator(props.locale);
  const { permission, profile } = props;
  const state = cellState(permission, props.group, profile, props.data);
  const onlyInherited = state.direct === undefined && state.inheritedFrom !== undefined;
  const label = state.inheritedFrom
    ? tr('admin.matrix.cellInherited', { permission, profil: profile.libelle, from: state.inheritedFrom.libelle })
    : state.includedIn
      ? tr('admin.matrix.cellIncluded', { permission, profil: profile.libelle, object: state.includedIn })
      : tr('admin.matrix.cellLabel', { permission, profil: profile.libelle });
  const classes = ['cellule-droit', state.direct !== undefined ? 'accorde' : '', onlyInherited ? 'herite' : ''].filter(Boolean).join(' ');
  return (
    <td class={classes}>
      <input type="checkbox" id={props.id} name="droit" value={cellKey(permission, profile.id)}
        checked={state.direct !== undefined || onlyInherited} disabled={!props.canWrite || onlyInherited} />
      <label for={props.id} class="visuellement-cache">
        {label}
      </label>
      {state.inheritedFrom ? (
        <span class="marque marque-herite" aria-hidden="true">
          {tr('admin.matrix.inherited')}
        </span>
      ) : null}
      {state.includedIn ? (
        <span class="marque marque-inclus" aria-hidden="true">
          {tr('admin.matrix.included')}
        </span>
      ) : null}
    </td>
  );
}

function Grid(props: MatrixViewProps) {
  const tr = translator(props.locale);
  const { data } = props;
  let row = 0;
  return (
    <div class="matrice-conteneur" role="region" aria-labelledby="matrice-titre" tabindex={0}>
      <table class="matrice-droits">
        <caption id="matrice-titre">{tr('admin.matrix.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{tr('admin.matrix.permissionHeader')}</th>
            {data.shownProfiles.map((profile) => (
              <th scope="col">
                {profile.libelle}
                <span class="hierarchie">{tr('admin.matrix.profileHeader', { hierarchie: profile.hierarchie })}</span>
              </th>
            ))}
          </tr>
        </thead>
        {data.groups.map((group) => (
          <tbody>
            <tr class="groupe">
              <th scope="rowgroup" colspan={data.shownProfiles.length + 1}>
                {group.label}
              </th>
            </tr>
            {group.permissions.map((permission) => {
              row += 1;
              return (
                <tr>
                  <th scope="row">
                    <code>{permission}</code>
                    <input type="hidden" name="permission" value={permission} />
                  </th>
                  {data.shownProfiles.map((profile) => (
                    <Cell permission={permission} group={group} profile={profile} id={`droit-${row}-${profile.id}`} data={data}
                      canWrite={props.canWrite} locale={props.locale} />
                  ))}
                </tr>
              );
            })}
          </tbody>
        ))}
      </table>
    </div>
  );
}

/** The page's content: filter, legend, then the grid in a form that posts the ticked cells. */
export function MatrixView(props: MatrixViewProps) {
  const tr = translator(props.locale);
  const count = props.data.groups.reduce((sum, group) => sum + group.permissions.length, 0);
  return (
    <div class="administration-droits">
      <p>{tr('admin.matrix.intro')}</p>
      <FilterForm {...props} />
      <p class="compte-droits">{tr('admin.matrix.shown', { count })}</p>
      {count === 0 ? (
        <p>{tr('admin.matrix.noPermission')}</p>
      ) : (
        <form method="post" action={ADMIN_PATHS.matrix} class="formulaire-droits">
          <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
          <input type="hidden" name="q" value={props.q} />
          {props.data.shownProfiles.map((profile) => (
            <input type="hidden" name="profil" value={String(profile.id)} />
          ))}
          <p class="legende-droits">{tr('admin.matrix.legend')}</p>
          <Grid {...props} />
          {props.canWrite ? (
            <p class="actions-droits">
              <button type="submit">{tr('admin.matrix.save')}</button>
            </p>
          ) : null}
        </form>
      )}
    </div>
  );
}
