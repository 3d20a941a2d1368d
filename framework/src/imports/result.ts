/** What an import reports: its counts, its first rejected lines, and the file of all of them. */
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { t, type Locale } from '../i18n/index.ts';
import type { CsvEncoding } from './decode.ts';
import type { Separator } from './csv-lines.ts';
import { BOM, csvRow } from './template.ts';

/** « tout ou rien »: any rejected line imports nothing; « ignorer »: the good lines are imported. */
export type ImportMode = 'tout-ou-rien' | 'ignorer';
export const IMPORT_MODES: readonly ImportMode[] = ['tout-ou-rien', 'ignorer'];
export const isImportMode = (value: unknown): value is ImportMode => value === 'tout-ou-rien' || value === 'ignorer';

export interface ImportCounts {
  /** Every line of the file: header + imported + updated + rejected + empty. */
  readonly read: number;
  readonly header: number;
  /** Created (or, in a simulation or a refused « tout ou rien », that would have been). */
  readonly imported: number;
  /** Existing rows updated (update mode). */
  readonly updated: number;
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
  readonly mode: ImportMode;
  readonly simulation: boolean;
  /** Update mode: the column(s) naming the row a line updates (`libelle+om_collectivite`). */
  readonly updateKey: string | undefined;
  readonly encoding: CsvEncoding;
  /** Something was written (false in a simulation, and in a « tout ou rien » with rejects). */
  readonly written: boolean;
  /** Stopped by the user (or the server's shutdown) before the end of the file. */
  readonly stopped: boolean;
  /** The last line read. */
  readonly lastLine: number;
  /**
   * The lines of the file whose batches were committed, as `[first, last]` ranges (rejected lines
   * inside a range were not written: they are in the reject file).
   */
  readonly writtenRanges: readonly (readonly [number, number])[];
  /** The first rejected lines, shown on the follow-up page. */
  readonly firstRejects: readonly RejectedLine[];
  /**
   * Every rejected line: the original cells plus a « rejet » column (UTF-8 with BOM, the file's
   * separator), in the job's result file of this name; undefined when no line was rejected.
   */
  readonly rejectFile: string | undefined;
}

/** How many rejected lines the page shows (the file has them all). */
export const SHOWN_REJECTS = 50;
/** The job's result file of the rejected lines. */
export const REJECT_FILE = 'rejets.csv';

/**
 * Collects the rejected lines as they come: the first ones in memory, every one in the reject
 * file on disk (opened with the first reject), so memory stays flat whatever the file's size.
 */
export class RejectCollector {
  readonly #first: RejectedLine[] = [];
  readonly #separator: Separator;
  readonly #locale: Locale | undefined;
  readonly #pathOf: (name: string) => string;
  #header: readonly string[];
  #count = 0;
  #file: WriteStream | undefined;

  constructor(columns: readonly string[], separator: Separator, pathOf: (name: string) => string, locale?: Locale) {
    this.#header = columns;
    this.#separator = separator;
    this.#pathOf = pathOf;
    this.#locale = locale;
  }

  /** The file's own header line replaces the column names in the reject file. */
  useHeader(cells: readonly string[]): void {
    this.#header = cells;
  }

  async add(line: number, cells: readonly string[], reasons: readonly string[]): Promise<void> {
    this.#count += 1;
    if (this.#first.length < SHOWN_REJECTS) this.#first.push({ line, cells, reasons });
    if (!this.#file) {
      this.#file = createWriteStream(this.#pathOf(REJECT_FILE));
      this.#file.write(BOM + csvRow([...this.#header, t('imports.reject.column', undefined, this.#locale)], this.#separator));
    }
    if (!this.#file.write(csvRow([...cells, reasons.join(' ')], this.#separator))) await once(this.#file, 'drain');
  }

  get count(): number {
    return this.#count;
  }

  get first(): readonly RejectedLine[] {
    return this.#first;
  }

  /** Closes the reject file; its name, or undefined when no line was rejected. */
  async close(): Promise<string | undefined> {
    const file = this.#file;
    if (!file) return undefined;
    file.end();
    await once(file, 'close');
    return REJECT_FILE;
  }
}
