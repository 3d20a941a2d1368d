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
import { bufferPageContent, type BufferedContent } from './page-content.ts';
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
const CELL_BORDER_WIDTH = 0.5;
const BLACK: [number, number, number] = [0, 0, 0];
const sameColor = (a: readonly number[], b: readonly number[]) => a[0] === b[0] && a[1] === b[1] && a[2] === b[2];
const isWhite = (color: readonly number[]) => color[0] === 255 && color[1] === 255 && color[2] === 255;

/** A cell of a row (`PageWriter.row`). */
export interface RowCell {
  readonly text: string;
  readonly width: number;
  readonly style: CellStyle;
}
const FOOTER_SIZE = 8;
const LAYOUT_CACHE_PAGES = 20;

/** What the footer forms need of pdfkit's embedded font (not in its typings). */
interface FooterFont {
  readonly id: string;
  readonly ascender: number;
  encode(text: string): [string[], unknown];
  widthOfString(text: string, size: number): number;
  ref(): PDFKit.PDFKitReference;
}

export class PageWriter {
  readonly doc: PDFKit.PDFDocument;
  readonly setup: PageSetup;
  /** Called after a page is added by the writer (a table repeats its header there). */
  onNewPage: (() => void) | undefined;
  /** Images opened once, embedded once however many pages show them (a logo on 500 letters). */
  readonly #images = new WeakMap<Buffer, unknown>();
  /** Streamed pages (`streamPages`): the footer text, and each page's footer form of the current document, written once N is known. */
  #streamedFooter: ((page: number, pages: number) => string) | undefined;
  #footerForms: PDFKit.PDFKitReference[] = [];
  /** The open page's footer form, not yet drawn on it. */
  #openForm: PDFKit.PDFKitReference | undefined;
  #pagesSinceCacheDrop = 0;
  /**
   * Set by whoever receives the file's bytes: awaited by a long table between two batches of its
   * rows, so that pages already written leave memory before the document ends.
   */
  writeOut: (() => Promise<void>) | undefined;
  /** The open page's content, and the colours and line width the cells last set on it. */
  #content: BufferedContent | undefined;
  #cellState: CellGraphics | undefined;

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
    // Every page, the writer's or one pdfkit turns itself inside a long paragraph.
    this.doc.on('pageAdded', () => {
      this.#content = bufferPageContent(this.doc.page);
      this.#cellState = undefined;
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
    this.#closePage();
    this.doc.addPage({ size, margins: { ...margins, bottom: margins.bottom + FOOTER_RESERVE } });
    this.doc.x = this.left;
    this.doc.y = margins.top;
    if (this.#streamedFooter) {
      const form = this.doc.ref({ Type: 'XObject', Subtype: 'Form', BBox: [0, 0, size[0], size[1]], Resources: {} });
      // A footer is a few dozen bytes: compressing each (a zlib stream of its own, freed only by the
      // garbage collector) would cost thousands of them at once when the document ends.
      (form as unknown as { compress: boolean }).compress = false;
      this.#footerForms.push(form);
      this.#openForm = form;
    }
  }

  /**
   * From now on each page is written out as soon as the next one begins: memory holds one page,
   * whatever the length of the document. « Page n/N » cannot be known then: each page draws a form
   * XObject of its own, whose content (the footer) is written by `endDocument` once N is known.
   * No watermark in this mode (« Prévisualiser » keeps the pages until the end).
   */
  streamPages(footer: (page: number, pages: number) => string): void {
    this.#streamedFooter = footer;
  }

  /** Draws the open page's footer form on it and writes the page out (streamed pages only). */
  #closePage(): void {
    const form = this.#openForm;
    if (!form) return;
    this.#openForm = undefined;
    const name = `CommunPied${this.#footerForms.length}`;
    this.doc.page.xobjects[name] = form;
    // The page's space is pdfkit's (y downwards): the form is drawn in PDF's own (y upwards).
    this.doc.addContent(`q 1 0 0 -1 0 ${this.setup.size[1]} cm /${name} Do Q`);
    this.doc.flushPages();
    // pdfkit keeps every string's layout: forgotten now and then, not at every page (a page's
    // names and words come back on the next ones, and laying them out again costs).
    if (++this.#pagesSinceCacheDrop >= LAYOUT_CACHE_PAGES) this.#dropLayoutCache();
  }

  /** Ends the current document of streamed pages: « Page n/N » written into each of its pages' footer forms. */
  endDocument(): void {
    const footer = this.#streamedFooter;
    if (!footer) return;
    this.#closePage();
    const forms = this.#footerForms;
    this.#footerForms = [];
    this.font(this.setup.faces, { bold: false, italic: true }, FOOTER_SIZE);
    const font = (this.doc as unknown as { _font: FooterFont })._font;
    const [red, green, blue] = this.setup.color.map((value) => (value / 255).toFixed(3));
    const baseline = this.setup.size[1] - (this.setup.size[1] - this.setup.margins.bottom - pt(4)) - (font.ascender / 1000) * FOOTER_SIZE;
    forms.forEach((form, index) => {
      const text = footer(index + 1, forms.length);
      const [glyphs] = font.encode(text);
      const x = this.left + (this.width - font.widthOfString(text, FOOTER_SIZE)) / 2;
      (form.data as Record<string, unknown>)['Resources'] = { Font: { [font.id]: font.ref() } };
      form.end(`BT /${font.id} ${FOOTER_SIZE} Tf ${red} ${green} ${blue} rg 1 0 0 1 ${x.toFixed(2)} ${baseline.toFixed(2)} Tm <${glyphs.join('')}> Tj ET`);
    });
    this.#dropLayoutCache();
  }

  /** pdfkit keeps every string's layout (a page's worth of names is new each page): forgotten after each document. */
  #dropLayoutCache(): void {
    this.#pagesSinceCacheDrop = 0;
    const families = (this.doc as unknown as { _fontFamilies?: Record<string, { layoutCache?: unknown }> })._fontFamilies ?? {};
    for (const font of Object.values(families)) {
      if (font.layoutCache !== undefined) font.layoutCache = Object.create(null);
    }
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
    const available = Math.max(1, width - 2 * CELL_PADDING);
    if (text === '') return this.doc.currentLineHeight(true) + 2 * CELL_PADDING;
    if (this.#fitsOneLine(text, available)) return this.#oneLineHeight(style) + 2 * CELL_PADDING;
    return this.doc.heightOfString(text, { width: available }) + 2 * CELL_PADDING;
  }

  /**
   * Most cells hold one short line: measured once, drawn without pdfkit's line wrapper (which
   * costs most of a long table's time). A margin of a point leaves the borderline cases to it.
   */
  #fitsOneLine(text: string, available: number): boolean {
    return !text.includes('\n') && this.#widthOf(text) < available - 1;
  }

