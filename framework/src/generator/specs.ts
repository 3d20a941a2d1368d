/**
 * The stored queries, CSV import and PDF listing the generator derives from a table's metadata
 * (openMairie's `T.reqmo.inc.php`, `T_<fk>.reqmo.inc.php`, `T.import.inc.php`, `T.pdf.inc.php`).
 */
import { REFERENCE_LOCALE, translator } from '../i18n/index.ts';
import type { ImportFieldSpec, ListingPdfColumn, ListingPdfSpec, PdfAlign, StoredQuerySpec } from '../model/specs.ts';
import type { FieldKind, FieldMeta, TableMeta } from '../model/types.ts';
import { referenceOf } from '../model/references.ts';

const tf = translator(REFERENCE_LOCALE);

/** Kinds a table cell cannot show as text: left out of queries' columns and PDF listings. */
const NOT_TABULAR: ReadonlySet<FieldKind> = new Set(['bytea', 'json', 'geometry', 'array']);
/** Kinds an import cannot take from a CSV cell. */
const NOT_IMPORTABLE: ReadonlySet<FieldKind> = new Set(['bytea', 'geometry']);

const tabular = (field: FieldMeta) => !NOT_TABULAR.has(field.kind);

/** « Base légale » → « base légale », but « DPO » stays. */
function lowerFirst(label: string): string {
  const [first = '', second = ''] = label;
  return second !== '' && second === second.toUpperCase() ? label : first.toLowerCase() + label.slice(1);
}

function singleColumnKeys(table: TableMeta) {
  return table.foreignKeys.filter((key) => key.columns.length === 1 && key.columns[0] !== table.tenantColumn);
}

/**
 * The table's query (every column, every sort) and one per foreign key whose target is known,
 * filtered on a row of that target (openMairie's per-key `reqmo`).
 */
export function storedQueriesOf(table: TableMeta, knownTargets: ReadonlyMap<string, TableMeta>): StoredQuerySpec[] {
  const columns = table.fields.filter(tabular).map((field) => field.name);
  if (columns.length === 0) return [];
  const sort = [...table.defaultSort.filter((column) => columns.includes(column)), ...columns.filter((column) => !table.defaultSort.includes(column))];
  const query = (name: string, label: string, criteria: StoredQuerySpec['criteria']): StoredQuerySpec =>
    ({ app: table.app, name, table: table.name, label, columns, sort, criteria });
  const queries: StoredQuerySpec[] = [query(table.name, table.label, [])];
  for (const key of singleColumnKeys(table)) {
    const column = key.columns[0] ?? '';
    const field = table.fields.find((candidate) => candidate.name === column);
    if (!field || !knownTargets.has(`${key.target.schema}.${key.target.table}`)) continue;
    const label = tf('cli.gen.query.byKey', { table: table.label, field: lowerFirst(field.label) });
    queries.push(query(`${table.name}_${column}`, label, [{ field: column, input: 'choice', required: true }]));
  }
  return queries;
}

/** A field the database fills by itself (identity, serial, sequence, uuid default, computed). */
const filledByDatabase = (field: FieldMeta) => field.generation !== null || field.sequence !== undefined;

/**
 * The CSV import of a writable table: its columns in table order, without the ones the database
 * fills and the collectivité (set by the record service). None for a read-only object.
 */
export function importSpecOf(table: TableMeta, knownTargets: ReadonlyMap<string, TableMeta>) {
  if (table.readOnly) return undefined;
  const fields = table.fields
    .filter((field) => !filledByDatabase(field) && !NOT_IMPORTABLE.has(field.kind) && field.name !== table.tenantColumn)
    .map((field): ImportFieldSpec => {
      const key = referenceOf(table, field.name);
      const target = key ? knownTargets.get(`${key.target.schema}.${key.target.table}`) : undefined;
      return {
        name: field.name,
        label: field.label,
        kind: field.kind,
        required: field.required,
        ...(field.maxLength !== undefined ? { maxLength: field.maxLength } : {}),
        ...(field.defaultSql !== undefined ? { defaultSql: field.defaultSql } : {}),
        ...(field.enumValues ? { enumValues: field.enumValues } : {}),
        ...(key
          ? {
              reference: {
                schema: key.target.schema,
                table: key.target.table,
                column: key.targetColumns[0] ?? '',
                ...(target ? { labelColumn: target.labelColumn } : {}),
              },
            }
          : {}),
      };
    });
  return fields.length === 0 ? undefined : { app: table.app, name: table.name, table: table.name, label: table.label, fields };
}

