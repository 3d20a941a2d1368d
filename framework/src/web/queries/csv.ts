/**
 * The CSV of a stored query: the chosen columns (a foreign key followed by its label, as the
 * listing's export), UTF-8 with a BOM, the chosen separator. Cells are written as
 * `web/export/csv.ts` writes them; that module does not export its `cell`, so the few lines are
 * repeated here until it does.
 */
import { stringify } from 'csv-stringify/sync';
import { TIME_ZONE } from '../../config/time-zone.ts';
import type { Row } from '../../db/connection.ts';
import type { Translate } from '../../i18n/index.ts';
import type { Registry } from '../../model/registry.ts';
import type { FieldMeta } from '../../model/types.ts';
import type { CsvSeparator, QueryPlan } from '../../queries/index.ts';
import { LABEL_SUFFIX } from '../../records/index.ts';

export const BOM = '\ufeff';

interface CsvColumn {
  readonly header: string;
  readonly value: (row: Row) => string;
}

/** Values as a French spreadsheet reads them: JJ/MM/AAAA dates, decimal comma, Oui/Non. */
function cell(field: FieldMeta, value: unknown, tr: Translate): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return tr(value ? 'csv.yes' : 'csv.no');
  if (field.kind === 'date' && typeof value === 'string') return value.split('-').reverse().join('/');
  if (value instanceof Date) return value.toLocaleString('fr-FR', { timeZone: TIME_ZONE });
  if ((field.kind === 'decimal' || field.kind === 'float') && (typeof value === 'string' || typeof value === 'number')) {
    return String(value).replace('.', ',');
  }
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Only the keys whose target is registered have a label (the record service joins it). */
function labelledKeys(registry: Registry, plan: QueryPlan): Set<string> {
  const keys = plan.shape.object.meta.foreignKeys.filter(
    (key) => key.columns.length === 1 && registry.bySchemaTable(key.target.schema, key.target.table) !== undefined,
  );
  return new Set(keys.map((key) => key.columns[0] ?? ''));
}

export function csvColumns(registry: Registry, plan: QueryPlan, tr: Translate): CsvColumn[] {
  const labelled = labelledKeys(registry, plan);
  return plan.columns.flatMap((field) => {
    const own: CsvColumn = { header: field.label, value: (row) => cell(field, row[field.name], tr) };
    if (!labelled.has(field.name)) return [own];
    return [own, { header: tr('csv.labelColumn', { label: field.label }), value: (row) => String(row[`${field.name}${LABEL_SUFFIX}`] ?? '') }];
  });
}

export const csvLines = (lines: readonly (readonly string[])[], separator: CsvSeparator) => stringify(lines.map((line) => [...line]), { delimiter: separator });
