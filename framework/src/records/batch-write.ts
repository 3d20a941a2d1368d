/**
 * Many rows written in one transaction the caller gives (the import decides where transactions
 * begin and end), through the same pipeline as the form: authorisation (once), reading and
 * coercion, collectivité, `prepare`, generated rules, references and uniqueness (one query per
 * foreign key and per unique constraint for the whole batch), the override's rules, `beforeWrite`,
 * one multi-row insert, `afterWrite`, and one audit entry for the batch. A line that is refused
 * comes back with the form's messages; the others are written.
 *
 * Update mode: a line whose values of the chosen unique columns name a row the actor can see
 * updates it (permission `<table>_modifier`, the checks of `updateRecord`; empty cells leave the
 * field as it is); the other lines create rows.
 */
import { sql, type Transaction } from 'kysely';
import type { Actor } from '../access/actor.ts';
import { giveWay } from '../jobs/give-way.ts';
import type { Row, Schema } from '../db/connection.ts';
import type { WriteContext } from '../model/override.ts';
import type { RegisteredObject } from '../model/registry.ts';
import { writeAudit } from './audit.ts';
import { databaseRefusal } from './database-errors.ts';
import { ServiceError } from './errors.ts';
import { afterWriteOne, beforeWriteOne, needsRowByRow, refusalOf, runHook } from './hooks.ts';
import { insertRows, updateRow } from './row-sql.ts';
import { lockRowsMatching } from './select.ts';
import { hasAll, takeUniques, tupleKey, type TakenUniques } from './validate.ts';
import { authorizeWrite, type ServiceDeps } from './write.ts';
import { checkWrites, type PendingWrite } from './write-checks.ts';
import { applyTenant, readInput } from './write-input.ts';

export interface BatchLine {
  /** The line of the file (the audit entry and the refusals name it). */
  readonly line: number;
  /** As a form would post it: column name → text. */
  readonly input: Row;
}

export interface BatchOptions {
  readonly requestId?: string | undefined;
  /** Update mode: the unique columns that name the row a line updates. */
  readonly matchOn?: readonly string[] | undefined;
  /** Unique values of earlier lines that are not in the table (their batches were rolled back). */
  readonly taken?: TakenUniques | undefined;
}

export interface WrittenLine {
  readonly line: number;
  readonly action: 'create' | 'update';
  readonly key: unknown;
}

export interface RefusedLine {
  readonly line: number;
  readonly error: ServiceError;
}

export interface BatchOutcome {
  readonly written: readonly WrittenLine[];
  readonly refused: readonly RefusedLine[];
}

interface Item {
  readonly line: BatchLine;
  readonly pending: PendingWrite;
  refusal?: ServiceError | undefined;
  stored?: Row | undefined;
}

interface Batch {
  readonly deps: ServiceDeps;
  readonly actor: Actor;
  readonly object: RegisteredObject;
  readonly trx: Transaction<Schema>;
}

/** Lines read between two turns of the event loop. */
const LINES_PER_SLICE = 50;

/** The stored rows the lines name by their unique columns (update mode). */
async function existingRows(batch: Batch, matchOn: readonly string[] | undefined, created: readonly Row[]): Promise<Map<string, Row>> {
  if (!matchOn) return new Map();
  const rows = await lockRowsMatching(batch.trx, batch.object, batch.actor, matchOn, created.filter((values) => hasAll(values, matchOn)));
  return new Map(rows.map((row) => [tupleKey(row, matchOn), row]));
}

/** Each line read as the form reads it, with its collectivité, its stored row (update) and `prepare`. */
async function readLines(batch: Batch, lines: readonly BatchLine[], matchOn: readonly string[] | undefined): Promise<Item[]> {
  const { actor, object, trx } = batch;
  const { locale } = batch.deps;
  const created = lines.map((line) => {
    const read = readInput(object, line.input, true, true, locale);
    applyTenant(object, actor, read.values, true);
    return read;
  });
  const existing = await existingRows(batch, matchOn, created.map((read) => read.values));
  const items: Item[] = [];
  for (const [index, line] of lines.entries()) {
    // Reading a line is synchronous work: other requests are answered every few dozen lines.
    if (index > 0 && index % LINES_PER_SLICE === 0) await giveWay();
    const creating = created[index] as (typeof created)[number];
    const previous = matchOn && hasAll(creating.values, matchOn) ? existing.get(tupleKey(creating.values, matchOn)) : undefined;
    const key = object.meta.key;
    // The key names the row: it is matched, never written.
    const input = previous && key ? Object.fromEntries(Object.entries(line.input).filter(([name]) => name !== key)) : line.input;
    const { values, errors } = previous ? readInput(object, input, false, false, locale) : creating;
    if (previous) applyTenant(object, actor, values, false);
    const action = previous ? 'update' : 'create';
    // The import reports refusals per line; a hook's non-blocking warnings are not part of its report.
    const write: WriteContext = { actor, table: object.meta, action, trx, values, previous, locale, warn: () => undefined, files: batch.deps.files };
    const currentKey = previous && key ? previous[key] : undefined;
    const item: Item = { line, pending: { write, currentKey, merged: { ...previous, ...values }, inputErrors: errors } };
    const { prepare } = object.override;
    if (prepare) item.refusal = await refusalOf(() => prepare({ actor, table: object.meta, action, trx, input, values, previous, locale }));
    items.push(item);
  }
  return items;
}

