/**
 * The listing and form facts of an application's table, derived from its metadata and the
 * generator's options: plain data written beside `meta` in the table's generated module.
 */
import type { ScreensDeclaration, WidgetKind } from '../model/override.ts';
import type { TableMeta } from '../model/types.ts';
import { defaultWidget } from '../model/widgets.ts';
import type { GeneratorOptions } from './options.ts';
import { referenceOf } from '../model/references.ts';
import { menuPlacementOf } from './menu-placement.ts';

export interface ListingFacts {
  readonly columns: readonly string[];
  readonly searchColumns: readonly string[];
  readonly defaultSort: readonly string[];
}

export interface SelectFacts {
  readonly schema: string;
  readonly table: string;
  readonly column: string;
  /** The column that names a row of the target, when the target is known. */
  readonly labelColumn?: string;
}

export interface FormFieldFacts {
  readonly name: string;
  readonly label: string;
  readonly widget: WidgetKind;
  readonly required: boolean;
  /** Filled by the database on create (identity, serial, sequence, default uuid): not asked. */
  readonly generated: boolean;
  readonly select?: SelectFacts;
}

export interface SubFormFacts {
  readonly table: string;
  readonly columns: readonly string[];
  readonly title: string;
}

export interface FormFacts {
  readonly fields: readonly FormFieldFacts[];
  readonly subForms: readonly SubFormFacts[];
}

export function listingFacts(table: TableMeta, options: GeneratorOptions): ListingFacts {
  return {
    columns: options.listColumns?.[table.name] ?? table.fields.map((field) => field.name),
    searchColumns: table.searchColumns,
    defaultSort: table.defaultSort,
  };
}

/** Child tables in the options' order, then by title. */
function orderedSubForms(table: TableMeta, served: ReadonlyMap<string, TableMeta>, options: GeneratorOptions): SubFormFacts[] {
  const subForms = table.referencedBy
    .filter((reference) => reference.columns.length === 1 && served.has(reference.source.table) && reference.source.schema === table.schema)
    .map((reference) => ({
      table: reference.source.table,
      columns: reference.columns,
      title: served.get(reference.source.table)?.label ?? reference.source.table,
    }));
  const order = options.subFormOrder?.[table.name] ?? [];
  const rank = (name: string) => (order.includes(name) ? order.indexOf(name) : order.length);
  return subForms.sort((a, b) => rank(a.table) - rank(b.table) || a.title.localeCompare(b.title, 'fr') || (a.table < b.table ? -1 : a.table > b.table ? 1 : 0));
}

export function formFacts(
  table: TableMeta,
  served: ReadonlyMap<string, TableMeta>,
  knownTargets: ReadonlyMap<string, TableMeta>,
  options: GeneratorOptions,
): FormFacts {
  const fields = table.fields.map((field): FormFieldFacts => {
    const foreignKey = referenceOf(table, field.name);
    const target = foreignKey ? knownTargets.get(`${foreignKey.target.schema}.${foreignKey.target.table}`) : undefined;
    const select: SelectFacts | undefined = foreignKey
      ? {
          schema: foreignKey.target.schema,
          table: foreignKey.target.table,
          column: foreignKey.targetColumns[0] ?? '',
          ...(target ? { labelColumn: target.labelColumn } : {}),
        }
      : undefined;
    return {
      name: field.name,
      label: field.label,
      widget: defaultWidget(field, foreignKey !== undefined),
      required: field.required,
      generated: field.generation !== null || field.sequence !== undefined,
      ...(select ? { select } : {}),
    };
  });
  return { fields, subForms: orderedSubForms(table, served, options) };
}

/** What the options say about the screens, as an override's `screens` (the menu entry under the application's heading). */
export function screensOf(table: TableMeta, options: GeneratorOptions): ScreensDeclaration {
  const listColumns = options.listColumns?.[table.name];
  const order = options.subFormOrder?.[table.name];
  return {
    menu: menuPlacementOf(table, options),
    ...(listColumns ? { listColumns } : {}),
    ...(order ? { subForms: { order } } : {}),
  };
}
