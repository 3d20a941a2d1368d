/**
 * Where the generator puts a table's listing in the menu: under the application's heading (its
 * title), in « Application » for the tables users work in and in « Paramétrage » for its reference
 * tables (the short lists the other tables pick from), as openMairie's menus do.
 */
import { frenchLabel } from '../model/conventions.ts';
import type { MenuPlacement } from '../model/override.ts';
import type { TableMeta } from '../model/types.ts';
import type { GeneratorOptions } from './options.ts';

/** Beyond this many columns of its own, a table holds more than a label and a code. */
const REFERENCE_MAX_OWN_COLUMNS = 3;

/**
 * A reference table: another table of its schema refers to it, it refers to no table of its schema
 * (a key to a framework table, `om_collectivite`, is allowed), and besides its key, its collectivité
 * and its validity dates it has at most three columns, all text or yes/no (a code, a label, a
 * description, a flag).
 */
export function isReferenceTable(table: TableMeta): boolean {
  if (table.kind !== 'table') return false;
  const referenced = table.referencedBy.some((reference) => reference.source.schema === table.schema && reference.source.table !== table.name);
  if (!referenced) return false;
  if (table.foreignKeys.some((key) => key.target.schema === table.schema)) return false;
  const technical = new Set([...table.primaryKey, table.tenantColumn, table.validity?.start, table.validity?.end]);
  const own = table.fields.filter((field) => !technical.has(field.name));
  return own.length <= REFERENCE_MAX_OWN_COLUMNS && own.every((field) => field.kind === 'text' || field.kind === 'boolean');
}

/** The heading of the application's entries: its `title`, else a label made from its name. */
export const menuHeadingOf = (options: Pick<GeneratorOptions, 'name' | 'title'>): string => options.title ?? frenchLabel(options.name);

/** Whether the table goes under « Paramétrage »: the `parametrage` option, else the reference-table rule. */
function inParametrage(table: TableMeta, selection: GeneratorOptions['parametrage']): boolean {
  if (selection === false) return false;
  if (Array.isArray(selection)) return selection.includes(table.name);
  return isReferenceTable(table);
}

export function menuPlacementOf(
  table: TableMeta,
  options: Pick<GeneratorOptions, 'name' | 'title' | 'parametrage'>,
): MenuPlacement & { readonly category: string } {
  return { rubrique: inParametrage(table, options.parametrage) ? 'parametrage' : 'application', category: menuHeadingOf(options) };
}
