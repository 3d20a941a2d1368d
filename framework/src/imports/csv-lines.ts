/**
 * The lines of a CSV text, one at a time (memory holds the text, not every parsed line). A line is
 * numbered as a spreadsheet numbers its rows: the header and empty lines count.
 */
import { CsvError, parse } from 'csv-parse';
import { t, type Locale } from '../i18n/index.ts';
import { JobFailure } from '../jobs/index.ts';

export type Separator = ';' | ',';
export const SEPARATORS: readonly Separator[] = [';', ','];
export const isSeparator = (value: unknown): value is Separator => value === ';' || value === ',';

export interface CsvLine {
  /** 1 for the first line of the file. */
  readonly number: number;
  readonly cells: readonly string[];
}

const isCells = (value: unknown): value is string[] => Array.isArray(value) && value.every((cell) => typeof cell === 'string');

/**
 * Every line of `text`. A text that is not CSV (a quote never closed…) throws a `JobFailure` that
 * names the line.
 */
export async function* csvLines(text: string, separator: Separator, locale?: Locale): AsyncGenerator<CsvLine> {
  // Lines of different lengths are the import's business (rejected one by one), not a parse error;
  // a quote inside an unquoted cell (« 12 "bis" ») is kept as typed.
  const parser = parse(text, { delimiter: separator, relax_column_count: true, relax_quotes: true });
  let number = 0;
  try {
    for await (const record of parser as AsyncIterable<unknown>) {
      number += 1;
      yield { number, cells: isCells(record) ? record : [] };
    }
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = typeof error.lines === 'number' ? error.lines : number + 1;
    throw new JobFailure(t('imports.file.unreadable', { line }, locale));
  }
}

/** How many lines `text` holds (a first reading: it also proves the whole file is readable). */
export async function countCsvLines(text: string, separator: Separator, locale?: Locale): Promise<number> {
  let count = 0;
  for await (const line of csvLines(text, separator, locale)) count = line.number;
  return count;
}
