import type { ArchiveInfo, BackupSettings } from '../../../backup/index.ts';
import { translator, type Locale } from '../../../i18n/index.ts';
import { isActive, type AnyJob } from '../../../jobs/index.ts';
import { CSRF_FIELD } from '../../auth/csrf.ts';
import { JobState } from '../../jobs/list-view.tsx';
import { JOB_PATHS } from '../../jobs/paths.ts';
import { dateTime } from '../../screens/shared/format.ts';
import { BACKUP_PATHS } from './paths.ts';

export interface BackupsViewProps {
  readonly archives: readonly ArchiveInfo[];
  readonly jobs: readonly AnyJob[];
  readonly settings: BackupSettings;
  readonly database: 'pglite' | 'postgres';
  readonly csrfToken: string;
  readonly locale: Locale;
}

/** « 12,4 Mio », « 830 Kio », « 512 octets ». */
export function size(bytes: number): string {
  const format = (value: number) => value.toLocaleString('fr-FR', { maximumFractionDigits: 1 });
  if (bytes >= 1024 ** 3) return `${format(bytes / 1024 ** 3)} Gio`;
  if (bytes >= 1024 ** 2) return `${format(bytes / 1024 ** 2)} Mio`;
  if (bytes >= 1024) return `${format(bytes / 1024)} Kio`;
  return `${bytes} octets`;
}

function Jobs(props: BackupsViewProps) {
  const tr = translator(props.locale);
  if (props.jobs.length === 0) return null;
  return (
    <table class="import-table">
      <caption>Sauvegardes lancées depuis cette page</caption>
      <thead>
        <tr>
          <th scope="col">Lancée le</th>
          <th scope="col">État</th>
        </tr>
      </thead>
      <tbody>
        {props.jobs.map((job) => (
          <tr>
            <th scope="row">{dateTime(new Date(job.createdAt), props.locale)}</th>
            <td {...(isActive(job.state) ? { 'hx-get': JOB_PATHS.state(job.id), 'hx-trigger': 'every 3s', 'hx-swap': 'innerHTML' } : {})}>
              <JobState tr={tr} job={job} title="Sauvegarde" />
              {job.error ? <p class="erreur">{job.error}</p> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function BackupsView(props: BackupsViewProps) {
  const { settings } = props;
  return (
    <div class="sauvegardes">
      <p>
        Une sauvegarde contient la base de données ({props.database === 'pglite' ? 'embarquée' : 'serveur PostgreSQL'}) de toutes les
        collectivités et les fichiers déposés, vérifiables par leur empreinte. Elle se restaure avec <code>commun restore</code> dans un dossier
        et une base vides.
      </p>
      <ul>
        <li>
          Sauvegarde quotidienne : {settings.daily ? 'oui (chaque nuit)' : 'non'} <span class="aide">(COMMUN_SAUVEGARDE_QUOTIDIENNE=1 pour l’activer)</span>
        </li>
        <li>
          Conservation : {settings.keep === 0 ? 'toutes les sauvegardes sont gardées' : `les ${settings.keep} plus récentes sont gardées`}{' '}
          <span class="aide">(COMMUN_SAUVEGARDE_CONSERVATION)</span>
        </li>
      </ul>
      <form method="post" action={BACKUP_PATHS.page}>
        <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
        <button type="submit">Faire une sauvegarde maintenant</button>
      </form>
      <Jobs {...props} />
      {props.archives.length === 0 ? (
        <p>Aucune sauvegarde pour l’instant.</p>
      ) : (
        <table class="import-table">
          <caption>Sauvegardes disponibles (les plus récentes d’abord)</caption>
          <thead>
            <tr>
              <th scope="col">Archive</th>
              <th scope="col">Faite le</th>
              <th scope="col">Taille</th>
              <th scope="col">Action</th>
            </tr>
          </thead>
          <tbody>
            {props.archives.map((archive) => (
              <tr>
                <th scope="row">{archive.name}</th>
                <td>{dateTime(archive.modifiedAt, props.locale)}</td>
                <td>{size(archive.size)}</td>
                <td>
                  <a href={BACKUP_PATHS.archive(archive.name)} download aria-label={`Télécharger ${archive.name}`}>
                    Télécharger
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
