/**
 * The file's lines in batches: the header and empty lines set aside, each other line mapped to a
 * record's input (or refused when its cells do not fit the import's columns).
 */
import type { Locale } from '../i18n/index.ts';
import type { ImportSpec } from '../model/specs.ts';
import type { CsvLine } from './csv-lines.ts';
import { isEmptyLine, mapLine } from './line.ts';

export interface MappedFileLine {
  readonly number: number;
  readonly cells: readonly string[];
  readonly input: Readonly<Record<string, string>>;
}

export interface LineBatch {
  readonly lines: readonly MappedFileLine[];
  /** Lines refused before any lookup (wrong number of cells). */
  readonly refused: readonly { readonly number: number; readonly cells: readonly string[]; readonly reason: string }[];
  readonly empty: number;
  /** The header line, in the batch that holds it. */
  readonly header: readonly string[] | undefined;
  readonly firstLine: number;
  readonly lastLine: number;
}

export async function* lineBatches(lines: AsyncIterable<CsvLine>, spec: ImportSpec, header: boolean, size: number, locale?: Locale): AsyncGenerator<LineBatch> {
  let batch: { lines: MappedFileLine[]; refused: LineBatch['refused'][number][]; empty: number; header: readonly string[] | undefined; firstLine: number; lastLine: number } | undefined;
  for await (const { number, cells } of lines) {
    batch ??= { lines: [], refused: [], empty: 0, header: undefined, firstLine: number, lastLine: number };
    batch.lastLine = number;
    if (number === 1 && header) batch.header = cells;
    else if (isEmptyLine(cells)) batch.empty += 1;
    else {
      const mapped = mapLine(spec, cells, locale);
      if (mapped.ok) batch.lines.push({ number, cells, input: mapped.input });
      else batch.refused.push({ number, cells, reason: mapped.reason });
    }
    if (batch.lines.length + batch.refused.length >= size) {
      yield batch;
      batch = undefined;
    }
  }
  if (batch) yield batch;
}
