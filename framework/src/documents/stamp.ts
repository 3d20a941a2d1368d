/**
 * Stamping scans (issue 15 §4): a scan becomes a PDF (an image is put on one A4 page), and the
 * registration writes its number and date in a red framed box at the top right of the first page,
 * as a mail room's rubber stamp does. The original bytes are never changed: the stamped PDF is a
 * new file. Text in a standard font (Helvetica, WinAnsi), so that it stays searchable text.
 */
import { degrees, PDFDocument, rgb, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';

/** A PDF the stamp cannot be put on (encrypted, broken, not a PDF): the message is for users. */
export class StampError extends Error {
  constructor(message = 'Le PDF ne peut pas être tamponné : il est chiffré ou illisible.') {
    super(message);
    this.name = 'StampError';
  }
}

const A4 = { width: 595.28, height: 841.89 } as const;
const RED = rgb(0.78, 0, 0);
const FONT_SIZE = 10;
const LINE_HEIGHT = 13;
const PADDING = 6;
/** Distance of the box from the page's top and right edges. */
const MARGIN = 18;

/** A PDF from a scan: the PDF itself, or a one-page A4 PDF holding the PNG/JPEG image (fitted, portrait or landscape). */
export async function scanToPdf(bytes: Uint8Array, type: string): Promise<Uint8Array> {
  if (type === 'application/pdf') return bytes;
  if (type !== 'image/png' && type !== 'image/jpeg') throw new StampError('Seuls les PDF, PNG et JPEG peuvent être mis en PDF.');
  const document = await PDFDocument.create();
  let image;
  try {
    image = type === 'image/png' ? await document.embedPng(bytes) : await document.embedJpg(bytes);
  } catch {
    throw new StampError('L’image ne peut pas être lue : elle est abîmée ou d’un format non reconnu.');
  }
  const landscape = image.width > image.height;
  const pageWidth = landscape ? A4.height : A4.width;
  const pageHeight = landscape ? A4.width : A4.height;
  const page = document.addPage([pageWidth, pageHeight]);
  // Fitted inside the page, never enlarged beyond it, centred.
  const scale = Math.min(pageWidth / image.width, pageHeight / image.height);
  const width = image.width * scale;
  const height = image.height * scale;
  page.drawImage(image, { x: (pageWidth - width) / 2, y: (pageHeight - height) / 2, width, height });
  return document.save();
}

async function loadPdf(pdf: Uint8Array): Promise<PDFDocument> {
  try {
    const document = await PDFDocument.load(pdf, { updateMetadata: false });
    if (document.isEncrypted || document.getPageCount() === 0) throw new StampError();
    return document;
  } catch (error) {
    if (error instanceof StampError) throw error;
    throw new StampError();
  }
}

/** The text as Helvetica (WinAnsi) can write it: accents, «», ° kept; other characters simplified. */
function writable(font: PDFFont, text: string): string {
  const known = new Set(font.getCharacterSet());
  return [...text.replace(/[\u00a0\u202f\u2007]/g, ' ')]
    .map((char) => {
      if (known.has(char.codePointAt(0) ?? 0)) return char;
      const plain = char.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      return [...plain].every((part) => known.has(part.codePointAt(0) ?? 0)) ? plain : '?';
    })
    .join('');
}

/**
 * Where a point seen on the displayed page (u to the right, v upwards, from the bottom-left corner
 * of the visible box) lies in the page's own coordinates, for each `/Rotate` (turned clockwise).
 */
function placer(page: PDFPage): { width: number; height: number; angle: number; at: (u: number, v: number) => { x: number; y: number } } {
  const box = page.getCropBox();
  const angle = ((Math.round(page.getRotation().angle / 90) * 90) % 360 + 360) % 360;
  const { x: x0, y: y0, width: w, height: h } = box;
  switch (angle) {
    case 90:
      return { width: h, height: w, angle, at: (u, v) => ({ x: x0 + w - v, y: y0 + u }) };
    case 180:
      return { width: w, height: h, angle, at: (u, v) => ({ x: x0 + w - u, y: y0 + h - v }) };
    case 270:
      return { width: h, height: w, angle, at: (u, v) => ({ x: x0 + v, y: y0 + h - u }) };
    default:
      return { width: w, height: h, angle: 0, at: (u, v) => ({ x: x0 + u, y: y0 + v }) };
  }
}

/**
 * The same PDF with `lines` written in red in a framed box at the top right of the first page
 * (« Courrier arrivé n° 2026-42 », « le 05/12/2026 »); every other page unchanged; readable text.
 */
export async function stampFirstPage(pdf: Uint8Array, lines: readonly string[]): Promise<Uint8Array> {
  const document = await loadPdf(pdf);
  const font = await document.embedFont(StandardFonts.Helvetica);
  const page = document.getPage(0);
  const texts = lines.map((line) => writable(font, line)).filter((line) => line !== '');
  if (texts.length === 0) return pdf;
  const view = placer(page);
  const rotate = degrees(view.angle);
  const boxWidth = Math.max(...texts.map((line) => font.widthOfTextAtSize(line, FONT_SIZE))) + 2 * PADDING;
  const boxHeight = texts.length * LINE_HEIGHT + 2 * PADDING - (LINE_HEIGHT - FONT_SIZE);
  const left = Math.max(0, view.width - MARGIN - boxWidth);
  const bottom = Math.max(0, view.height - MARGIN - boxHeight);
  page.drawRectangle({
    ...view.at(left, bottom),
    width: boxWidth,
    height: boxHeight,
    rotate,
    color: rgb(1, 1, 1),
    opacity: 0.85,
    borderColor: RED,
    borderWidth: 1.2,
  });
  texts.forEach((line, index) => {
    const baseline = bottom + boxHeight - PADDING - FONT_SIZE * 0.8 - index * LINE_HEIGHT;
    page.drawText(line, { ...view.at(left + PADDING, baseline), size: FONT_SIZE, font, color: RED, rotate });
  });
  try {
    return await document.save();
  } catch {
    throw new StampError();
  }
}
