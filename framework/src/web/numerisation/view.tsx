/**
 * « Mes documents numérisés »: the waiting scans in a table, and the upload form. The form is a
 * plain multipart form (it works without script); `static/js/numerisation.js` adds dropping files
 * on the labelled zone and a progress line.
 */
import { acceptAttribute, formatSize } from '../../files/index.ts';
import { intakeMessage, SCAN_MAX_BYTES, SCAN_TYPES, type WaitingFile } from '../../files/intake/index.ts';
import type { Locale } from '../../i18n/index.ts';
import { CSRF_FIELD } from '../auth/csrf.ts';
import { dateTime } from '../screens/shared/index.ts';
import { FILES_FIELD, INTAKE_PATHS } from './paths.ts';

const ids = { list: 'numerisation-liste', upload: 'numerisation-ajout', input: 'numerisation-fichiers', help: 'numerisation-aide', status: 'numerisation-etat' };

function WaitingTable(props: { files: readonly WaitingFile[]; locale: Locale }) {
  const { locale } = props;
  if (props.files.length === 0) return <p>{intakeMessage('page.aucun', undefined, locale)}</p>;
  return (
    <table class="import-table numerisation-liste">
      <caption class="visuellement-cache">{intakeMessage('page.liste', undefined, locale)}</caption>
      <thead>
        <tr>
          <th scope="col">{intakeMessage('page.colonnes.nom', undefined, locale)}</th>
          <th scope="col">{intakeMessage('page.colonnes.taille', undefined, locale)}</th>
          <th scope="col">{intakeMessage('page.colonnes.recu', undefined, locale)}</th>
          <th scope="col">{intakeMessage('page.colonnes.source', undefined, locale)}</th>
          <th scope="col">{intakeMessage('page.colonnes.actions', undefined, locale)}</th>
        </tr>
      </thead>
      <tbody>
        {props.files.map((file) => (
          <tr>
            <th scope="row">{file.name}</th>
            <td>{formatSize(file.size, locale)}</td>
            <td>{dateTime(file.receivedAt, locale)}</td>
            <td>{intakeMessage(`page.sources.${file.source}`, undefined, locale)}</td>
            <td class="numerisation-actions">
              <a href={INTAKE_PATHS.file(file.id)} aria-label={intakeMessage('page.voirNom', { name: file.name }, locale)}>{intakeMessage('page.voir', undefined, locale)}</a>{' '}
              <a href={INTAKE_PATHS.remove(file.id)} aria-label={intakeMessage('page.supprimerNom', { name: file.name }, locale)}>{intakeMessage('page.supprimer', undefined, locale)}</a>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function IntakePage(props: { files: readonly WaitingFile[]; csrfToken: string; locale: Locale }) {
  const { locale } = props;
  const max = formatSize(SCAN_MAX_BYTES, locale);
  return (
    <div class="numerisation">
      <p>{intakeMessage('page.intro', undefined, locale)}</p>
      <section aria-labelledby={ids.list}>
        <h2 id={ids.list}>{intakeMessage('page.liste', undefined, locale)}</h2>
        <WaitingTable files={props.files} locale={locale} />
      </section>
      <section aria-labelledby={ids.upload}>
        <h2 id={ids.upload}>{intakeMessage('page.ajout', undefined, locale)}</h2>
        <form
          method="post"
          action={INTAKE_PATHS.index}
          enctype="multipart/form-data"
          class="numerisation-depot"
          data-numerisation
          data-progression={intakeMessage('page.progression', { name: '{name}', percent: '{percent}' }, locale)}
          data-termine={intakeMessage('page.termine', undefined, locale)}
        >
          <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
          <div class="numerisation-zone" data-numerisation-zone>
            <label for={ids.input}>{intakeMessage('page.zone', undefined, locale)}</label>
            <input type="file" id={ids.input} name={FILES_FIELD} multiple accept={acceptAttribute(SCAN_TYPES)} aria-describedby={ids.help} required />
            <p id={ids.help} class="aide">{intakeMessage('page.aide', { max }, locale)}</p>
          </div>
          <p id={ids.status} class="numerisation-etat" role="status" aria-live="polite"></p>
          <button type="submit">{intakeMessage('page.envoyer', undefined, locale)}</button>
        </form>
      </section>
    </div>
  );
}

/** The confirmation before deleting a waiting scan: a real form, no script. */
export function RemovePage(props: { file: WaitingFile; csrfToken: string; locale: Locale }) {
  const { file, locale } = props;
  return (
    <form method="post" action={INTAKE_PATHS.remove(file.id)} class="numerisation-suppression">
      <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
      <p>{intakeMessage('page.confirmation.question', { name: file.name }, locale)}</p>
      <p>
        <button type="submit">{intakeMessage('page.confirmation.confirmer', undefined, locale)}</button>{' '}
        <a href={INTAKE_PATHS.index}>{intakeMessage('page.confirmation.annuler', undefined, locale)}</a>
      </p>
    </form>
  );
}
