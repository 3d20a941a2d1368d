/**
 * The page writer of états and lettres types: pages of the definition's size and margins, a
 * cursor that flows down the body, paragraphs of styled runs (pdfkit wraps them and turns the page
 * itself), table rows that are never cut (a row that does not fit goes whole to the next page),
 * images, and at the end, on every page, « Page n/N » (pages are kept until then: a document for
 * one record is a few pages) and the preview watermark.
 */
import PDFDocument from 'pdfkit';
import { faceOf, type FontFaces } from './fonts.ts';
import { borderSides, pt } from './geometry.ts';
import type { Alignment, Paragraph, Run } from './blocks.ts';

export const BASE_SIZE = 10;
const HEADING_SCALE = [1, 1.6, 1.35, 1.15] as const;
const FOOTER_RESERVE = pt(8);
const LIST_INDENT = pt(6);
const PARAGRAPH_GAP = 0.35;

export interface PageSetup {
  readonly size: [number, number];
  /** In points. */
  readonly margins: { readonly left: number; readonly top: number; readonly right: number; readonly bottom: number };
  readonly faces: FontFaces;
  readonly color: [number, number, number];
  readonly title: string;
  readonly author: string;
  readonly lang: string;
}

export interface CellStyle {
  readonly face: string;
  readonly size: number;
  readonly color: [number, number, number];
  readonly align: Alignment;
  readonly fill?: [number, number, number] | undefined;
  /** openMairie's border spec (`1`, `0`, `LTRB`…). */
  readonly border: string;
  readonly borderColor?: [number, number, number] | undefined;
}

const CELL_PADDING = pt(1);

export class PageWriter {
  readonly doc: PDFKit.PDFDocument;
  readonly setup: PageSetup;
  /** Called after a page is added by the writer (a table repeats its header there). */
  onNewPage: (() => void) | undefined;
  /** Images opened once, embedded once however many pages show them (a logo on 500 letters). */
  readonly #images = new WeakMap<Buffer, unknown>();

  constructor(setup: PageSetup) {
    this.setup = setup;
    this.doc = new PDFDocument({
      autoFirstPage: false,
      bufferPages: true,
      font: setup.faces.regular,
      lang: setup.lang,
      displayTitle: true,
      info: { Title: setup.title, Author: setup.author, Creator: 'Commun' },
    });
  }

  get left(): number {
    return this.setup.margins.left;
  }

  get width(): number {
    return this.setup.size[0] - this.setup.margins.left - this.setup.margins.right;
  }

  /** The lowest point the body may reach (the footer sits below). */
  get bottom(): number {
    return this.setup.size[1] - this.setup.margins.bottom - FOOTER_RESERVE;
  }

  get y(): number {
    return this.doc.y;
  }

  set y(value: number) {
    this.doc.y = value;
  }

  addPage(): void {
    const { margins, size } = this.setup;
    this.doc.addPage({ size, margins: { ...margins, bottom: margins.bottom + FOOTER_RESERVE } });
    this.doc.x = this.left;
    this.doc.y = margins.top;
  }

  /** Turns the page unless `height` fits below the cursor; true when it did. */
  ensure(height: number): boolean {
    if (this.doc.y + height <= this.bottom || this.doc.y <= this.setup.margins.top + 0.5) return false;
    this.addPage();
    this.onNewPage?.();
    return true;
  }

  pageBreak(): void {
    this.addPage();
  }

  font(faces: FontFaces, style: { bold: boolean; italic: boolean }, size: number): void {
    this.doc.font(faceOf(faces, style)).fontSize(size);
  }

  /** A paragraph of runs at the cursor (or in a box: `x`, `width`), wrapped, turning pages as needed. */
  paragraph(block: Paragraph, text: (value: string) => string, box: { x: number; width: number } = { x: this.left, width: this.width }): void {
    const scale = HEADING_SCALE[block.heading ?? 0] ?? 1;
    const indent = block.depth * LIST_INDENT;
    const x = box.x + indent;
    const width = Math.max(10, box.width - indent);
    const runs: Run[] = block.runs.map((run) => ({ ...run, text: text(run.text) })).filter((run) => run.text !== '');
    const sizeOf = (run: Run) => (run.style.fontSize ?? BASE_SIZE) * scale;
    this.doc.fillColor(this.setup.color);
    if (runs.length === 0) {
      this.font(this.setup.faces, { bold: false, italic: false }, BASE_SIZE * scale);
      this.ensure(this.doc.currentLineHeight(true));
      this.doc.y += this.doc.currentLineHeight(true);
      return;
    }
    const first = runs[0];
    if (first) {
      this.font(this.setup.faces, first.style, sizeOf(first));
      this.ensure(this.doc.currentLineHeight(true));
    }
    const top = this.doc.y;
    if (block.bullet !== undefined) {
      this.doc.text(block.bullet, x - LIST_INDENT * 0.8, top, { width: LIST_INDENT * 0.7, align: 'right', lineBreak: false });
    }
    runs.forEach((run, index) => {
      this.font(this.setup.faces, run.style, sizeOf(run));
      const options = { width, align: block.align, underline: run.style.underline, continued: index < runs.length - 1 };
      if (index === 0) this.doc.text(run.text, x, top, options);
      else this.doc.text(run.text, options);
    });
    this.doc.x = this.left;
    this.doc.y += BASE_SIZE * PARAGRAPH_GAP;
  }

