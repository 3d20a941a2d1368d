/**
 * The follow-up of an import job, read from its row (after a restart too): while it waits or runs,
 * a progress bar and « N lignes sur M » in a live region that htmx refreshes (a plain
 * « Actualiser » link without JavaScript) and the « Annuler » button; once done, the counts, the
 * first rejected lines and the reject file (while it is kept); stopped (interrompu, annulé) or
 * failed, how far it got.
 */
import type { Translate } from '../../i18n/index.ts';
import type { ImportResult } from '../../imports/index.ts';
import { isActive } from '../../jobs/index.ts';
import { CancelForm } from '../jobs/cancel-form.tsx';
import { JobSummary } from '../jobs/summary-view.tsx';
import type { ImportJob } from '../../imports/job.ts';
import { IMPORT_PATHS } from './paths.ts';

export type { ImportJob } from '../../imports/job.ts';

/** Seconds between two refreshes of a running job's page. */
const POLL = 'every 2s';
export const LIVE_REGION_ID = 'suivi-import';

/** What the page needs besides the job. */
export interface FollowOptions {
  readonly tr: Translate;
  readonly job: ImportJob;
  readonly csrfToken: string;
  /** The reject file can be downloaded (written, and not deleted yet). */
  readonly rejectsKept: boolean;
}

function Running(props: FollowOptions) {
  const { tr, job } = props;
  const { done, total } = job.progress;
  const message = job.state === 'en_attente' ? 'traitements.follow.waiting' : total === undefined ? 'imports.follow.counting' : 'imports.follow.running';
  return (
    <>
      <p>{tr(message)}</p>
      <p>
        <label for="import-avancement">{tr('imports.follow.progressLabel')}</label>
        <br />
        {total === undefined ? <progress id="import-avancement"></progress> : <progress id="import-avancement" max={Math.max(total, 1)} value={done}></progress>}
      </p>
      {total !== undefined && <p class="import-compteur">{tr('imports.follow.progress', { done, total })}</p>}
      <p>
        <a href={IMPORT_PATHS.follow(job.id)}>{tr('imports.follow.refresh')}</a> <span class="aide">{tr('imports.follow.refreshHelp')}</span>
      </p>
      {!job.cancelRequested && (
        <>
          <CancelForm job={job.id} csrfToken={props.csrfToken} retour={IMPORT_PATHS.follow(job.id)} label={tr('traitements.follow.cancel')} />
          <p class="aide">{tr('traitements.follow.cancelHelp')}</p>
        </>
      )}
    </>
  );
}

