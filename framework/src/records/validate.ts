import { sql, type RawBuilder } from 'kysely';
import type { Db, Row } from '../db/connection.ts';
import { t, type Locale } from '../i18n/index.ts';
import type { FieldErrors } from '../model/override.ts';
import type { RegisteredObject } from '../model/registry.ts';
import type { FieldMeta, TableMeta } from '../model/types.ts';

const fieldOf = (table: TableMeta, name: string) => table.fields.find((field) => field.name === name);
const labelOf = (table: TableMeta, name: string) => fieldOf(table, name)?.label ?? name;

/** A number (or a decimal's text) under the field's lower bound. */
function belowMinimum(field: FieldMeta, value: unknown): boolean {
  const number = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
  if (Number.isNaN(number) || field.min === undefined) return false;
  return field.minExclusive ? number <= field.min : number < field.min;
}

/** Required, length and lower-bound rules. `values` holds only the fields being written. Messages in `locale`. */
export function checkShape(table: TableMeta, values: Row, creating: boolean, locale?: Locale): FieldErrors {
  const errors: FieldErrors = {};
  for (const field of table.fields) {
    const provided = Object.hasOwn(values, field.name);
    const value = values[field.name];
    const empty = value === null || value === undefined;
    if (field.required && empty && (creating || provided)) {
      errors[field.name] = t('records.rules.required', { label: field.label }, locale);
    } else if (!creating && provided && empty && field.notNull) {
      errors[field.name] = t('records.rules.cannotEmpty', { label: field.label }, locale);
    } else if (typeof value === 'string' && field.maxLength !== undefined && [...value].length > field.maxLength) {
      errors[field.name] = t('records.rules.tooLong', { label: field.label, max: field.maxLength, length: [...value].length }, locale);
    } else if (field.min !== undefined && !empty && belowMinimum(field, value)) {
      errors[field.name] = t(field.minExclusive ? 'inputChecks.above' : 'inputChecks.minimum', { label: field.label, min: field.min }, locale);
    }
  }
  return errors;
}

const ref = (name: string) => sql.ref(`t.${name}`);

/**
 * A value as a comparison key: the database answers numbers and strings, the coerced input may
 * hold either for the same column (a bigint key arrives as a number, a date as a string).
 */
const keyPart = (value: unknown): string => (value instanceof Date ? value.toISOString() : typeof value === 'object' ? JSON.stringify(value) : String(value));
export const tupleKey = (row: Row, columns: readonly string[]): string => columns.map((name) => keyPart(row[name])).join('\u0000');

/** Every one of `columns` has a value in `row` (a tuple that can clash or be looked up). */
export const hasAll = (row: Row, columns: readonly string[]) => columns.every((name) => row[name] !== null && row[name] !== undefined);

/**
 * `t.a = any($1)` for one column (a single array parameter, whatever the number of rows: cheap to
 * build, send and plan), `(t.a, t.b) in ((…), (…))` for several, over the distinct tuples of `rows`.
 */
export function tupleCondition(columns: readonly string[], targetColumns: readonly string[], rows: readonly Row[]): RawBuilder<unknown> {
  const distinct = new Map<string, Row>();
  for (const row of rows) distinct.set(tupleKey(row, columns), row);
  const [column] = columns;
  const [target] = targetColumns;
  if (columns.length === 1 && column !== undefined && target !== undefined) {
    return sql`${ref(target)} = any(${[...distinct.values()].map((row) => row[column])})`;
  }
  const tuples = [...distinct.values()].map((row) => sql`(${sql.join(columns.map((name) => sql`${row[name]}`))})`);
  return sql`(${sql.join(targetColumns.map((name) => ref(name)))}) in (${sql.join(tuples)})`;
}

/**
 * The columns a lookup by `columns` searches on: all but the collectivité's, whose statistics mislead
 * the planner while an import fills the table in one transaction (it would scan the collectivité's
 * index instead of the unique one). The whole tuple is compared afterwards.
 */
export function searchedColumns(table: TableMeta, columns: readonly string[]): readonly string[] {
  const searched = columns.filter((name) => name !== table.tenantColumn);
  return searched.length > 0 ? searched : columns;
}

/** The tuples of `columns` found among the rows the actor can see (with the row's key when asked). */
async function foundTuples(trx: Db, table: TableMeta, columns: readonly string[], rows: readonly Row[], withKey: boolean): Promise<Map<string, unknown[]>> {
  const found = new Map<string, unknown[]>();
  if (rows.length === 0) return found;
  const selected = [...columns.map((name) => ref(name)), ...(withKey && table.key ? [sql`${ref(table.key)} as "__key"`] : [])];
  const searched = searchedColumns(table, columns);
  const query = sql<Row>`select ${sql.join(selected)} from ${sql.table(`${table.schema}.${table.name}`)} as t where ${tupleCondition(searched, searched, rows)}`;
  for (const row of (await query.execute(trx)).rows) {
    const id = tupleKey(row, columns);
    found.set(id, [...(found.get(id) ?? []), row.__key]);
  }
  return found;
}