  /**
   * A row's cells are measured, then drawn: each text's width is computed once per font and size
   * (kept for the last thousand texts of each).
   */
  readonly #widths = new WeakMap<object, Map<number, Map<string, number>>>();
  #widthOf(text: string): number {
    const doc = this.doc as unknown as PDFKit.PDFDocument & { _font: object; _fontSize: number };
    let sizes = this.#widths.get(doc._font);
    if (sizes === undefined) this.#widths.set(doc._font, (sizes = new Map()));
    let widths = sizes.get(doc._fontSize);
    if (widths === undefined) sizes.set(doc._fontSize, (widths = new Map()));
    let width = widths.get(text);
    if (width === undefined) {
      if (widths.size >= 1_000) widths.clear();
      width = doc.widthOfString(text);
      widths.set(text, width);
    }
    return width;
  }

  readonly #oneLineHeights = new Map<string, number>();
  #oneLineHeight(style: Pick<CellStyle, 'face' | 'size'>): number {
    const key = `${style.face}|${style.size}`;
    let height = this.#oneLineHeights.get(key);
    if (height === undefined) {
      height = this.doc.heightOfString('X', { width: 1_000 });
      this.#oneLineHeights.set(key, height);
    }
    return height;
  }

  /**
   * A row of cells at `y`, `height` high: fills first (neighbouring cells of one colour share a
   * rectangle; white is the page's own), then texts (clipped to their box: never a page turn
   * inside a row), then borders (one path per colour). Colours and line width are set only when
   * they differ from the previous row's, as long as nothing else was drawn in between: a long
   * table's operations are mostly its texts.
   */
  row(x: number, y: number, height: number, cells: readonly RowCell[]): void {
    const { doc } = this;
    const graphics = this.#cellGraphics();
    let fill: { color: [number, number, number]; x: number; width: number } | undefined;
    const flushFill = () => {
      if (!fill) return;
      graphics.fill(fill.color);
      doc.rect(fill.x, y, fill.width, height).fill();
      fill = undefined;
    };
    let left = x;
    for (const { width, style } of cells) {
      const color = style.fill && !isWhite(style.fill) ? style.fill : undefined;
      if (color && fill && sameColor(fill.color, color)) fill.width += width;
      else {
        flushFill();
        if (color) fill = { color, x: left, width };
      }
      left += width;
    }
    flushFill();

    left = x;
    for (const { width, text, style } of cells) {
      if (text !== '') this.#cellText(graphics, left, y, width, height, text, style);
      left += width;
    }

    let stroke: [number, number, number] | undefined;
    left = x;
    for (const { width, style } of cells) {
      const sides = borderSides(style.border);
      if (sides.top || sides.bottom || sides.left || sides.right) {
        const color = style.borderColor ?? BLACK;
        if (stroke && !sameColor(stroke, color)) doc.stroke();
        if (!stroke || !sameColor(stroke, color)) graphics.stroke(color, CELL_BORDER_WIDTH);
        stroke = color;
        if (sides.top && sides.bottom && sides.left && sides.right) doc.rect(left, y, width, height);
        else {
          if (sides.top) doc.moveTo(left, y).lineTo(left + width, y);
          if (sides.bottom) doc.moveTo(left, y + height).lineTo(left + width, y + height);
          if (sides.left) doc.moveTo(left, y).lineTo(left, y + height);
          if (sides.right) doc.moveTo(left + width, y).lineTo(left + width, y + height);
        }
      }
      left += width;
    }
    if (stroke) doc.stroke();
    graphics.mark(this.#content?.operations ?? 0);
  }

  #cellText(graphics: CellGraphics, x: number, y: number, width: number, height: number, text: string, style: CellStyle): void {
    const { doc } = this;
    doc.font(style.face).fontSize(style.size);
    graphics.fill(style.color);
    const available = Math.max(1, width - 2 * CELL_PADDING);
    if (this.#fitsOneLine(text, available)) {
      const free = available - this.#widthOf(text);
      const shift = style.align === 'center' ? free / 2 : style.align === 'right' ? free : 0;
      doc.text(text, x + CELL_PADDING + shift, y + CELL_PADDING, { lineBreak: false });
    } else {
      doc.text(text, x + CELL_PADDING, y + CELL_PADDING, { width: available, height: height - 2 * CELL_PADDING + 0.5, align: style.align, ellipsis: '…' });
    }
  }

  /** The cells' graphics state, forgotten when anything else drew on the page since the last cell. */
  #cellGraphics(): CellGraphics {
    const state = this.#cellState;
    if (state && this.#content && state.valid(this.#content.operations)) return state;
    const fresh = new CellGraphics(this.doc);
    this.#cellState = fresh;
    return fresh;
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
    if (this.#streamedFooter) this.endDocument();
    else this.stampPages(footer, watermark);
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
      this.font(setup.faces, { bold: false, italic: true }, FOOTER_SIZE);
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

/** The fill colour, stroke colour and line width last set by the cells on the open page. */
class CellGraphics {
  readonly #doc: PDFKit.PDFDocument;
  #fill = '';
  #stroke = '';
  #lineWidth = -1;
  #operations = -1;

  constructor(doc: PDFKit.PDFDocument) {
    this.#doc = doc;
  }

  valid(operations: number): boolean {
    return operations === this.#operations;
  }

  mark(operations: number): void {
    this.#operations = operations;
  }

  fill(color: [number, number, number]): void {
    const key = color.join(',');
    if (key === this.#fill) return;
    this.#doc.fillColor(color);
    this.#fill = key;
  }

  stroke(color: [number, number, number], width: number): void {
    if (width !== this.#lineWidth) {
      this.#doc.lineWidth(width);
      this.#lineWidth = width;
    }
    const key = color.join(',');
    if (key === this.#stroke) return;
    this.#doc.strokeColor(color);
    this.#stroke = key;
  }
}
