/**
 * The write a referential loader needs: many rows inserted, or updated when their key exists, by
 * multi-row statements (a few hundred rows each, never more than 30,000 parameters). Names come
 * from the loader's code, values are bound parameters.
 */
import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';

const MAX_PARAMETERS = 30_000;

export interface UpsertTarget {
  readonly schema: string;
  readonly table: string;
  /** The columns written, in the order of each row's values. */
  readonly columns: readonly string[];
  /** The key (a unique constraint's columns): an existing row with it is updated. */
  readonly key: readonly string[];
}

/** Inserts or updates every row (a row whose values are unchanged is left alone); returns the number of rows given. */
export async function upsertRows(trx: Db, target: UpsertTarget, rows: readonly (readonly unknown[])[]): Promise<number> {
  const { schema, table, columns, key } = target;
  const updated = columns.filter((column) => !key.includes(column));
  const batchSize = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
  const columnList = sql.join(columns.map((column) => sql.id(column)));
  const onConflict =
    updated.length === 0
      ? sql`do nothing`
      : sql`do update set ${sql.join(updated.map((column) => sql`${sql.id(column)} = excluded.${sql.id(column)}`))}
          where (${sql.join(updated.map((column) => sql.id(table, column)))}) is distinct from (${sql.join(updated.map((column) => sql`excluded.${sql.id(column)}`))})`;
  for (let start = 0; start < rows.length; start += batchSize) {
    const values = rows.slice(start, start + batchSize).map((row) => sql`(${sql.join(row.map((value) => sql`${value}`))})`);
    await sql`insert into ${sql.id(schema, table)} (${columnList}) values ${sql.join(values)}
      on conflict (${sql.join(key.map((column) => sql.id(column)))}) ${onConflict}`.execute(trx);
  }
  return rows.length;
}
