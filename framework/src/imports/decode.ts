/**
 * The text of an uploaded CSV file. Spreadsheets on office PCs save either UTF-8 (often with a
 * byte-order mark) or Windows-1252 (Excel's « CSV (séparateur : point-virgule) »): a file that is
 * not valid UTF-8 is read as Windows-1252, which accepts every byte.
 */
export type CsvEncoding = 'utf-8' | 'windows-1252';

export interface DecodedCsv {
  readonly text: string;
  readonly encoding: CsvEncoding;
  /** The file started with a UTF-8 byte-order mark (removed from `text`). */
  readonly bom: boolean;
}

const hasBom = (bytes: Uint8Array) => bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;

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

export function decodeCsv(bytes: Uint8Array): DecodedCsv {
  try {
    // `fatal`: an invalid sequence throws instead of becoming « � »; the BOM is dropped.
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text, encoding: 'utf-8', bom: hasBom(bytes) };
  } catch {
    return { text: windows1252(bytes), encoding: 'windows-1252', bom: false };
  }
}
