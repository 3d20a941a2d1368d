/** What an import reports: its counts, its first rejected lines, and the file of all of them. */
import { t, type Locale } from '../i18n/index.ts';
import type { CsvEncoding } from './decode.ts';
import type { Separator } from './csv-lines.ts';
import { BOM, csvRow } from './template.ts';

export interface ImportCounts {
  /** Every line of the file: header + imported + rejected + empty. */
  readonly read: number;
  readonly header: number;
  /** Created (or, in a simulation, that would have been). */
  readonly imported: number;
  readonly rejected: number;
  readonly empty: number;
}

export interface RejectedLine {
  readonly line: number;
  readonly cells: readonly string[];
  readonly reasons: readonly string[];
}

export interface ImportResult {
  readonly counts: ImportCounts;
  readonly simulation: boolean;
  readonly encoding: CsvEncoding;
  /** The first rejected lines, shown on the follow-up page. */
  readonly firstRejects: readonly RejectedLine[];
  /** Every rejected line: the original cells plus a « rejet » column (UTF-8 with BOM, the file's separator). */
  readonly rejectFile: string;
}

/** How many rejected lines the page shows (the file has them all). */
export const SHOWN_REJECTS = 50;

/** Collects the rejected lines as CSV text as they come (no parsed copy of every line is kept). */
export class RejectCollector {
  readonly #chunks: string[] = [];
  readonly #first: RejectedLine[] = [];
  readonly #separator: Separator;
  readonly #locale: Locale | undefined;
  #header: readonly string[];
  #count = 0;

  constructor(columns: readonly string[], separator: Separator, locale?: Locale) {
    this.#header = columns;
    this.#separator = separator;
    this.#locale = locale;
  }

  /** The file's own header line replaces the column names in the reject file. */
  useHeader(cells: readonly string[]): void {
    this.#header = cells;
  }

  add(line: number, cells: readonly string[], reasons: readonly string[]): void {
    this.#count += 1;
    if (this.#first.length < SHOWN_REJECTS) this.#first.push({ line, cells, reasons });
    this.#chunks.push(csvRow([...cells, reasons.join(' ')], this.#separator));
  }

  get count(): number {
    return this.#count;
  }

  get first(): readonly RejectedLine[] {
    return this.#first;
  }

  file(): string {
    const header = csvRow([...this.#header, t('imports.reject.column', undefined, this.#locale)], this.#separator);
    return BOM + header + this.#chunks.join('');
  }
}
