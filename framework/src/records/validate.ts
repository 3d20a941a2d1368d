import { sql, type RawBuilder } from 'kysely';
import type { Db, Row } from '../db/connection.ts';
import { t, type Locale } from '../i18n/index.ts';
import type { FieldErrors } from '../model/override.ts';
import type { RegisteredObject } from '../model/registry.ts';
import type { TableMeta } from '../model/types.ts';

const fieldOf = (table: TableMeta, name: string) => table.fields.find((field) => field.name === name);
const labelOf = (table: TableMeta, name: string) => fieldOf(table, name)?.label ?? name;

/** Required and length rules. `values` holds only the fields being written. Messages in `locale`. */
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
    }
  }
  return errors;
}

const ref = (name: string) => sql.ref(`t.${name}`);

/** Unique constraints, single and multi-column, among the rows the actor can see. */
export async function checkUniques(trx: Db, table: TableMeta, row: Row, currentKey: unknown, locale?: Locale): Promise<FieldErrors> {
  const errors: FieldErrors = {};
  for (const columns of table.uniques) {
    if (columns.some((name) => row[name] === null || row[name] === undefined)) continue;
    const conditions: RawBuilder<unknown>[] = columns.map((name) => sql`${ref(name)} = ${row[name]}`);
    if (currentKey !== undefined && table.key) conditions.push(sql`${ref(table.key)} <> ${currentKey}`);
    const found = await sql`select 1 from ${sql.table(`${table.schema}.${table.name}`)} as t where ${sql.join(conditions, sql` and `)} limit 1`.execute(trx);
    if (found.rows.length === 0) continue;
    const [first] = columns;
    if (!first) continue;
    errors[first] =
      columns.length === 1
        ? t('records.rules.unique', { label: labelOf(table, first) }, locale)
        : t('records.rules.uniqueTogether', { labels: columns.map((name) => labelOf(table, name)) }, locale);
  }
  return errors;
}

/**
 * Each foreign key value must name a row that exists *and* that the actor may see: the lookup runs
 * in the actor's transaction, so row-level security hides other collectivités' rows.
 */
export async function checkReferences(trx: Db, table: TableMeta, values: Row, locale?: Locale): Promise<FieldErrors> {
  const errors: FieldErrors = {};
  for (const foreignKey of table.foreignKeys) {
    if (!foreignKey.columns.some((name) => Object.hasOwn(values, name))) continue;
    if (foreignKey.columns.some((name) => values[name] === null || values[name] === undefined)) continue;
    const conditions = foreignKey.columns.map((name, index) => sql`${ref(foreignKey.targetColumns[index] ?? name)} = ${values[name]}`);
    const target = sql.table(`${foreignKey.target.schema}.${foreignKey.target.table}`);
    const found = await sql`select 1 from ${target} as t where ${sql.join(conditions, sql` and `)} limit 1`.execute(trx);
    if (found.rows.length === 0) {
      const first = foreignKey.columns[0] as string;
      errors[first] = t('records.rules.reference', { label: labelOf(table, first) }, locale);
    }
  }
  return errors;
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
