/**
 * The PDF of a label sheet: one label per row, along the rows of each sheet, from the `skip`-th
 * place of the first sheet (a sheet already partly used). Each label's text is its content's lines
 * with the row's merge fields; a line left empty by its fields is dropped (an address without a
 * second line). The text is shrunk down to a floor to fit its label, then cut there; the barcode
 * (optional) takes the right part or the bottom band of the label.
 */
import PDFDocument from 'pdfkit';
import { barcodePng } from '../render/barcode.ts';
import { fontFaces } from '../render/fonts.ts';
import { pt } from '../render/geometry.ts';
import { substitute } from '../render/substitute.ts';
import type { LabelSheet } from './definition.ts';
import { labelOrigin } from './geometry.ts';
import { pageSize } from '../render/geometry.ts';

const SMALLEST_SIZE = 6;
const NO_VARIABLES: ReadonlyMap<string, string> = new Map();

export interface LabelPrint {
  readonly sheet: LabelSheet;
  readonly rows: readonly Readonly<Record<string, unknown>>[];
  /** Places of the first sheet already used. */
  readonly skip: number;
  readonly title: string;
  readonly lang: string;
}

/** The label's lines for a row; a line whose fields all came out empty is left out. */
export function labelLines(content: string, values: Readonly<Record<string, unknown>>): string[] {
  return content
    .split(/\r?\n/)
    .map((line) => ({ line, text: substitute(line, { values, variables: NO_VARIABLES }) }))
    .filter(({ line, text }) => text.trim() !== '' || line.trim() === '')
    .map(({ text }) => text);
}

export const labelsPerSheet = (sheet: LabelSheet): number => sheet.colonnes * sheet.lignes;

interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** The text's box and the barcode's box inside a label (points). */
function split(sheet: LabelSheet, label: Box, withBarcode: boolean): { text: Box; barcode?: Box } {
  const inset = pt(sheet.marge_interieure);
  const inner = { x: label.x + inset, y: label.y + inset, width: Math.max(1, label.width - 2 * inset), height: Math.max(1, label.height - 2 * inset) };
  if (!withBarcode) return { text: inner };
  const gap = pt(1);
  if (sheet.code_barre_position === 'bas') {
    const band = inner.height * 0.45;
    return {
      text: { ...inner, height: Math.max(1, inner.height - band - gap) },
      barcode: { x: inner.x, y: inner.y + inner.height - band, width: inner.width, height: band },
    };
  }
  const side = sheet.code_barre === 'code128' ? inner.width * 0.45 : Math.min(inner.height, inner.width * 0.4);
  return {
    text: { ...inner, width: Math.max(1, inner.width - side - gap) },
    barcode: { x: inner.x + inner.width - side, y: inner.y, width: side, height: inner.height },
  };
}

function drawText(doc: PDFKit.PDFDocument, lines: readonly string[], box: Box, size: number): void {
  const text = lines.join('\n');
  if (text.trim() === '') return;
  let fitted = size;
  doc.fontSize(fitted);
  while (fitted > SMALLEST_SIZE && doc.heightOfString(text, { width: box.width }) > box.height) {
    fitted -= 0.5;
    doc.fontSize(fitted);
  }
  doc.save();
  doc.rect(box.x, box.y, box.width, box.height).clip();
  doc.text(text, box.x, box.y, { width: box.width, height: box.height, ellipsis: true, lineGap: 0 });
  doc.restore();
}

/** Writes the sheets into `write` (chunks of the PDF as pdfkit makes them); resolves with the number of labels printed. */
export async function renderLabels(print: LabelPrint, write: (chunk: Buffer) => void): Promise<number> {
  const { sheet } = print;
  const size = pageSize(sheet.format, sheet.orientation);
  const faces = fontFaces('helvetica');
  const doc = new PDFDocument({ autoFirstPage: false, font: faces.regular, lang: print.lang, displayTitle: true, info: { Title: print.title, Creator: 'Commun' } });
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  doc.on('data', write);
  const perSheet = labelsPerSheet(sheet);
  const skip = Math.max(0, Math.min(print.skip, perSheet - 1));
  const box = { width: pt(sheet.largeur), height: pt(sheet.hauteur) };
  for (const [index, row] of print.rows.entries()) {
    const place = (skip + index) % perSheet;
    if (index === 0 || place === 0) doc.addPage({ size, margin: 0 });
    const origin = labelOrigin(sheet, place);
    const label = { ...origin, ...box };
    const value = sheet.code_barre ? substitute(sheet.code_barre_valeur ?? '', { values: row, variables: NO_VARIABLES }) : '';
    const image = sheet.code_barre ? await barcodePng(sheet.code_barre, value) : undefined;
    const parts = split(sheet, label, image !== undefined);
    drawText(doc, labelLines(sheet.contenu, row), parts.text, sheet.police_taille);
    if (image && parts.barcode) {
      const { x, y, width, height } = parts.barcode;
      doc.image(image.png, x, y, { fit: [width, height], align: 'center', valign: 'center' });
    }
  }
  if (print.rows.length === 0) doc.addPage({ size, margin: 0 });
  doc.end();
  await ended;
  return print.rows.length;
}
