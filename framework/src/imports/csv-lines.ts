/**
 * The lines of a CSV text or file, one at a time (a file is read as a stream: memory holds neither
 * the text nor every parsed line). A line is numbered as a spreadsheet numbers its rows: the header
 * and empty lines count.
 */
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { t, type Locale } from '../i18n/index.ts';
import { JobFailure } from '../jobs/index.ts';
import { decodeChunks, type CsvEncoding } from './decode.ts';
import type { Separator } from './separator.ts';

export { isSeparator, SEPARATORS, type Separator } from './separator.ts';

/** The file is not CSV from `line` on (a quote never closed…). */
export class CsvUnreadable extends JobFailure {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

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
export async function* csvLines(text: string | AsyncIterable<string>, separator: Separator, locale?: Locale): AsyncGenerator<CsvLine> {
  // Lines of different lengths are the import's business (rejected one by one), not a parse error;
  // a quote inside an unquoted cell (« 12 "bis" ») is kept as typed.
  const parser = parse({ delimiter: separator, relax_column_count: true, relax_quotes: true });
  const source = typeof text === 'string' ? Readable.from([text]) : Readable.from(text);
  source.on('error', (error) => parser.destroy(error));
  source.pipe(parser);
  let number = 0;
  try {
    for await (const record of parser as AsyncIterable<unknown>) {
      number += 1;
      yield { number, cells: isCells(record) ? record : [] };
    }
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = typeof error.lines === 'number' ? error.lines : number + 1;
    throw new CsvUnreadable(t('imports.file.unreadable', { line }, locale), line);
  }
}

/** The lines of the file at `path`, read as a stream in `encoding`. */
export function csvFileLines(path: string, encoding: CsvEncoding, separator: Separator, locale?: Locale): AsyncGenerator<CsvLine> {
  return csvLines(decodeChunks(createReadStream(path) as AsyncIterable<Buffer>, encoding), separator, locale);
}
