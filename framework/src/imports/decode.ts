/**
 * The text of an uploaded CSV file. Spreadsheets on office PCs save either UTF-8 (often with a
 * byte-order mark) or Windows-1252 (Excel's « CSV (séparateur : point-virgule) »): a file that is
 * not valid UTF-8 is read as Windows-1252, which accepts every byte.
 */
import { createReadStream } from 'node:fs';

export type CsvEncoding = 'utf-8' | 'windows-1252';

/**
 * Windows-1252's bytes 0x80–0x9F (€, œ, Œ, typographic quotes…); the others are ISO-8859-1's.
 * Node's `TextDecoder('windows-1252')` decodes them as ISO-8859-1 control characters, hence the table.
 */
const WINDOWS_1252_HIGH: Readonly<Record<number, string>> = {
  0x80: '€', 0x82: '‚', 0x83: 'ƒ', 0x84: '„', 0x85: '…', 0x86: '†', 0x87: '‡', 0x88: 'ˆ', 0x89: '‰', 0x8a: 'Š', 0x8b: '‹',
  0x8c: 'Œ', 0x8e: 'Ž', 0x91: '‘', 0x92: '’', 0x93: '“', 0x94: '”', 0x95: '•', 0x96: '–', 0x97: '—', 0x98: '˜', 0x99: '™',
  0x9a: 'š', 0x9b: '›', 0x9c: 'œ', 0x9e: 'ž', 0x9f: 'Ÿ',
};

function windows1252(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString('latin1')
    .replace(/[\u0080-\u009f]/g, (char) => WINDOWS_1252_HIGH[char.charCodeAt(0)] ?? char);
}

/** What a first reading of a file on disk tells: its encoding and about how many lines it holds. */
export interface SniffedFile {
  readonly encoding: CsvEncoding;
  /**
   * Line breaks, plus one when the last line has none: the number of lines unless a quoted cell
   * holds a line break (the progress bar's total; the count at the end is exact).
   */
  readonly lines: number;
}

const NEWLINE = 0x0a;

/**
 * Reads the file once, as a stream: it is UTF-8 when every byte sequence is valid UTF-8 (the whole
 * file, not just its start: a single « é » saved by Excel on line 90,000 makes it Windows-1252).
 */
export async function sniffFile(path: string): Promise<SniffedFile> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let utf8 = true;
  let lines = 0;
  let last = NEWLINE;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    if (utf8) {
      try {
        decoder.decode(chunk, { stream: true });
      } catch {
        utf8 = false;
      }
    }
    for (let at = chunk.indexOf(NEWLINE); at !== -1; at = chunk.indexOf(NEWLINE, at + 1)) lines += 1;
    if (chunk.length > 0) last = chunk[chunk.length - 1] as number;
  }
  if (utf8) {
    try {
      decoder.decode();
    } catch {
      utf8 = false;
    }
  }
  return { encoding: utf8 ? 'utf-8' : 'windows-1252', lines: lines + (last === NEWLINE ? 0 : 1) };
}

/** The text of a file as a stream of strings in `encoding` (a UTF-8 byte-order mark is dropped). */
export async function* decodeChunks(chunks: AsyncIterable<Buffer>, encoding: CsvEncoding): AsyncGenerator<string> {
  if (encoding === 'windows-1252') {
    // One byte, one character: a chunk never splits a character.
    for await (const chunk of chunks) yield windows1252(chunk);
    return;
  }
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of chunks) yield decoder.decode(chunk, { stream: true });
  yield decoder.decode();
}