  /** The height a cell's text needs at `width` (with its padding). */
  cellHeight(text: string, width: number, style: Pick<CellStyle, 'face' | 'size'>): number {
    this.doc.font(style.face).fontSize(style.size);
    const lines = text === '' ? this.doc.currentLineHeight(true) : this.doc.heightOfString(text, { width: Math.max(1, width - 2 * CELL_PADDING) });
    return lines + 2 * CELL_PADDING;
  }

  /** One cell: fill, text (clipped to the box: never a page turn inside a row), borders. */
  cell(x: number, y: number, width: number, height: number, text: string, style: CellStyle): void {
    const { doc } = this;
    if (style.fill) doc.rect(x, y, width, height).fill(style.fill);
    if (text !== '') {
      doc.font(style.face).fontSize(style.size).fillColor(style.color);
      doc.text(text, x + CELL_PADDING, y + CELL_PADDING, { width: Math.max(1, width - 2 * CELL_PADDING), height: height - 2 * CELL_PADDING + 0.5, align: style.align, ellipsis: '…' });
    }
    const sides = borderSides(style.border);
    doc.lineWidth(0.5).strokeColor(style.borderColor ?? [0, 0, 0]);
    if (sides.top) doc.moveTo(x, y).lineTo(x + width, y).stroke();
    if (sides.bottom) doc.moveTo(x, y + height).lineTo(x + width, y + height).stroke();
    if (sides.left) doc.moveTo(x, y).lineTo(x, y + height).stroke();
    if (sides.right) doc.moveTo(x + width, y).lineTo(x + width, y + height).stroke();
  }

  /** The same image bytes at a fixed position: embedded in the file once, however often placed. */
  placeImage(data: Buffer, x: number, y: number, size: { width: number; height: number }): void {
    // pdfkit's `openImage` (not in its typings) gives an image object that `image` accepts again.
    const doc = this.doc as unknown as { openImage(src: Buffer): unknown; image(src: unknown, x: number, y: number, options: object): void };
    let image = this.#images.get(data);
    if (image === undefined) {
      image = doc.openImage(data);
      this.#images.set(data, image);
    }
    doc.image(image, x, y, size);
  }

  /** An image of `width` points (height from its ratio), aligned in the body, turning the page if needed. */
  image(data: Buffer, width: number, ratio: number, align: Alignment): void {
    const w = Math.min(width, this.width);
    const h = w * ratio;
    this.ensure(h);
    const x = align === 'center' ? this.left + (this.width - w) / 2 : align === 'right' ? this.left + this.width - w : this.left;
    const y = this.doc.y;
    this.doc.image(data, x, y, { width: w, height: h });
    this.doc.x = this.left;
    this.doc.y = y + h + BASE_SIZE * PARAGRAPH_GAP;
  }

  /** « Page n/N » on every page, the watermark if any; then the file's bytes. */
  async finish(footer: (page: number, pages: number) => string, watermark: string | undefined): Promise<Buffer> {
    const chunks: Buffer[] = [];
    this.doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    this.stampPages(footer, watermark);
    await this.end();
    return Buffer.concat(chunks);
  }

  /** Ends the file: its last bytes go to the `data` listeners. */
  async end(): Promise<void> {
    const { doc } = this;
    const ended = new Promise<void>((resolve, reject) => {
      doc.on('end', resolve);
      doc.on('error', reject);
    });
    doc.end();
    await ended;
  }

  /**
   * « Page n/N » and the watermark on the pages kept since the last `flushPages` (numbered from 1:
   * a file of many documents numbers each document's pages, as openMairie does).
   */
  stampPages(footer: (page: number, pages: number) => string, watermark: string | undefined): void {
    const { doc, setup } = this;
    const range = doc.bufferedPageRange();
    for (let index = range.start; index < range.start + range.count; index++) {
      doc.switchToPage(index);
      // Below the body's bottom margin: pdfkit would turn the page if the margin stayed.
      const bottomMargin = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      this.font(setup.faces, { bold: false, italic: true }, 8);
      doc.fillColor(setup.color).text(footer(index - range.start + 1, range.count), this.left, setup.size[1] - setup.margins.bottom - pt(4), {
        width: this.width,
        align: 'center',
        lineBreak: false,
      });
      if (watermark) this.#watermark(watermark);
      doc.page.margins.bottom = bottomMargin;
    }
  }

  /** Writes out the pages kept so far and forgets them (memory stays flat over many documents). */
  flushPages(): void {
    this.doc.flushPages();
  }

  #watermark(text: string): void {
    const { doc, setup } = this;
    const [width, height] = setup.size;
    const angle = (Math.atan2(height, width) * 180) / Math.PI;
    doc.save();
    doc.rotate(-angle, { origin: [width / 2, height / 2] });
    this.font(setup.faces, { bold: true, italic: false }, 10);
    // As large as fits three quarters of the diagonal.
    const size = Math.min(72, (10 * 0.75 * Math.hypot(width, height)) / doc.widthOfString(text));
    doc.fontSize(size).fillColor([150, 150, 150]).fillOpacity(0.35);
    doc.text(text, (width - doc.widthOfString(text)) / 2, height / 2 - doc.currentLineHeight() / 2, { lineBreak: false });
    doc.restore();
  }
}
