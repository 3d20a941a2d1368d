/** The page « Administration › Annuaire »: configuration (no secret), actions, last report. */
import type { StoredReport } from '../../../access/ldap/index.ts';
import type { Locale } from '../../../i18n/index.ts';
import { CSRF_FIELD } from '../../auth/csrf.ts';
import { dateTime } from '../../screens/shared/format.ts';
import { annuairePage } from './messages.ts';
import { ANNUAIRE_PATHS } from './paths.ts';

export interface AnnuaireViewProps {
  /** Setting name → value; undefined when no directory is configured. */
  readonly settings: ReadonlyArray<readonly [string, string]> | undefined;
  readonly report: StoredReport | undefined;
  readonly csrfToken: string;
  readonly locale: Locale;
}

function Settings(props: { settings: ReadonlyArray<readonly [string, string]>; locale: Locale }) {
  const { locale } = props;
  return (
    <table class="tableau">
      <caption>{annuairePage('configCaption', undefined, locale)}</caption>
      <thead>
        <tr>
          <th scope="col">{annuairePage('setting', undefined, locale)}</th>
          <th scope="col">{annuairePage('value', undefined, locale)}</th>
        </tr>
      </thead>
      <tbody>
        {props.settings.map(([name, value]) => (
          <tr>
            <th scope="row"><code>{name}</code></th>
            <td>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Actions(props: { csrfToken: string; locale: Locale }) {
  const { locale } = props;
  return (
    <section aria-labelledby="annuaire-actions">
      <h2 id="annuaire-actions">{annuairePage('actions', undefined, locale)}</h2>
      <form method="post" action={ANNUAIRE_PATHS.test} class="en-ligne">
        <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
        <button type="submit">{annuairePage('test', undefined, locale)}</button>
      </form>{' '}
      <form method="post" action={ANNUAIRE_PATHS.synchronize} class="en-ligne">
        <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
        <button type="submit" aria-describedby="annuaire-synchro-aide">{annuairePage('synchronize', undefined, locale)}</button>
      </form>
      <p id="annuaire-synchro-aide" class="aide">{annuairePage('synchronizeHelp', undefined, locale)}</p>
    </section>
  );
}

function Report(props: { report: StoredReport | undefined; locale: Locale }) {
  const { report, locale } = props;
  if (!report) return <p>{annuairePage('noReport', undefined, locale)}</p>;
  const by = report.startedBy ? annuairePage('by', { login: report.startedBy }, locale) : '';
  const kinds = ['crees', 'modifies', 'desactives', 'inchanges', 'erreurs'] as const;
  return (
    <>
      <p>{annuairePage('reportOf', { date: dateTime(report.startedAt, locale), origin: annuairePage(`origins.${report.origin}`, undefined, locale), by }, locale)}</p>
      {report.failure ? <p class="message erreur">{annuairePage('failed', { message: report.failure }, locale)}</p> : null}
      <table class="tableau annuaire-resume">
        <caption>{annuairePage('countsCaption', undefined, locale)}</caption>
        <thead>
          <tr>
            {kinds.map((kind) => (
              <th scope="col">{annuairePage(`counts.${kind}`, undefined, locale)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            {kinds.map((kind) => (
              <td>{report[kind]}</td>
            ))}
          </tr>
        </tbody>
      </table>
      {report.entries.length === 0 ? (
        <p>{annuairePage('noChange', undefined, locale)}</p>
      ) : (
        <table class="tableau annuaire-detail">
          <caption>{annuairePage('detailCaption', undefined, locale)}</caption>
          <thead>
            <tr>
              <th scope="col">{annuairePage('login', undefined, locale)}</th>
              <th scope="col">{annuairePage('action', undefined, locale)}</th>
              <th scope="col">{annuairePage('detail', undefined, locale)}</th>
            </tr>
          </thead>
          <tbody>
            {report.entries.map((entry) => (
              <tr>
                <th scope="row">{entry.login}</th>
                <td>{annuairePage(`actionNames.${entry.action}`, undefined, locale)}</td>
                <td>{entry.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

export function AnnuaireView(props: AnnuaireViewProps) {
  const { locale } = props;
  return (
    <>
      {props.settings ? (
        <>
          <Settings settings={props.settings} locale={locale} />
          <Actions csrfToken={props.csrfToken} locale={locale} />
        </>
      ) : null}
      <section aria-labelledby="annuaire-rapport">
        <h2 id="annuaire-rapport">{annuairePage('lastReport', undefined, locale)}</h2>
        <Report report={props.report} locale={locale} />
      </section>
    </>
  );
}
