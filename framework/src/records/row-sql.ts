/** The statements that write rows, shared by the form (one row) and the import (many). */
import { sql, type RawBuilder } from 'kysely';
import type { Db, Row } from '../db/connection.ts';
import type { RegisteredObject } from '../model/registry.ts';
import type { FieldKind } from '../model/types.ts';
import { columnValue } from './column-value.ts';

const tableOf = (object: RegisteredObject) => sql.table(`${object.meta.schema}.${object.meta.name}`);

/** The columns of the insert: every name some row gives, and the keys fed by a sequence without default. */
function insertedNames(object: RegisteredObject, rows: readonly Row[]): string[] {
  const names = new Set<string>();
  for (const row of rows) for (const [name, value] of Object.entries(row)) if (value !== undefined) names.add(name);
  for (const field of object.meta.fields) if (field.sequence) names.add(field.name);
  return [...names];
}

/** A row's cell: its value, `nextval` for openMairie's `<table>_seq`, else the column's default. */
function cell(object: RegisteredObject, row: Row, name: string): unknown {
  const value = row[name];
  if (value !== undefined) return columnValue(object, name, value);
  const sequence = object.meta.fields.find((field) => field.name === name)?.sequence;
  return sequence ? sql`nextval(${`${object.meta.schema}.${sequence}`}::regclass)` : sql`default`;
}

/** Column kinds whose values go as one array parameter each (`unnest`), with the array's type. */
const ARRAY_TYPES: Partial<Record<FieldKind, string>> = {
  text: 'text[]',
  integer: 'int4[]',
  bigint: 'int8[]',
  decimal: 'numeric[]',
  float: 'float8[]',
  boolean: 'bool[]',
  date: 'date[]',
  time: 'time[]',
  timestamp: 'timestamp[]',
  timestamptz: 'timestamptz[]',
  uuid: 'uuid[]',
};

/** The array types of `names` when every one has one (and no key comes from a sequence); else undefined. */
function arrayTypes(object: RegisteredObject, names: readonly string[]): string[] | undefined {
  const types: string[] = [];
  for (const name of names) {
    const field = object.meta.fields.find((candidate) => candidate.name === name);
    const type = field && !field.sequence ? ARRAY_TYPES[field.kind] : undefined;
    if (!type) return undefined;
    types.push(type);
  }
  return types;
}

/**
 * One statement for rows that give the same columns: `insert … select from unnest($1::type[], …)`
 * when their types allow it (one parameter per column, whatever the number of rows: far less to
 * send, parse and bind), else a multi-row `values`. The stored rows come back in the order of
 * `rows` (the order PostgreSQL inserts and returns them in).
 */
async function insertAlike(trx: Db, object: RegisteredObject, names: readonly string[], rows: readonly Row[]): Promise<Row[]> {
  const columns = sql.join(names.map((name) => sql.id(name)));
  const types = rows.length > 1 ? arrayTypes(object, names) : undefined;
  if (types) {
    const arrays = names.map((name, index) => sql`${rows.map((row) => row[name] ?? null)}::${sql.raw(types[index] as string)}`);
    return (await sql<Row>`insert into ${tableOf(object)} (${columns}) select * from unnest(${sql.join(arrays)}) returning *`.execute(trx)).rows;
  }
  const tuples: RawBuilder<unknown>[] = rows.map((row) => sql`(${sql.join(names.map((name) => cell(object, row, name)))})`);
  return (await sql<Row>`insert into ${tableOf(object)} (${columns}) values ${sql.join(tuples)} returning *`.execute(trx)).rows;
}

/** Rows that give no column at all: each takes every default (PostgreSQL has no multi-row `default values`). */
async function insertDefaults(trx: Db, object: RegisteredObject, count: number): Promise<Row[]> {
  const stored: Row[] = [];
  for (let index = 0; index < count; index++) stored.push(...(await sql<Row>`insert into ${tableOf(object)} default values returning *`.execute(trx)).rows);
  return stored;
}

/** Inserts `rows` (one statement for each set of columns the rows give) and returns the stored rows, in the order of `rows`. */
export async function insertRows(trx: Db, object: RegisteredObject, rows: readonly Row[]): Promise<Row[]> {
  const stored: Row[] = new Array<Row>(rows.length);
  const groups = new Map<string, { names: string[]; indexes: number[] }>();
  rows.forEach((row, index) => {
    const names = insertedNames(object, [row]);
    const id = names.join(',');
    const group = groups.get(id) ?? { names, indexes: [] };
    group.indexes.push(index);
    groups.set(id, group);
  });
  for (const { names, indexes } of groups.values()) {
    const alike = indexes.map((index) => rows[index] as Row);
    const inserted = names.length > 0 ? await insertAlike(trx, object, names, alike) : await insertDefaults(trx, object, alike.length);
    indexes.forEach((index, position) => {
      stored[index] = inserted[position] as Row;
    });
  }
  return stored;
}

/** Updates the row with this key; the stored row, or `previous` when there is nothing to change. */
export async function updateRow(trx: Db, object: RegisteredObject, key: unknown, values: Row, previous: Row): Promise<Row> {
  const names = Object.keys(values);
  if (names.length === 0) return previous;
  const assignments = sql.join(names.map((name) => sql`${sql.id(name)} = ${columnValue(object, name, values[name])}`));
  const updated = await sql<Row>`update ${tableOf(object)} set ${assignments} where ${sql.id(object.meta.key as string)} = ${key} returning *`.execute(trx);
  return updated.rows[0] ?? previous;
}