const keyOf = (batch: Batch, item: Item): unknown => {
  const key = batch.object.meta.key;
  return key ? item.stored?.[key] : undefined;
};

/** One line's statement: an insert, or the update of its stored row. */
async function writeOne(batch: Batch, item: Item): Promise<Row> {
  const { write, currentKey } = item.pending;
  if (write.action === 'update' && write.previous) return updateRow(batch.trx, batch.object, currentKey, write.values, write.previous);
  return (await insertRows(batch.trx, batch.object, [write.values]))[0] as Row;
}

/**
 * Each line in its own savepoint, with the per-row hooks: a hook's `Veto` or a database refusal
 * (a concurrent insert, a CHECK constraint) rejects that line only.
 */
async function writeRowByRow(batch: Batch, items: readonly Item[]): Promise<void> {
  const { object, trx } = batch;
  for (const item of items) {
    await sql`savepoint commun_ligne`.execute(trx);
    try {
      await beforeWriteOne(object.override, item.pending.write);
      item.stored = await writeOne(batch, item);
      await afterWriteOne(object.override, item.pending.write, item.stored);
      await sql`release savepoint commun_ligne`.execute(trx);
    } catch (error) {
      await sql`rollback to savepoint commun_ligne`.execute(trx);
      await sql`release savepoint commun_ligne`.execute(trx);
      item.stored = undefined;
      item.refusal = error instanceof ServiceError ? error : databaseRefusal(error, object.meta, batch.deps.locale, batch.deps.registry);
    }
  }
}

/** The inserts as one statement, the updates one by one, between the batch forms of the hooks. */
async function writeAllAtOnce(batch: Batch, items: readonly Item[]): Promise<void> {
  const { object, trx } = batch;
  const { beforeWriteBatch, afterWriteBatch } = object.override;
  const writes = items.map((item) => item.pending.write);
  await sql`savepoint commun_lot`.execute(trx);
  try {
    if (beforeWriteBatch) await runHook(() => beforeWriteBatch(writes));
    const creates = items.filter((item) => item.pending.write.action === 'create');
    const stored = await insertRows(trx, object, creates.map((item) => item.pending.write.values));
    creates.forEach((item, index) => {
      item.stored = stored[index];
    });
    for (const item of items) if (item.pending.write.action === 'update') item.stored = await writeOne(batch, item);
    if (afterWriteBatch) await runHook(() => afterWriteBatch(items.map((item) => ({ ...item.pending.write, result: item.stored as Row }))));
    await sql`release savepoint commun_lot`.execute(trx);
  } catch (error) {
    await sql`rollback to savepoint commun_lot`.execute(trx);
    await sql`release savepoint commun_lot`.execute(trx);
    for (const item of items) item.stored = undefined;
    // A batch hook's refusal concerns the whole batch; a database refusal, one line we redo alone.
    if (error instanceof ServiceError) for (const item of items) item.refusal = error;
    else {
      // Rethrows anything that is not a database refusal (a bug, a lost connection).
      databaseRefusal(error, object.meta, batch.deps.locale, batch.deps.registry);
      await writeRowByRow(batch, items);
    }
  }
}

/** One audit entry for the batch: its lines, the keys it created and updated. */
async function auditBatch(batch: Batch, written: readonly WrittenLine[], lines: readonly BatchLine[], requestId: string | undefined): Promise<void> {
  if (written.length === 0) return;
  const keys = (action: WrittenLine['action']) => written.filter((line) => line.action === action).map((line) => line.key);
  const summary: Row = {
    lignes: { premiere: lines[0]?.line, derniere: lines[lines.length - 1]?.line },
    crees: keys('create'),
    modifies: keys('update'),
  };
  await writeAudit(batch.trx, { actor: batch.actor, object: batch.object, action: 'import', key: undefined, before: undefined, after: summary, requestId });
}

export async function writeBatch(
  deps: ServiceDeps,
  actor: Actor,
  object: RegisteredObject,
  trx: Transaction<Schema>,
  lines: readonly BatchLine[],
  options: BatchOptions = {},
): Promise<BatchOutcome> {
  authorizeWrite(object, actor, 'ajouter', deps.locale);
  if (options.matchOn) authorizeWrite(object, actor, 'modifier', deps.locale);
  const batch: Batch = { deps, actor, object, trx };
  const items = await readLines(batch, lines, options.matchOn);
  const prepared = items.filter((item) => !item.refusal);
  const refusals = await checkWrites(trx, deps.registry, object, prepared.map((item) => item.pending), deps.locale, options.taken);
  prepared.forEach((item, index) => {
    item.refusal = refusals[index];
  });
  const accepted = items.filter((item) => !item.refusal);
  if (accepted.length > 0) {
    if (needsRowByRow(object.override)) await writeRowByRow(batch, accepted);
    else await writeAllAtOnce(batch, accepted);
  }
  const done = items.filter((item) => item.stored !== undefined);
  if (options.taken) takeUniques(object.meta, done.map((item) => item.pending.merged), options.taken);
  const written = done.map((item) => ({ line: item.line.line, action: item.pending.write.action as WrittenLine['action'], key: keyOf(batch, item) }));
  await auditBatch(batch, written, lines, options.requestId);
  const refused = items.flatMap((item) => (item.refusal ? [{ line: item.line.line, error: item.refusal }] : []));
  return { written, refused };
}
