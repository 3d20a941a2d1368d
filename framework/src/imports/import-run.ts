/**
 * One import under way: its file read in batches, each batch through the record service
 * (`writeBatch`) after its references are resolved in bulk, and what the import counts of the
 * batches whose transaction is over (counts, rejects, written ranges, the job's summary).
 */
import type { Transaction } from 'kysely';
import type { Actor } from '../access/actor.ts';
import type { Schema } from '../db/connection.ts';
import { writeAs } from '../db/tenant-context.ts';
import { t, type Locale } from '../i18n/index.ts';
import type { RegisteredObject } from '../model/registry.ts';
import { ServiceError, writeBatch, type BatchLine, type ServiceDeps, type TakenUniques } from '../records/index.ts';
import { lineBatches, type LineBatch } from './batches.ts';
import { csvFileLines } from './csv-lines.ts';
import { ReferenceResolver } from './references.ts';
import { RejectCollector, type ImportResult } from './result.ts';
import type { ImportJob, ImportRequest } from './run.ts';

/** Bound parameters of one statement stay well under PostgreSQL's 65,535. */
const MAX_PARAMETERS = 30_000;

/** The batch's lines as the import counts them once their transaction is over. */
export interface BatchOutcome {
  readonly batch: LineBatch;
  readonly created: number;
  readonly updated: number;
  readonly rejects: readonly { readonly line: number; readonly cells: readonly string[]; readonly reasons: readonly string[] }[];
}

/** The service's refusal as reasons, each naming its column (« Nom » : …) unless it already does. */
function reasonsOf(error: ServiceError, object: RegisteredObject, locale: Locale | undefined): string[] {
  const fields = Object.entries(error.fields);
  if (fields.length === 0) return [error.message];
  return fields.map(([name, message]) => {
    const label = object.meta.fields.find((field) => field.name === name)?.label ?? name;
    return message.includes(`« ${label} »`) ? message : t('imports.reject.field', { label, message }, locale);
  });
}

/** Adds `[first, last]` to sorted ranges, joining it to the previous one when they touch. */
/** The batch's first line of data: the header line is not « written ». */
const firstDataLine = (batch: LineBatch): number => (batch.header ? batch.firstLine + 1 : batch.firstLine);

export function withRange(ranges: readonly (readonly [number, number])[], first: number, last: number): (readonly [number, number])[] {
  const previous = ranges[ranges.length - 1];
  if (previous && previous[1] + 1 >= first) return [...ranges.slice(0, -1), [previous[0], last]];
  return [...ranges, [first, last]];
}

export class ImportRun {
  readonly #deps: ServiceDeps;
  readonly #actor: Actor;
  readonly #request: ImportRequest;
  readonly #job: ImportJob;
  readonly #resolver: ReferenceResolver;
  readonly #matchOn: readonly string[] | undefined;
  readonly rejects: RejectCollector;
  header = 0;
  empty = 0;
  created = 0;
  updated = 0;
  lastLine = 0;
  stopped = false;
  ranges: (readonly [number, number])[] = [];
  encoding: ImportResult['encoding'] = 'utf-8';

  constructor(deps: ServiceDeps, actor: Actor, request: ImportRequest, job: ImportJob, matchOn: readonly string[] | undefined) {
    this.#deps = deps;
    this.#actor = actor;
    this.#request = request;
    this.#job = job;
    this.#matchOn = matchOn;
    this.#resolver = new ReferenceResolver(deps, actor);
    this.rejects = new RejectCollector(request.spec.fields.map((field) => field.name), request.separator, (name) => job.resultPath(name), deps.locale);
  }