/** A row about to be written, for the uniqueness check: its values merged over the stored ones. */
export interface UniqueCandidate {
  readonly row: Row;
  /** The key of the row being updated (it does not clash with itself); undefined on create. */
  readonly currentKey: unknown;
}

/**
 * Unique values already taken, by constraint, among lines checked earlier in the same import but
 * not (or not yet) in the table: batches checked then rolled back (simulation).
 */
export class TakenUniques {
  readonly #taken = new Set<string>();
  has(constraint: number, id: string): boolean {
    return this.#taken.has(`${constraint}\u0001${id}`);
  }
  add(constraint: number, id: string): void {
    this.#taken.add(`${constraint}\u0001${id}`);
  }
}

function uniqueMessage(table: TableMeta, columns: readonly string[], locale: Locale | undefined): string {
  const [first] = columns;
  return columns.length === 1
    ? t('records.rules.unique', { label: labelOf(table, first ?? '') }, locale)
    : t('records.rules.uniqueTogether', { labels: columns.map((name) => labelOf(table, name)) }, locale);
}

/**
 * Unique constraints, single and multi-column, among the rows the actor can see, for many rows at
 * once: one query per constraint. Two candidates with the same values clash too (the first keeps
 * them), and so does a value in `taken`. The errors come in the order of `candidates`.
 */
export async function checkUniquesBulk(
  trx: Db,
  table: TableMeta,
  candidates: readonly UniqueCandidate[],
  locale?: Locale,
  taken?: TakenUniques,
): Promise<FieldErrors[]> {
  const errors: FieldErrors[] = candidates.map(() => ({}));
  for (const [constraint, columns] of table.uniques.entries()) {
    const [first] = columns;
    if (!first) continue;
    const checked = candidates.filter(({ row }) => hasAll(row, columns));
    const found = await foundTuples(trx, table, columns, checked.map(({ row }) => row), true);
    const seen = new Set<string>();
    candidates.forEach(({ row, currentKey }, index) => {
      if (!hasAll(row, columns)) return;
      const id = tupleKey(row, columns);
      const others = (found.get(id) ?? []).filter((key) => currentKey === undefined || keyPart(key) !== keyPart(currentKey));
      if (others.length > 0 || seen.has(id) || taken?.has(constraint, id)) (errors[index] as FieldErrors)[first] = uniqueMessage(table, columns, locale);
      seen.add(id);
    });
  }
  return errors;
}

/** Unique constraints of one row (see `checkUniquesBulk`). */
export async function checkUniques(trx: Db, table: TableMeta, row: Row, currentKey: unknown, locale?: Locale): Promise<FieldErrors> {
  return (await checkUniquesBulk(trx, table, [{ row, currentKey }], locale))[0] ?? {};
}

/** Records the unique values of rows now written (or checked, in a simulation) in `taken`. */
export function takeUniques(table: TableMeta, rows: readonly Row[], taken: TakenUniques): void {
  for (const [constraint, columns] of table.uniques.entries()) {
    for (const row of rows) if (hasAll(row, columns)) taken.add(constraint, tupleKey(row, columns));
  }
}

/** Child rows that would be orphaned: « N enregistrement(s) lié(s) … dans la table X ». */
export async function childRowMessages(
  trx: Db,
  object: RegisteredObject,
  row: Row,
  labelOfTable: (schema: string, table: string) => string,
  locale?: Locale,
): Promise<string[]> {
  const messages: string[] = [];
  for (const reference of object.meta.referencedBy) {
    // Rows the database deletes or detaches by itself do not block the deletion.
    if (reference.onDelete && reference.onDelete !== 'restrict') continue;
    const conditions = reference.columns.map((name, index) => sql`${ref(name)} = ${row[reference.targetColumns[index] ?? ''] ?? null}`);
    const source = sql.table(`${reference.source.schema}.${reference.source.table}`);
    const result = await sql<{ n: number }>`select count(*)::int as n from ${source} as t where ${sql.join(conditions, sql` and `)}`.execute(trx);
    const count = Number(result.rows[0]?.n ?? 0);
    if (count > 0) {
      messages.push(t('records.linkedRows', { count, table: labelOfTable(reference.source.schema, reference.source.table) }, locale));
    }
  }
  return messages;
}
