/**
 * A query's result as a spreadsheet: XLSX through exceljs, ODS (OpenDocument, what LibreOffice
 * writes, the format of the French administration's reference list, RGI) written here as its few
 * XML parts zipped with fflate, since no maintained ODS writer exists for Node (exceljs reads and
 * writes only XLSX). Numbers stay numbers; every other value is text as the table shows it.
 */
import { strToU8, zipSync } from 'fflate';

/** One cell: a number (summed by the spreadsheet) or a text. */
export type SheetCell = number | string;

export interface Sheet {
  /** The sheet's name (at most 31 characters in XLSX). */
  readonly name: string;
  readonly headers: readonly string[];
  readonly rows: readonly (readonly SheetCell[])[];
}

const sheetName = (name: string) => name.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31) || 'Requête';

export async function xlsxOf(sheet: Sheet): Promise<Uint8Array> {
  // exceljs is large: loaded on the first workbook, not at start-up.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Commun';
  const worksheet = workbook.addWorksheet(sheetName(sheet.name));
  const header = worksheet.addRow([...sheet.headers]);
  header.font = { bold: true };
  for (const row of sheet.rows) worksheet.addRow([...row]);
  worksheet.views = [{ state: 'frozen', ySplit: 1 }];
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const escapeXml = (text: string) =>
  text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

function odsCell(value: SheetCell, bold = false): string {
  const style = bold ? ' table:style-name="entete"' : '';
  if (typeof value === 'number' && Number.isFinite(value)) {
    return `<table:table-cell${style} office:value-type="float" office:value="${value}"><text:p>${value}</text:p></table:table-cell>`;
  }
  const paragraphs = String(value)
    .split(/\r?\n/)
    .map((line) => `<text:p>${escapeXml(line)}</text:p>`)
    .join('');
  return `<table:table-cell${style} office:value-type="string">${paragraphs}</table:table-cell>`;
}

const NAMESPACES =
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" ' +
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" ' +
  'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.2"';

function contentXml(sheet: Sheet): string {
  const header = `<table:table-row>${sheet.headers.map((text) => odsCell(text, true)).join('')}</table:table-row>`;
  const rows = sheet.rows.map((row) => `<table:table-row>${row.map((cell) => odsCell(cell)).join('')}</table:table-row>`).join('');
  return (
    `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${NAMESPACES}>` +
    '<office:automatic-styles><style:style style:name="entete" style:family="table-cell"><style:text-properties fo:font-weight="bold"/></style:style></office:automatic-styles>' +
    `<office:body><office:spreadsheet><table:table table:name="${escapeXml(sheetName(sheet.name))}">` +
    `<table:table-column table:number-columns-repeated="${Math.max(1, sheet.headers.length)}"/>${header}${rows}` +
    '</table:table></office:spreadsheet></office:body></office:document-content>'
  );
}

const MANIFEST =
  '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">' +
  '<manifest:file-entry manifest:full-path="/" manifest:version="1.2" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>' +
  '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>' +
  '</manifest:manifest>';

export const ODS_MIME = 'application/vnd.oasis.opendocument.spreadsheet';
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The `mimetype` entry comes first and stored, as OpenDocument requires. */
export function odsOf(sheet: Sheet): Uint8Array {
  return zipSync({
    mimetype: [strToU8(ODS_MIME), { level: 0 }],
    'META-INF/manifest.xml': strToU8(MANIFEST),
    'content.xml': strToU8(contentXml(sheet)),
  });
}
