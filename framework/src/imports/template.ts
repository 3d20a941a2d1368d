/** The CSV files an import hands out: the template (header line) and the rejected lines. */
import { stringify } from 'csv-stringify/sync';
import type { ImportSpec } from '../model/specs.ts';
import type { Separator } from './csv-lines.ts';
import { spreadsheetSafe } from './spreadsheet-safe.ts';

/** Spreadsheets read UTF-8 only when the file says so with a byte-order mark. */
export const BOM = '\ufeff';

/** One line of a CSV the import hands out, each cell made safe for a spreadsheet. */
export const csvRow = (cells: readonly string[], separator: Separator): string =>
  stringify([cells.map(spreadsheetSafe)], { delimiter: separator });

/** « Télécharger le fichier CSV modèle »: the column names in order, `;`, UTF-8 with BOM. */
export function templateCsv(spec: ImportSpec): string {
  return BOM + csvRow(spec.fields.map((field) => field.name), ';');
}

/** File name of a download: the import's name, safe in a header. */
export const downloadName = (name: string, suffix: string): string => `${name.replace(/[^A-Za-z0-9_-]/g, '_')}${suffix}.csv`;
