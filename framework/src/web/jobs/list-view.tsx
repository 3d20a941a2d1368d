/**
 * « Mes traitements »: one row per job, most recent first. The state cell of a running job
 * refreshes itself with htmx (only that cell: a keyboard user's focus on a button is never swapped
 * away); without JavaScript, the « Actualiser » link reloads the page.
 */
import type { Locale, Translate } from '../../i18n/index.ts';
import { isActive, type AnyJob } from '../../jobs/index.ts';
import { dateTime } from '../screens/shared/format.ts';
import { CancelForm } from './cancel-form.tsx';
import { countedBy, presentJob } from './kinds.ts';
import { JOB_PATHS } from './paths.ts';

const POLL = 'every 3s';

export interface JobListPage {
  readonly jobs: readonly AnyJob[];
  readonly page: number;
  readonly pages: number;
}

export interface JobListOptions {
  readonly tr: Translate;
  readonly locale: Locale;
  readonly csrfToken: string;
  /** An administrator's list: every job of the collectivité, with its owner. */
  readonly everyone: boolean;
  readonly keepDays: number;
}

/** « 3 sur 10 », or « 3 documents sur 10 » when the job's kind says what it counts. */
function progressText(tr: Translate, job: AnyJob): string {
  const { done, total } = job.progress;
  const counted = countedBy(job);
  const stopped = isActive(job.state) ? false : job.state !== 'termine';
  if (counted !== undefined) {
    if (stopped) return total === undefined ? tr(`traitements.list.${counted}.stoppedAtNoTotal`, { done }) : tr(`traitements.list.${counted}.stoppedAt`, { done, total });
    return total === undefined ? tr(`traitements.list.${counted}.doneOnly`, { done }) : tr(`traitements.list.${counted}.count`, { done, total });
  }
  if (stopped) return total === undefined ? tr('traitements.list.stoppedAtNoTotal', { done }) : tr('traitements.list.stoppedAt', { done, total });
  return total === undefined ? tr('traitements.list.doneOnly', { done }) : tr('traitements.list.count', { done, total });
}

/** The job's state, and its progress: a bar while it runs, how far it got once stopped. */
export function JobState(props: { tr: Translate; job: AnyJob; title: string }) {
  const { tr, job } = props;
  const { done, total } = job.progress;
  const state = <strong>{tr(`traitements.states.${job.state}`)}</strong>;
  if (isActive(job.state)) {
    const label = tr('traitements.list.progressLabel', { name: props.title });
    return (
      <>
        {state}
        <br />
        {total === undefined ? <progress aria-label={label}></progress> : <progress aria-label={label} max={Math.max(total, 1)} value={done}></progress>}
        {total !== undefined && (
          <>
            <br />
            {progressText(tr, job)}
          </>
        )}
      </>
    );
  }
  return (
    <>
      {state}
      <br />
      {progressText(tr, job)}
    </>
  );
}

function Files(props: { tr: Translate; job: AnyJob }) {
  const { tr, job } = props;
  if (job.files.length === 0) return null;
  if (job.filesDeletedAt !== undefined) return <span>{tr('traitements.list.filesDeleted')}</span>;
  return (
    <ul class="traitement-fichiers">
      {job.files.map((name) => (
        <li>
          <a href={JOB_PATHS.file(job.id, name)} download>{tr('traitements.list.download', { file: name })}</a>
        </li>
      ))}
    </ul>
  );
}

function Row(props: JobListOptions & { job: AnyJob; retour: string }) {
  const { tr, job, locale } = props;
  const { title, href } = presentJob(job, tr);
  const polling = isActive(job.state) ? { 'hx-get': JOB_PATHS.state(job.id), 'hx-trigger': POLL, 'hx-swap': 'innerHTML' } : {};
  return (
    <tr>
      <th scope="row">{href ? <a href={href} aria-label={tr('traitements.list.openLabel', { name: title })}>{title}</a> : title}</th>
      <td>{job.fileName ?? ''}</td>
      {props.everyone && <td>{job.ownerName ?? String(job.owner)}</td>}
      <td {...polling}>
        <JobState tr={tr} job={job} title={title} />
      </td>
      <td>{dateTime(new Date(job.createdAt), locale)}</td>
      <td>{job.finishedAt === undefined ? '' : dateTime(new Date(job.finishedAt), locale)}</td>
      <td>
        {isActive(job.state) && !job.cancelRequested && (
          <CancelForm job={job.id} csrfToken={props.csrfToken} retour={props.retour} label={tr('traitements.list.cancel')} accessibleLabel={tr('traitements.list.cancelLabel', { name: title })} />
        )}
        <Files tr={tr} job={job} />
      </td>
    </tr>
  );
}

function Pagination(props: { tr: Translate; page: number; pages: number }) {
  const { tr, page, pages } = props;
  if (pages <= 1) return null;
  return (
    <nav class="listing-pagination" aria-label={tr('traitements.list.pagination')}>
      <ul>
        <li>{page > 1 ? <a href={JOB_PATHS.page(page - 1)} rel="prev">{tr('traitements.list.previous')}</a> : <span class="inactif">{tr('traitements.list.previous')}</span>}</li>
        <li>{tr('traitements.list.pageOf', { page, pages })}</li>
        <li>{page < pages ? <a href={JOB_PATHS.page(page + 1)} rel="next">{tr('traitements.list.next')}</a> : <span class="inactif">{tr('traitements.list.next')}</span>}</li>
      </ul>
    </nav>
  );
}

export function JobListView(props: JobListOptions & { list: JobListPage }) {
  const { tr, list } = props;
  const retour = JOB_PATHS.page(list.page);
  return (
    <div class="traitements">
      <p>{tr(props.everyone ? 'traitements.list.introAll' : 'traitements.list.intro', { days: props.keepDays })}</p>
      {list.jobs.length === 0 ? (
        <p>{tr('traitements.list.none')}</p>
      ) : (
        <>
          <p>
            <a href={retour}>{tr('traitements.list.refresh')}</a> <span class="aide">{tr('traitements.list.refreshHelp')}</span>
          </p>
          <table class="import-table traitements-liste">
            <caption>{tr('traitements.list.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{tr('traitements.list.kind')}</th>
                <th scope="col">{tr('traitements.list.file')}</th>
                {props.everyone && <th scope="col">{tr('traitements.list.owner')}</th>}
                <th scope="col">{tr('traitements.list.state')}</th>
                <th scope="col">{tr('traitements.list.created')}</th>
                <th scope="col">{tr('traitements.list.finished')}</th>
                <th scope="col">{tr('traitements.list.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {list.jobs.map((job) => (
                <Row {...props} job={job} retour={retour} />
              ))}
            </tbody>
          </table>
          <Pagination tr={tr} page={list.page} pages={list.pages} />
        </>
      )}
    </div>
  );
}
