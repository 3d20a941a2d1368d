/**
 * Printing a search or a selection (issue 10 §4): which records, and the job that prints them
 * into one PDF when they are many (« Mes traitements » shows its progress, its cancel and its
 * file). The records are those the user may consult: a search runs under their row-level
 * security, and every key of an explicit selection is read as them first (another collectivité's
 * record is left out, never printed).
 */
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { once } from 'node:events';
import type { Actor } from '../access/actor.ts';
import type { Row } from '../db/connection.ts';
import type { Locale } from '../i18n/index.ts';
import { jobFolder, jobKind, type JobContext } from '../jobs/index.ts';
import type { DocumentRef } from '../model/override.ts';
import type { RegisteredObject } from '../model/registry.ts';
import { ServiceError } from '../records/errors.ts';
import type { ListRequest } from '../records/list-plan.ts';
import { exportRecords, getRecord } from '../records/read.ts';
import type { ServiceDeps } from '../records/write.ts';
import { documentApplies } from './applies.ts';
import type { DocumentDefinition } from './render/definition.ts';
import { renderBatch } from './render/batch.ts';
import type { RenderRuntime } from './render/index.ts';

/** Up to this many documents the PDF is sent at once; beyond, it is prepared as a job. */
export const DIRECT_PRINT_LIMIT = 50;
/** The most keys an explicit selection (`cles=1,2,3`) may name. */
export const MAX_SELECTED_KEYS = 10_000;

export interface PrintJobContext {
  readonly app: string;
  readonly table: string;
  readonly kind: string;
  readonly id: string;
  /** The document's label (« Mes traitements » names the job with it). */
  readonly label: string;
}

export interface PrintJobResult {
  readonly documents: number;
  readonly file: string;
}

export const PRINT_JOB = jobKind<PrintJobResult, PrintJobContext>('impression');

/** The records to print: the listing's search, or keys the user ticked. */
export type PrintSelection = { readonly search: ListRequest } | { readonly keys: readonly string[] };

/** The keys of the records to print, in order (a search's keys only: a few bytes each). */
export async function selectedKeys(
  deps: ServiceDeps,
  actor: Actor,
  object: RegisteredObject,
  selection: PrintSelection,
  document?: DocumentRef,
): Promise<(string | number)[]> {
  const keyField = object.meta.key ?? '';
  const keys: (string | number)[] = [];
  // A record the document does not apply to (a refusal letter for an accepted movement) is left out.
  const keep = (row: Row) => {
    const value = row[keyField];
    if ((typeof value === 'string' || typeof value === 'number') && (!document || documentApplies(object, row, document))) keys.push(value);
  };
  if ('search' in selection) {
    await exportRecords(deps, actor, object, selection.search, async (rows) => rows.forEach(keep), 'consulter');
    return keys;
  }
  for (const raw of selection.keys) {
    try {
      keep(await getRecord(deps, actor, object, raw));
    } catch (error) {
      // Not visible to this user (another collectivité's, deleted since): left out.
      if (!(error instanceof ServiceError) || error.code !== 'not_found') throw error;
    }
  }
  return keys;
}

export interface PrintWork {
  readonly runtime: RenderRuntime;
  readonly deps: ServiceDeps;
  readonly actor: Actor;
  readonly locale: Locale;
  readonly object: RegisteredObject;
  readonly definition: DocumentDefinition;
  readonly selection: PrintSelection;
}

/**
 * The job's work: the keys, then the documents one by one into a partial file of the job's folder,
 * which becomes its result file (offered in « Mes traitements ») only when complete: a cancelled or
 * failed print leaves no truncated PDF to download.
 */
export async function runPrintJob(work: PrintWork, job: JobContext): Promise<PrintJobResult> {
  const keys = await selectedKeys(work.deps, work.actor, work.object, work.selection, { kind: work.definition.kind, id: work.definition.id });
  job.report(0, keys.length);
  const file = `impression-${work.definition.id.replace(/[^A-Za-z0-9_-]+/g, '_').slice(0, 80)}.pdf`;
  const folder = jobFolder(work.runtime.config.dataDir, job.id);
  await mkdir(folder, { recursive: true });
  const partial = join(folder, `.${file}.partiel`);
  const output = createWriteStream(partial);
  const closed = once(output, 'close');
  let documents: number;
  try {
    documents = await renderBatch(work.runtime, {
      actor: work.actor,
      locale: work.locale,
      definition: work.definition,
      keys,
      signal: job.signal,
      progress: (done) => job.report(done, keys.length),
      write: async (chunk) => {
        if (!output.write(chunk)) await once(output, 'drain');
      },
    });
  } catch (error) {
    output.destroy();
    await closed;
    await rm(partial, { force: true });
    throw error;
  }
  output.end();
  await closed;
  await rename(partial, job.resultPath(file));
  return { documents, file };
}