  get batchSize(): number {
    const wanted = this.#request.batchSize ?? (this.#deps.db.kind === 'pglite' ? 100 : 2000);
    return Math.max(1, Math.min(wanted, Math.floor(MAX_PARAMETERS / Math.max(1, this.#request.spec.fields.length + 1))));
  }

  /** Every batch of the file, until its end or the job's cancellation; `offset` shifts the progress (second pass). */
  async eachBatch(total: number, offset: number, work: (batch: LineBatch) => Promise<void>): Promise<void> {
    const { path, spec, separator, header } = this.#request;
    const lines = csvFileLines(path, this.encoding, separator, this.#deps.locale);
    for await (const batch of lineBatches(lines, spec, header, this.batchSize, this.#deps.locale)) {
      if (this.#job.signal.aborted) {
        this.stopped = true;
        return;
      }
      await work(batch);
      this.#job.report(offset + batch.lastLine, total);
    }
  }

  /** One batch through the pipeline, in `trx`: references in bulk, then `writeBatch`. */
  async importBatch(trx: Transaction<Schema>, batch: LineBatch, taken: TakenUniques | undefined): Promise<BatchOutcome> {
    const { spec, object, requestId } = this.#request;
    const locale = this.#deps.locale;
    const rejects: { line: number; cells: readonly string[]; reasons: readonly string[] }[] = batch.refused.map((line) => ({ line: line.number, cells: line.cells, reasons: [line.reason] }));
    const resolved = await this.#resolver.resolve(trx, spec, batch.lines.map((line) => line.input));
    const lines: BatchLine[] = [];
    const cellsOf = new Map<number, readonly string[]>();
    batch.lines.forEach((line, index) => {
      const resolution = resolved[index];
      cellsOf.set(line.number, line.cells);
      if (resolution && resolution.reasons.length > 0) rejects.push({ line: line.number, cells: line.cells, reasons: resolution.reasons });
      else lines.push({ line: line.number, input: resolution?.values ?? line.input });
    });
    const outcome = await writeBatch(this.#deps, this.#actor, object, trx, lines, { requestId, matchOn: this.#matchOn, taken });
    for (const { line, error } of outcome.refused) rejects.push({ line, cells: cellsOf.get(line) ?? [], reasons: reasonsOf(error, object, locale) });
    rejects.sort((a, b) => a.line - b.line);
    const count = (action: 'create' | 'update') => outcome.written.filter((line) => line.action === action).length;
    return { batch, created: count('create'), updated: count('update'), rejects };
  }

  /** Counts a batch whose transaction is over. */
  async record(outcome: BatchOutcome, written: boolean): Promise<void> {
    const { batch } = outcome;
    if (batch.header) {
      this.header = 1;
      this.rejects.useHeader(batch.header);
    }
    this.empty += batch.empty;
    this.created += outcome.created;
    this.updated += outcome.updated;
    this.lastLine = batch.lastLine;
    for (const reject of outcome.rejects) await this.rejects.add(reject.line, reject.cells, reject.reasons);
    if (written && outcome.created + outcome.updated > 0) this.ranges = withRange(this.ranges, firstDataLine(batch), batch.lastLine);
  }

  /** The summary saved with each committed batch: how far the import got. */
  summaryAfter(outcome: BatchOutcome): Readonly<Record<string, unknown>> {
    const writes = outcome.created + outcome.updated;
    return {
      mode: this.#request.mode,
      lastLine: outcome.batch.lastLine,
      imported: this.created + outcome.created,
      updated: this.updated + outcome.updated,
      rejected: this.rejects.count + outcome.rejects.length,
      writtenRanges: writes > 0 ? withRange(this.ranges, firstDataLine(outcome.batch), outcome.batch.lastLine) : this.ranges,
    };
  }

  /** The summary of a « tout ou rien » committed at once: every line read was written (or rejected: none). */
  finalSummary(): Readonly<Record<string, unknown>> {
    return { mode: this.#request.mode, lastLine: this.lastLine, imported: this.created, updated: this.updated, rejected: 0, writtenRanges: this.lastLine > this.header ? [[1 + this.header, this.lastLine]] : [] };
  }

  /** Counts back to zero before the second pass of « tout ou rien » (the rejects stay). */
  restart(): void {
    this.header = 0;
    this.empty = 0;
    this.created = 0;
    this.updated = 0;
    this.lastLine = 0;
  }

  inTransaction<T>(work: (trx: Transaction<Schema>) => Promise<T>): Promise<T> {
    return writeAs(this.#deps.db.kysely, this.#actor, work);
  }

  get job(): ImportJob {
    return this.#job;
  }
}

