/**
 * The follow-up of an import job: while it runs, a progress bar and « N lignes sur M » in a live
 * region that htmx refreshes (a plain « Actualiser » link without JavaScript); once done, the
 * counts, the first rejected lines and the reject file.
 */
import type { Translate } from '../../i18n/index.ts';
import type { ImportResult } from '../../imports/index.ts';
import type { Job } from '../../jobs/index.ts';
import type { ImportJobContext } from './job.ts';
import { IMPORT_PATHS } from './paths.ts';

export type ImportJob = Job<ImportResult, ImportJobContext>;

/** Seconds between two refreshes of a running job's page. */
const POLL = 'every 2s';
export const LIVE_REGION_ID = 'suivi-import';

function Running(props: { tr: Translate; job: ImportJob }) {
  const { tr, job } = props;
  const { done, total } = job.progress;
  return (
    <>
      <p>{tr(total === undefined ? 'imports.follow.counting' : 'imports.follow.running')}</p>
      <p>
        <label for="import-avancement">{tr('imports.follow.progressLabel')}</label>
        <br />
        {total === undefined ? <progress id="import-avancement"></progress> : <progress id="import-avancement" max={Math.max(total, 1)} value={done}></progress>}
      </p>
      {total !== undefined && <p class="import-compteur">{tr('imports.follow.progress', { done, total })}</p>}
      <p>
        <a href={IMPORT_PATHS.follow(job.id)}>{tr('imports.follow.refresh')}</a> <span class="aide">{tr('imports.follow.refreshHelp')}</span>
      </p>
    </>
  );
}

function Counts(props: { tr: Translate; result: ImportResult }) {
  const { tr, result } = props;
  const rows: [string, number][] = [
    [tr('imports.follow.read'), result.counts.read],
    [tr('imports.follow.header'), result.counts.header],
    [tr(result.simulation ? 'imports.follow.valid' : 'imports.follow.imported'), result.counts.imported],
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

function Rejects(props: { tr: Translate; job: ImportJob; result: ImportResult }) {
  const { tr, result } = props;
  return (
    <section aria-labelledby="import-rejets">
      <h2 id="import-rejets">{tr('imports.follow.rejects')}</h2>
      <p>
        <a href={IMPORT_PATHS.rejects(props.job.id)} download>{tr('imports.follow.download')}</a>
        <br />
        <span class="aide">{tr('imports.follow.downloadHelp')}</span>
      </p>
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

function Finished(props: { tr: Translate; job: ImportJob; result: ImportResult }) {
  const { tr, job, result } = props;
  const encoding = tr(result.encoding === 'utf-8' ? 'imports.follow.encodings.utf8' : 'imports.follow.encodings.windows1252');
  return (
    <>
      <p class={result.simulation ? 'message message-info' : 'message message-succes'}>
        {tr(result.simulation ? 'imports.follow.simulationDone' : 'imports.follow.done')}
      </p>
      <Counts tr={tr} result={result} />
      <p>{tr('imports.follow.encoding', { encoding })}</p>
      {result.counts.rejected > 0 && <Rejects tr={tr} job={job} result={result} />}
    </>
  );
}

/** What the live region holds (also the answer to htmx's refresh). */
export function FollowContent(props: { tr: Translate; job: ImportJob }) {
  const { tr, job } = props;
  const again = (
    <p>
      <a href={IMPORT_PATHS.spec(job.context.app, job.context.name)}>{tr('imports.follow.again')}</a>
    </p>
  );
  if (job.state === 'running') return <Running tr={tr} job={job} />;
  if (job.state === 'failed' || !job.result) {
    return (
      <>
        <p role="alert">{tr('imports.follow.failed', { message: job.error ?? '' })}</p>
        {again}
      </>
    );
  }
  return (
    <>
      <Finished tr={tr} job={job} result={job.result} />
      {again}
    </>
  );
}

export function FollowView(props: { tr: Translate; job: ImportJob }) {
  const { tr, job } = props;
  const polling = job.state === 'running' ? { 'hx-get': IMPORT_PATHS.follow(job.id), 'hx-trigger': POLL, 'hx-swap': 'innerHTML' } : {};
  return (
    <div class="import">
      <p>{tr('imports.follow.file', { name: job.context.fileName })}</p>
      {job.context.simulation && <p>{tr('imports.follow.simulationMode')}</p>}
      <div id={LIVE_REGION_ID} aria-live="polite" {...polling}>
        <FollowContent tr={tr} job={job} />
      </div>
    </div>
  );
}
