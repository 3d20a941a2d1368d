import { TIME_ZONE } from '../../config/time-zone.ts';
import type { Row } from '../../db/connection.ts';
import type { Translate } from '../../i18n/index.ts';
import type { Choice } from '../../model/override.ts';
import type { FieldMeta } from '../../model/types.ts';
import { spreadsheetSafe } from '../../imports/spreadsheet-safe.ts';
import { LABEL_SUFFIX } from '../../records/index.ts';

/** Opens every CSV download: spreadsheets then read the file as UTF-8. */
export const BOM = '\ufeff';

/**
 * A value as a French spreadsheet reads it: JJ/MM/AAAA dates, decimal comma, Oui/Non (in the
 * catalogue's words), and text that could run as a formula neutralised (`spreadsheetSafe`).
 */
export function csvCell(field: FieldMeta, value: unknown, tr: Translate): string {
  return spreadsheetSafe(cellText(field, value, tr));
}

function cellText(field: FieldMeta, value: unknown, tr: Translate): string {
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

export interface CsvColumn {
  readonly header: string;
  readonly value: (row: Row) => string;
}

/** A field's fixed choices (`screens.choices`), by field name. */
export type FieldChoices = Readonly<Record<string, readonly Choice[]>>;

/**
 * A column per field; a foreign key in `labelled` is followed by its referenced row's label; a
 * field of `choices` shows the chosen value's label (as the screens do).
 */
export function csvColumns(fields: readonly FieldMeta[], labelled: ReadonlySet<string>, tr: Translate, choices: FieldChoices = {}): CsvColumn[] {
  return fields.flatMap((field) => {
    const fixed = Object.hasOwn(choices, field.name) ? choices[field.name] : undefined;
    const cell = (value: unknown) => {
      const choice = value === null || value === undefined ? undefined : fixed?.find((candidate) => candidate.value === String(value));
      return choice ? spreadsheetSafe(choice.label) : csvCell(field, value, tr);
    };
    const own: CsvColumn = { header: spreadsheetSafe(field.label), value: (row) => cell(row[field.name]) };
    if (!labelled.has(field.name)) return [own];
    const label: CsvColumn = {
      header: spreadsheetSafe(tr('csv.labelColumn', { label: field.label })),
      value: (row) => spreadsheetSafe(String(row[`${field.name}${LABEL_SUFFIX}`] ?? '')),
    };
    return [own, label];
  });
}