// ---- PDF listing --------------------------------------------------------------------------------

/** Printable width of an A4 page with 10 mm margins. */
const PAGE_WIDTH_MM = { portrait: 190, landscape: 277 } as const;
/** Width of an average character of the listing's 8 pt font, with the cell's padding. */
const MM_PER_CHARACTER = 1.5;
const MIN_CHARACTERS = 6;
const MAX_CHARACTERS = 30;

/** Characters a column needs: its values' usual length, or its header's, within [6, 30]. */
function charactersOf(field: FieldMeta): number {
  const byKind: Partial<Record<FieldKind, number>> = {
    integer: 8, bigint: 12, decimal: 12, float: 12, boolean: 5, date: 10, time: 8, timestamp: 16, timestamptz: 16, uuid: 36,
  };
  const values =
    field.kind === 'enum' && field.enumValues?.length
      ? Math.max(...field.enumValues.map((value) => value.length))
      : (field.maxLength ?? byKind[field.kind] ?? MAX_CHARACTERS);
  const header = Math.min(field.label.length, 15);
  return Math.min(MAX_CHARACTERS, Math.max(MIN_CHARACTERS, values, header));
}

function alignOf(kind: FieldKind): PdfAlign {
  if (['integer', 'bigint', 'decimal', 'float'].includes(kind)) return 'right';
  if (['boolean', 'date', 'time', 'timestamp', 'timestamptz'].includes(kind)) return 'center';
  return 'left';
}

/** Unbounded text that is not the table's label: a long description, printed after the other columns. */
const isLongText = (field: FieldMeta, table: TableMeta) =>
  field.kind === 'text' && field.maxLength === undefined && field.name !== table.labelColumn && !table.primaryKey.includes(field.name);

/** A foreign key column shows its target's label: it is as wide as that label, and reads as text. */
function shownField(field: FieldMeta, table: TableMeta, knownTargets: ReadonlyMap<string, TableMeta>): FieldMeta {
  const key = referenceOf(table, field.name);
  const target = key ? knownTargets.get(`${key.target.schema}.${key.target.table}`) : undefined;
  const label = target?.fields.find((candidate) => candidate.name === target.labelColumn);
  return label ? { ...label, name: field.name, label: field.label } : field;
}

/**
 * The listing's columns that fit an A4 page (portrait when they fit it, else landscape; the
 * columns that would not fit a landscape page are left out, long texts first), widths in
 * proportion to their characters, stretched to the page.
 */
export function listingPdfOf(
  table: TableMeta,
  knownTargets: ReadonlyMap<string, TableMeta>,
  listColumns?: readonly string[],
): ListingPdfSpec | undefined {
  const byName = new Map(table.fields.map((field) => [field.name, shownField(field, table, knownTargets)]));
  const shown = (listColumns ?? table.fields.map((field) => field.name))
    .map((name) => byName.get(name))
    .filter((field): field is FieldMeta => field !== undefined && tabular(field));
  // Long texts come last, where room is left: the engine wraps them whole, on as many lines as they need.
  const candidates = [...shown.filter((field) => !isLongText(field, table)), ...shown.filter((field) => isLongText(field, table))];
  const kept: { field: FieldMeta; characters: number }[] = [];
  let total = 0;
  for (const field of candidates) {
    const characters = charactersOf(field);
    if (kept.length > 0 && (total + characters) * MM_PER_CHARACTER > PAGE_WIDTH_MM.landscape) break;
    kept.push({ field, characters });
    total += characters;
  }
  if (kept.length === 0) return undefined;
  const orientation = total * MM_PER_CHARACTER <= PAGE_WIDTH_MM.portrait ? 'portrait' : 'landscape';
  const page = PAGE_WIDTH_MM[orientation];
  const columns = kept.map(({ field, characters }): ListingPdfColumn => ({
    field: field.name,
    width: Math.round((page * characters * 10) / total) / 10,
    align: alignOf(field.kind),
  }));
  return { app: table.app, table: table.name, title: table.label, orientation, columns };
}
