/**
 * One line of the file against the import's columns: the cells in order become the input of a
 * record. An empty cell or `null` gives no value (the database's default or NULL applies); typed
 * values (dates JJ/MM/AAAA, Oui/Non, decimal comma…) are read by the record service itself.
 */
import { t, type Locale } from '../i18n/index.ts';
import type { ImportSpec } from '../model/specs.ts';

export type MappedLine =
  | { readonly ok: true; readonly input: Readonly<Record<string, string>> }
  | { readonly ok: false; readonly reason: string };

const blank = (cell: string | undefined) => cell === undefined || cell.trim() === '';

/** A line with nothing in it (`;;;` as spreadsheets write their trailing rows): counted and skipped. */
export const isEmptyLine = (cells: readonly string[]): boolean => cells.every((cell) => blank(cell));

/** No value: an empty cell or the word `null` (openMairie's convention). */
const noValue = (cell: string) => blank(cell) || cell.trim().toLowerCase() === 'null';

/**
 * The record's input from the cells. A line with fewer cells than columns, or with more that hold
 * something, is refused (the usual cause: the other separator). Empty cells beyond the last column
 * are tolerated: openMairie's template ended every line with a separator.
 */
export function mapLine(spec: ImportSpec, cells: readonly string[], locale?: Locale): MappedLine {
  const expected = spec.fields.length;
  if (cells.length < expected || cells.slice(expected).some((cell) => !blank(cell))) {
    return { ok: false, reason: t('imports.reject.columns', { count: cells.length, expected }, locale) };
  }
  const input: Record<string, string> = {};
  spec.fields.forEach((field, index) => {
    const cell = cells[index] ?? '';
    if (!noValue(cell)) input[field.name] = cell;
  });
  return { ok: true, input };
}

/** « Œuvre » and « oeuvre », « Église » and « eglise »: the same label (as `om.fold` in SQL). */
export function foldLabel(text: string): string {
  return text
    .trim()
    .replace(/Œ/g, 'OE')
    .replace(/œ/g, 'oe')
    .replace(/Æ/g, 'AE')
    .replace(/æ/g, 'ae')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase();
}
