/**
 * « Administration › Applications »: the catalogue (title, description, version, the collectivités
 * that use each), then the table collectivités × applications: checkboxes in a form for an
 * administrator of the niveau-2 collectivité, « Activée / Désactivée » as text for everyone else.
 */
import {
  applicationsPage,
  cellOf,
  type ApplicationStates,
  type CatalogueEntry,
  type CollectiviteEntry,
} from '../../../access/applications/index.ts';
import type { Locale } from '../../../i18n/index.ts';
import { CSRF_FIELD } from '../../auth/csrf.ts';
import { APPLICATIONS_PATHS, ENABLED_FIELD, SHOWN_FIELD } from './paths.ts';

export interface ApplicationsViewProps {
  readonly applications: readonly CatalogueEntry[];
  readonly states: ApplicationStates;
  /** The form, or the read-only table. */
  readonly editable: boolean;
  readonly csrfToken: string;
  readonly locale: Locale;
}

const enabledFor = (states: ApplicationStates, application: string, collectivite: CollectiviteEntry) =>
  !states.disabled.has(cellOf(application, collectivite.id));

function Catalogue(props: ApplicationsViewProps) {
  const { locale, states } = props;
  const m = (key: Parameters<typeof applicationsPage>[0]) => applicationsPage(key, undefined, locale);
  return (
    <table class="tableau catalogue-applications">
      <caption>{m('catalogueCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{m('application')}</th>
          <th scope="col">{m('description')}</th>
          <th scope="col">{m('version')}</th>
          <th scope="col">{m('usedBy')}</th>
        </tr>
      </thead>
      <tbody>
        {props.applications.map((application) => {
          const users = states.collectivites.filter((collectivite) => enabledFor(states, application.name, collectivite));
          return (
            <tr>
              <th scope="row">
                {application.title} <code>{application.name}</code>
              </th>
              <td>{application.description ?? m('noDescription')}</td>
              <td>{application.version ?? m('noDescription')}</td>
              <td>{users.length === 0 ? m('usedByNone') : users.map((collectivite) => collectivite.libelle).join(', ')}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function Cell(props: { application: CatalogueEntry; collectivite: CollectiviteEntry; states: ApplicationStates; editable: boolean; locale: Locale }) {
  const { application, collectivite, locale } = props;
  const enabled = enabledFor(props.states, application.name, collectivite);
  const state = applicationsPage(enabled ? 'enabled' : 'disabled', undefined, locale);
  if (!props.editable) return <td>{state}</td>;
  const cell = cellOf(application.name, collectivite.id);
  const id = `application-${application.name}-${collectivite.id}`;
  return (
    <td>
      <input type="hidden" name={SHOWN_FIELD} value={cell} />
      <input type="checkbox" id={id} name={ENABLED_FIELD} value={cell} checked={enabled} />{' '}
      <label for={id}>
        <span class="visuellement-cache">{applicationsPage('cellLabel', { application: application.title, collectivite: collectivite.libelle }, locale)} : </span>
        {applicationsPage('enabled', undefined, locale)}
      </label>
    </td>
  );
}

function Settings(props: ApplicationsViewProps) {
  const { locale, states, applications } = props;
  const m = (key: Parameters<typeof applicationsPage>[0]) => applicationsPage(key, undefined, locale);
  const table = (
    <div class="matrice-conteneur" role="region" aria-labelledby="applications-activation" tabindex={0}>
      <table class="tableau activation-applications">
        <caption>{m('settingsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{m('collectivite')}</th>
            {applications.map((application) => (
              <th scope="col">{application.title}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {states.collectivites.map((collectivite) => (
            <tr>
              <th scope="row">{collectivite.libelle}</th>
              {applications.map((application) => (
                <Cell application={application} collectivite={collectivite} states={states} editable={props.editable} locale={locale} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  return (
    <section aria-labelledby="applications-activation">
      <h2 id="applications-activation">{m('settingsTitle')}</h2>
      {props.editable ? (
        <form method="post" action={APPLICATIONS_PATHS.page}>
          <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
          <p class="aide">{m('settingsHelp')}</p>
          {table}
          <p>
            <button type="submit">{m('save')}</button>
          </p>
        </form>
      ) : (
        <>
          <p class="aide">{m('readOnlyHelp')}</p>
          {table}
        </>
      )}
    </section>
  );
}

export function ApplicationsView(props: ApplicationsViewProps) {
  const m = (key: Parameters<typeof applicationsPage>[0]) => applicationsPage(key, undefined, props.locale);
  if (props.applications.length === 0) return <p>{m('none')}</p>;
  return (
    <>
      <p>{m('intro')}</p>
      <Catalogue {...props} />
      <Settings {...props} />
    </>
  );
}
