/**
 * The CSV of a stored query: the chosen columns (a foreign key followed by its label, as the
 * listing's export; a fixed choice by its label, as the result's table), UTF-8 with a BOM, the
 * chosen separator, cells as the listing's export writes them.
 */
import { stringify } from 'csv-stringify/sync';
import type { Translate } from '../../i18n/index.ts';
import type { Registry } from '../../model/registry.ts';
import { csvColumns, type CsvColumn } from '../export/csv-cell.ts';
import type { CsvSeparator, QueryPlan } from '../../queries/index.ts';

/** Only the keys whose target is registered have a label (the record service joins it). */
function labelledKeys(registry: Registry, plan: QueryPlan): Set<string> {
  const keys = plan.shape.object.meta.foreignKeys.filter(
    (key) => key.columns.length === 1 && registry.bySchemaTable(key.target.schema, key.target.table) !== undefined,
  );
  return new Set(keys.map((key) => key.columns[0] ?? ''));
}

/** A fixed choice prints its label, as the result's table shows it. */
export const queryCsvColumns = (registry: Registry, plan: QueryPlan, tr: Translate): CsvColumn[] =>
  csvColumns(plan.columns, labelledKeys(registry, plan), tr, plan.shape.object.override.screens?.choices);

export const csvLines = (lines: readonly (readonly string[])[], separator: CsvSeparator) => stringify(lines.map((line) => [...line]), { delimiter: separator });
