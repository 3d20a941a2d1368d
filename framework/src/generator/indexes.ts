/**
 * Index advice: for the search, sort and foreign-key columns the generated screens use, the
 * indexes that keep a listing fast on a large table, as SQL an application may adopt as a migration.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../db/connection.ts';
import { readSchemaIndexes } from '../db/introspect.ts';
import type { TableMeta } from '../model/types.ts';

/** The indexes a schema already has: names, and leading key columns per table. */
export interface ExistingIndexes {
  readonly names: ReadonlySet<string>;
  /** Table → key column lists (expression indexes left out). */
  readonly columns: ReadonlyMap<string, readonly (readonly string[])[]>;
}

export async function readExistingIndexes(db: Db, schema: string): Promise<ExistingIndexes> {
  const indexes = await readSchemaIndexes(db, schema);
  const columns = new Map<string, string[][]>();
  for (const index of indexes.filter((row) => row.plain)) columns.set(index.table_name, [...(columns.get(index.table_name) ?? []), index.columns]);
  return { names: new Set(indexes.map((row) => row.name)), columns };
}

// PostgreSQL's reserved words (and a few that cannot name a column without quotes).
const RESERVED_SQL = new Set(
  ('all analyse analyze and any array as asc asymmetric authorization binary both case cast check collate collation column ' +
    'concurrently constraint create cross current_catalog current_date current_role current_schema current_time ' +
    'current_timestamp current_user default deferrable desc distinct do else end except false fetch for foreign freeze ' +
    'from full grant group having ilike in initially inner intersect into is isnull join lateral leading left like limit ' +
    'localtime localtimestamp natural not notnull null offset on only or order outer overlaps placing primary references ' +
    'returning right select session_user similar some symmetric system_user table tablesample then to trailing true union ' +
    'unique user using variadic verbose when where window with').split(' '),
);

export function quoteIdentifier(name: string): string {
  return /^[a-z_][a-z0-9_]*$/.test(name) && !RESERVED_SQL.has(name) ? name : `"${name.replace(/"/g, '""')}"`;
}

const MAX_IDENTIFIER = 63;

/** `<table>_<columns>_<suffix>`, shortened with a hash when PostgreSQL would truncate it. */
export function indexName(table: string, columns: readonly string[], suffix: string): string {
  const name = `${table}_${columns.join('_')}_${suffix}`;
  if (Buffer.byteLength(name) <= MAX_IDENTIFIER) return name;
  const hash = createHash('sha256').update(name).digest('hex').slice(0, 8);
  let head = name;
  while (Buffer.byteLength(`${head}_${hash}`) > MAX_IDENTIFIER) head = head.slice(0, -1);
  return `${head}_${hash}`;
}

interface Advice {
  readonly comment: string;
  readonly name: string;
  readonly statement: string;
}

const startsWith = (index: readonly string[], columns: readonly string[]) =>
  columns.length <= index.length && columns.every((column, position) => index[position] === column);

export interface AdviceLabels {
  readonly search: (column: string) => string;
  readonly sort: (column: string) => string;
  readonly foreignKey: (columns: string) => string;
}

function adviceOf(table: TableMeta, existing: ExistingIndexes, labels: AdviceLabels): Advice[] {
  if (table.kind !== 'table') return [];
  const qualified = `${quoteIdentifier(table.schema)}.${quoteIdentifier(table.name)}`;
  const indexed = existing.columns.get(table.name) ?? [];
  const covered = (columns: readonly string[]) => indexed.some((index) => startsWith(index, columns));
  const advice: Advice[] = [];
  const kinds = new Map(table.fields.map((field) => [field.name, field.kind]));
  for (const column of table.searchColumns) {
    if (kinds.get(column) !== 'text') continue;
    const name = indexName(table.name, [column], 'trgm');
    advice.push({
      comment: labels.search(column),
      name,
      statement: `create index if not exists ${quoteIdentifier(name)} on ${qualified} using gin (om.fold(${quoteIdentifier(column)}::text) gin_trgm_ops);`,
    });
  }
  const btree = (columns: readonly string[], comment: string) => {
    if (covered(columns) || advice.some((item) => item.name === indexName(table.name, columns, 'idx'))) return;
    const name = indexName(table.name, columns, 'idx');
    advice.push({ comment, name, statement: `create index if not exists ${quoteIdentifier(name)} on ${qualified} (${columns.map(quoteIdentifier).join(', ')});` });
  };
  for (const sort of table.defaultSort) {
    const column = sort.replace(/^-/, '');
    if (kinds.has(column)) btree([column], labels.sort(column));
  }
  for (const key of table.foreignKeys) btree(key.columns, labels.foreignKey(key.columns.join(', ')));
  return advice.filter((item) => !existing.names.has(item.name));
}

/** The body of `index-advice.sql` (without its header): one commented statement per index. */
export function indexAdviceStatements(tables: readonly TableMeta[], existing: ExistingIndexes, labels: AdviceLabels): string[] {
  const lines: string[] = [];
  for (const table of tables) {
    const advice = adviceOf(table, existing, labels);
    if (advice.length === 0) continue;
    lines.push('', `-- ${table.name}`);
    for (const item of advice) lines.push(`-- ${item.comment}`, item.statement);
  }
  return lines;
}
