/**
 * The import of one CSV file (openMairie's `om_import`, without its flaw: every line goes through
 * the record service's pipeline as the user — permission, collectivité, validation, hooks, audit —
 * so an import cannot do what the form refuses), written in batches (`writeBatch`).
 *
 * - « ignorer les lignes en erreur »: each batch is its own transaction, committed with the job's
 *   summary (after a crash, the job says exactly which lines were written); rejects are reported.
 * - « tout ou rien »: any reject imports nothing. On the server, one transaction for the whole file
 *   on its own pooled connection. On the embedded database (one connection for every request), a
 *   first pass checks every batch and rolls it back, giving the connection back between batches;
 *   only a file without rejects is then written, in one transaction — which holds the embedded
 *   connection from BEGIN to COMMIT (the writing only, not the checking).
 * - simulation: every batch checked, then rolled back.
 */
import type { Actor } from '../access/actor.ts';
import { t } from '../i18n/index.ts';
import { JobFailure, type JobContext } from '../jobs/index.ts';
import type { ImportSpec } from '../model/specs.ts';
import type { RegisteredObject } from '../model/registry.ts';
import { authorizeWrite, TakenUniques, type ServiceDeps } from '../records/index.ts';
import { CsvUnreadable, type Separator } from './csv-lines.ts';
import { sniffFile } from './decode.ts';
import { ImportRun, type BatchOutcome } from './import-run.ts';
import type { ImportMode, ImportResult } from './result.ts';
import { updateKeyChoices, updateKeyColumns } from './update-key.ts';

export interface ImportRequest {
  readonly spec: ImportSpec;
  readonly object: RegisteredObject;
  /** The uploaded file, on disk. */
  readonly path: string;
  readonly separator: Separator;
  /** The first line holds the column names: it is skipped. */
  readonly header: boolean;
  readonly mode: ImportMode;
  readonly simulation: boolean;
  /** Update mode: the unique key (`updateKeyChoices`) naming the row a line updates. */
  readonly updateKey?: string | undefined;
  /** The upload's request id, written in the audit entries. */
  readonly requestId?: string | undefined;
  /** Lines per batch (default: 2,000 on the server, 100 on the embedded database: each batch holds its one session; measured by bench/responsiveness.ts). */
  readonly batchSize?: number | undefined;
}

/** What the import needs from its job. */
export type ImportJob = Pick<JobContext, 'signal' | 'report' | 'saveSummary' | 'resultPath'>;

/** Carries a batch's outcome out of the transaction it rolls back. */
class RolledBack<T> extends Error {
  constructor(readonly outcome: T) {
    super('rolled back');
  }
}

async function rolledBack<T>(work: () => Promise<unknown>): Promise<T> {
  try {
    await work();
  } catch (error) {
    if (error instanceof RolledBack) return error.outcome as T;
    throw error;
  }
  throw new Error('the transaction was meant to be rolled back');
}

/** « ignorer »: each batch committed with the job's summary. */
async function importEachBatch(run: ImportRun, total: number): Promise<void> {
  await run.eachBatch(total, 0, async (batch) => {
    const outcome = await run.inTransaction(async (trx) => {
      const done = await run.importBatch(trx, batch, undefined);
      await run.job.saveSummary(trx, run.summaryAfter(done));
      return done;
    });
    await run.record(outcome, true);
  });
}

/** Every batch checked, then rolled back; `taken` carries the unique values across batches. */
async function checkEachBatch(run: ImportRun, total: number, offset = 0): Promise<void> {
  const taken = new TakenUniques();
  await run.eachBatch(total, offset, async (batch) => {
    const outcome = await rolledBack<BatchOutcome>(() =>
      run.inTransaction(async (trx) => {
        throw new RolledBack(await run.importBatch(trx, batch, taken));
      }),
    );
    await run.record(outcome, false);
  });
}

/** The whole file in one transaction, committed only when no line was rejected and the job was not stopped. */
async function importAllOrNothing(run: ImportRun, total: number, offset: number): Promise<boolean> {
  try {
    await run.inTransaction(async (trx) => {
      await run.eachBatch(total, offset, async (batch) => run.record(await run.importBatch(trx, batch, undefined), false));
      if (run.rejects.count > 0 || run.stopped) throw new RolledBack(false);
      await run.job.saveSummary(trx, run.finalSummary());
    });
    return true;
  } catch (error) {
    if (error instanceof RolledBack) return false;
    throw error;
  }
}

export async function runImport(deps: ServiceDeps, actor: Actor, request: ImportRequest, job: ImportJob): Promise<ImportResult> {
  const { object, spec } = request;
  const locale = deps.locale;
  // Refused before anything is read or written.
  authorizeWrite(object, actor, 'ajouter', locale);
  let matchOn: readonly string[] | undefined;
  if (request.updateKey) {
    authorizeWrite(object, actor, 'modifier', locale);
    matchOn = updateKeyColumns(spec, object, request.updateKey);
    if (!matchOn) {
      const choices = updateKeyChoices(spec, object).map((choice) => choice.value).join(', ') || '—';
      throw new JobFailure(t('bulkImport.updateKey.unknown', { key: request.updateKey, table: object.meta.label, choices }, locale));
    }
  }
  const run = new ImportRun(deps, actor, request, job, matchOn);
  const sniffed = await sniffFile(request.path);
  run.encoding = sniffed.encoding;
  job.report(0, sniffed.lines);
  let written = false;
  let rejectFile: string | undefined;
  try {
    if (request.simulation) await checkEachBatch(run, sniffed.lines);
    else if (request.mode === 'ignorer') {
      await importEachBatch(run, sniffed.lines);
      written = run.ranges.length > 0;
    } else if (deps.db.kind === 'postgres') {
      written = await importAllOrNothing(run, sniffed.lines, 0);
    } else {
      // Embedded: check first, the connection given back between batches; then write, if all is well.
      await checkEachBatch(run, sniffed.lines * 2);
      if (run.rejects.count === 0 && !run.stopped) {
        run.restart();
        written = await importAllOrNothing(run, sniffed.lines * 2, sniffed.lines);
      }
    }
  } catch (error) {
    if (error instanceof CsvUnreadable && run.ranges.length > 0) {
      throw new JobFailure(t('bulkImport.file.unreadablePartly', { line: error.line, ranges: formatRanges(run.ranges) }, locale));
    }
    throw error;
  } finally {
    rejectFile = await run.rejects.close();
  }
  return {
    counts: { read: run.lastLine, header: run.header, imported: run.created, updated: run.updated, rejected: run.rejects.count, empty: run.empty },
    mode: request.mode,
    simulation: request.simulation,
    updateKey: matchOn?.join('+'),
    encoding: run.encoding,
    written,
    stopped: run.stopped,
    lastLine: run.lastLine,
    writtenRanges: written && request.mode === 'tout-ou-rien' ? [[1 + run.header, run.lastLine]] : run.ranges,
    firstRejects: run.rejects.first,
    rejectFile,
  };
}

/** `2-1001, 1003-2000`: the written lines, for a message. */
export const formatRanges = (ranges: readonly (readonly [number, number])[]): string =>
  ranges.map(([first, last]) => (first === last ? String(first) : `${first}-${last}`)).join(', ');