function Counts(props: { tr: Translate; result: ImportResult }) {
  const { tr, result } = props;
  const rows: [string, number][] = [
    [tr('imports.follow.read'), result.counts.read],
    [tr('imports.follow.header'), result.counts.header],
    [tr(result.simulation ? 'imports.follow.valid' : 'imports.follow.imported'), result.counts.imported],
    ...(result.updateKey === undefined ? [] : [[tr('traitements.follow.updated'), result.counts.updated] as [string, number]]),
    [tr('imports.follow.rejected'), result.counts.rejected],
    [tr('imports.follow.empty'), result.counts.empty],
  ];
  return (
    <table class="import-table import-bilan">
      <caption>{tr('imports.follow.caption')}</caption>
      <tbody>
        {rows.map(([label, count]) => (
          <tr>
            <th scope="row">{label}</th>
            <td class="nombre">{count}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Rejects(props: FollowOptions & { result: ImportResult }) {
  const { tr, result } = props;
  return (
    <section aria-labelledby="import-rejets">
      <h2 id="import-rejets">{tr('imports.follow.rejects')}</h2>
      {props.rejectsKept ? (
        <p>
          <a href={IMPORT_PATHS.rejects(props.job.id)} download>{tr('imports.follow.download')}</a>
          <br />
          <span class="aide">{tr('imports.follow.downloadHelp')}</span>
        </p>
      ) : (
        props.job.filesDeletedAt !== undefined && <p>{tr('traitements.follow.filesDeleted')}</p>
      )}
      <table class="import-table import-rejets">
        <caption>{tr('imports.follow.rejectsCaption', { shown: result.firstRejects.length, total: result.counts.rejected })}</caption>
        <thead>
          <tr>
            <th scope="col">{tr('imports.follow.line')}</th>
            <th scope="col">{tr('imports.follow.reasons')}</th>
            <th scope="col">{tr('imports.follow.content')}</th>
          </tr>
        </thead>
        <tbody>
          {result.firstRejects.map((reject) => (
            <tr>
              <th scope="row">{reject.line}</th>
              <td>
                <ul>{reject.reasons.map((reason) => <li>{reason}</li>)}</ul>
              </td>
              <td><code>{reject.cells.join(' | ')}</code></td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The counts and rejects of a result (a finished job's, or the partial one of a stopped job). */
function Outcome(props: FollowOptions & { result: ImportResult }) {
  const { tr, result } = props;
  const encoding = tr(result.encoding === 'utf-8' ? 'imports.follow.encodings.utf8' : 'imports.follow.encodings.windows1252');
  return (
    <>
      {!result.simulation && !result.written && result.mode === 'tout-ou-rien' && result.counts.rejected > 0 && (
        <p role="alert" class="message message-erreur">{tr('bulkImport.cli.refused')}</p>
      )}
      <p>{tr(`bulkImport.form.modes.${result.mode}`)}</p>
      <Counts tr={tr} result={result} />
      <p>{tr('imports.follow.encoding', { encoding })}</p>
      {result.counts.rejected > 0 && <Rejects {...props} result={result} />}
    </>
  );
}

/** Interrupted (the process stopped) or cancelled: how far it got, and what it had saved. */
function Stopped(props: FollowOptions) {
  const { tr, job } = props;
  const { done, total } = job.progress;
  const interrupted = job.state === 'interrompu';
  const message =
    total === undefined
      ? tr(interrupted ? 'traitements.follow.interruptedNoTotal' : 'traitements.follow.cancelledNoTotal')
      : tr(interrupted ? 'traitements.follow.interrupted' : 'traitements.follow.cancelled', { done, total });
  return (
    <>
      <p role="status" class="message message-avertissement">{message}</p>
      <JobSummary tr={tr} summary={job.summary} />
      {job.result && <Outcome {...props} result={job.result} />}
    </>
  );
}

/** What the live region holds (also the answer to htmx's refresh). */
export function FollowContent(props: FollowOptions) {
  const { tr, job } = props;
  const again = (
    <p>
      <a href={IMPORT_PATHS.spec(job.context.app, job.context.name)}>{tr('imports.follow.again')}</a>
    </p>
  );
  if (isActive(job.state)) return <Running {...props} />;
  if (job.state === 'interrompu' || job.state === 'annule') {
    return (
      <>
        <Stopped {...props} />
        {again}
      </>
    );
  }
  if (job.state === 'echoue' || !job.result) {
    return (
      <>
        <p role="alert">{tr('imports.follow.failed', { message: job.error ?? '' })}</p>
        <JobSummary tr={tr} summary={job.summary} />
        {again}
      </>
    );
  }
  return (
    <>
      <p class={job.result.simulation ? 'message message-info' : 'message message-succes'}>
        {tr(job.result.simulation ? 'imports.follow.simulationDone' : 'imports.follow.done')}
      </p>
      <Outcome {...props} result={job.result} />
      {again}
    </>
  );
}

export function FollowView(props: FollowOptions) {
  const { tr, job } = props;
  const polling = isActive(job.state) ? { 'hx-get': IMPORT_PATHS.follow(job.id), 'hx-trigger': POLL, 'hx-swap': 'innerHTML' } : {};
  return (
    <div class="import">
      {job.fileName !== undefined && <p>{tr('imports.follow.file', { name: job.fileName })}</p>}
      {job.context.simulation && <p>{tr('imports.follow.simulationMode')}</p>}
      <div id={LIVE_REGION_ID} aria-live="polite" {...polling}>
        <FollowContent {...props} />
      </div>
    </div>
  );
}
