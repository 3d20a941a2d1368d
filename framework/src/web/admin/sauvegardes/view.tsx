import { backupMessage, type ArchiveInfo, type BackupSettings } from '../../../backup/index.ts';
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
export function size(bytes: number, locale: Locale): string {
  const number = (value: number) => value.toLocaleString(locale === 'en' ? 'en-GB' : 'fr-FR', { maximumFractionDigits: 1 });
  if (bytes >= 1024 ** 3) return backupMessage('page.sizes.gib', { n: number(bytes / 1024 ** 3) }, locale);
  if (bytes >= 1024 ** 2) return backupMessage('page.sizes.mib', { n: number(bytes / 1024 ** 2) }, locale);
  if (bytes >= 1024) return backupMessage('page.sizes.kib', { n: number(bytes / 1024) }, locale);
  return backupMessage('page.sizes.bytes', { n: bytes }, locale);
}

function Jobs(props: BackupsViewProps) {
  const tr = translator(props.locale);
  const text = (key: 'jobsCaption' | 'startedAt' | 'state') => backupMessage(`page.${key}`, undefined, props.locale);
  if (props.jobs.length === 0) return null;
  return (
    <table class="import-table">
      <caption>{text('jobsCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{text('startedAt')}</th>
          <th scope="col">{text('state')}</th>
        </tr>
      </thead>
      <tbody>
        {props.jobs.map((job) => (
          <tr>
            <th scope="row">{dateTime(new Date(job.createdAt), props.locale)}</th>
            <td {...(isActive(job.state) ? { 'hx-get': JOB_PATHS.state(job.id), 'hx-trigger': 'every 3s', 'hx-swap': 'innerHTML' } : {})}>
              <JobState tr={tr} job={job} title={backupMessage('job.label', undefined, props.locale)} />
              {job.error ? <p class="erreur">{job.error}</p> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Archives(props: BackupsViewProps) {
  const { locale } = props;
  if (props.archives.length === 0) return <p>{backupMessage('page.none', undefined, locale)}</p>;
  return (
    <table class="import-table">
      <caption>{backupMessage('page.archivesCaption', undefined, locale)}</caption>
      <thead>
        <tr>
          <th scope="col">{backupMessage('page.archive', undefined, locale)}</th>
          <th scope="col">{backupMessage('page.madeAt', undefined, locale)}</th>
          <th scope="col">{backupMessage('page.size', undefined, locale)}</th>
          <th scope="col">{backupMessage('page.action', undefined, locale)}</th>
        </tr>
      </thead>
      <tbody>
        {props.archives.map((archive) => (
          <tr>
            <th scope="row">{archive.name}</th>
            <td>{dateTime(archive.modifiedAt, locale)}</td>
            <td>{size(archive.size, locale)}</td>
            <td>
              <a href={BACKUP_PATHS.archive(archive.name)} download aria-label={backupMessage('page.downloadNamed', { name: archive.name }, locale)}>
                {backupMessage('page.download', undefined, locale)}
              </a>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function BackupsView(props: BackupsViewProps) {
  const { settings, locale } = props;
  // The command is set in <code>: the text is cut where its placeholder stands.
  const database = backupMessage(`page.databases.${props.database}`, undefined, locale);
  const [beforeCommand, afterCommand] = backupMessage('page.intro', { database, command: '\u0000' }, locale).split('\u0000');
  return (
    <div class="sauvegardes">
      <p>
        {beforeCommand}
        <code>commun restore</code>
        {afterCommand}
      </p>
      <ul>
        <li>
          {backupMessage('page.daily', { value: backupMessage(settings.daily ? 'page.dailyOn' : 'page.dailyOff', undefined, locale) }, locale)}{' '}
          <span class="aide">{backupMessage('page.dailyHelp', undefined, locale)}</span>
        </li>
        <li>
          {settings.keep === 0 ? backupMessage('page.keepAll', undefined, locale) : backupMessage('page.keepSome', { keep: settings.keep }, locale)}{' '}
          <span class="aide">(COMMUN_SAUVEGARDE_CONSERVATION)</span>
        </li>
      </ul>
      <form method="post" action={BACKUP_PATHS.page}>
        <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
        <button type="submit">{backupMessage('page.backupNow', undefined, locale)}</button>
      </form>
      <Jobs {...props} />
      <Archives {...props} />
    </div>
  );
}
