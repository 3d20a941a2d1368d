import type { ForeignKeyMeta, TableMeta } from './types.ts';

/**
 * The single-column foreign key on `column`: the one a form draws as a select and a listing shows
 * by its target's label. A key over several columns is none of these.
 */
export function referenceOf(table: TableMeta, column: string): ForeignKeyMeta | undefined {
  return table.foreignKeys.find((key) => key.columns.length === 1 && key.columns[0] === column);
}

/** The columns that carry a single-column foreign key. */
export function referenceColumns(table: TableMeta): Set<string> {
  return new Set(table.foreignKeys.filter((key) => key.columns.length === 1).map((key) => key.columns[0] ?? ''));
}
