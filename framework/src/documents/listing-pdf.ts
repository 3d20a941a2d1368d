/**
 * The PDF listing engine (openMairie's `pdf/pdf.php` over `T.pdf.inc.php`): a table of text cells
 * on A4 pages — page header (title, collectivité, date of printing), the table's header repeated
 * on every page, rows with alternating fill, cells wrapped whole in their column (a row is never
 * cut: it goes to the next page), « Page n/N » at the foot, « N enregistrement(s) » at the end.
 *
 * Written as a stream: rows arrive in batches, each batch's bytes go to the sink before the next
 * batch is read, and pdfkit keeps only the current page (no `bufferPages`; its cache of word
 * layouts is emptied after each batch), so memory does not grow with the number of rows. The page
 * count N is not known until the last row: every footer draws one shared form XObject, written
 * once at the end with the total (the PDF's own way of drawing something defined later).
 */
import PDFDocument from 'pdfkit';
import { FONTS } from './fonts.ts';
import { MARGIN_MM, type ListingLayout } from './listing-layout.ts';
import { giveWay } from '../jobs/give-way.ts';
import type { LogoImage } from './logos/index.ts';

const POINTS_PER_MM = 72 / 25.4;
const pt = (mm: number) => mm * POINTS_PER_MM;

/** What the footer needs of pdfkit's embedded font (internals of pdfkit 0.20, pinned). */
interface EmbeddedFont {
  readonly id: string;
  readonly ascender: number;
  encode(text: string): [string[], unknown[]];
  ref(): PDFKit.PDFKitReference;
}

const TITLE_SIZE = 13;
const SMALL_SIZE = 8;
const CELL_SIZE = 8;
/** A header whose longest word does not fit its column is set smaller, down to this size, rather than broken. */
const MIN_HEADER_SIZE = 6;
const PADDING_X = pt(0.8);
const PADDING_Y = pt(0.8);
const FOOTER_HEIGHT = pt(6);
const LOGO_HEIGHT_MM = 12;
const LOGO_MAX_WIDTH_MM = 30;
const HEADER_FILL = '#d5dde6';
const ODD_ROW_FILL = '#f0f2f4';
const RULE = '#7a8896';
const TEXT = '#000000';

/**
 * pdfkit embeds an image opened once for every page that draws it; a Buffer given to `image()` is
 * embedded again on each page. Its type declarations know neither `openImage` nor the opened image.
 */
interface OpenedImage {
  readonly width: number;
  readonly height: number;
}
interface ReusableImages {
  openImage(data: Buffer): OpenedImage;
  image(image: OpenedImage, x: number, y: number, options: { fit: [number, number] }): unknown;
}

/** The words of the page furniture, already in the user's language. */
export interface ListingPdfText {
  readonly title: string;
  readonly collectivite: string;
  /** « Édité le 05/03/2026 à 14:30 ». */
  readonly printedOn: string;
  /** The footer before the page count: « Page 3/ » (the count follows it). */
  readonly page: (page: number) => string;
  readonly count: (rows: number) => string;
}

export interface ListingPdfInput {
  readonly layout: ListingLayout;
  /** One per column of the layout. */
  readonly headers: readonly string[];
  readonly text: ListingPdfText;
  /** The document's language (PDF metadata, read by screen readers). */
  readonly lang: string;
  /** The collectivité's logo (its identité visuelle), left of the title on every page. */
  readonly logo?: LogoImage | undefined;
}

/** A batch of rows, each one text per column of the layout. */
export type CellRows = readonly (readonly string[])[];
/** Reads every row, handing them over in batches; resolves to the number of rows. */
export type RowSource = (onRows: (rows: CellRows) => Promise<void>) => Promise<number>;
/** Where the PDF's bytes go (awaited: a slow reader slows the reading of rows down). */
export type ByteSink = (chunk: Uint8Array) => Promise<void>;

class ListingPdfWriter {
  readonly #doc: PDFKit.PDFDocument;
  readonly #input: ListingPdfInput;
  readonly #left = pt(MARGIN_MM);
  readonly #widths: readonly number[];
  readonly #pageHeight: number;
  readonly #bottom: number;
  readonly #headerSizes: readonly number[];
  readonly #cellSizes: readonly number[];
  /** The page count, drawn by every footer, written at the end. */
  readonly #pageCount: PDFKit.PDFKitReference;
  /** The tallest a row may be: the page's body below the header. */
  #maxRowHeight = Number.POSITIVE_INFINITY;
  #page = 0;
  #y = 0;
  #row = 0;
  /** The logo, embedded once and drawn on every page. */
  #logo: OpenedImage | undefined;

  constructor(input: ListingPdfInput) {
    this.#input = input;
    const { layout } = input;
    this.#widths = layout.columns.map((column) => pt(column.width));
    this.#pageHeight = pt(layout.pageHeight);
    this.#bottom = this.#pageHeight - pt(MARGIN_MM) - FOOTER_HEIGHT;
    this.#doc = new PDFDocument({
      autoFirstPage: false,
      font: FONTS.regular,
      lang: input.lang,
      displayTitle: true,
      info: { Title: input.text.title, Author: input.text.collectivite, Creator: 'Commun' },
    });
    this.#pageCount = this.#doc.ref({ Type: 'XObject', Subtype: 'Form', BBox: [0, -5, 60, 15], Resources: {} });
    this.#cellSizes = input.headers.map(() => CELL_SIZE);
    this.#headerSizes = input.headers.map((header, index) => this.#fittingSize(header, index));
  }

  /** The header's size: CELL_SIZE, or smaller so that its longest word fits the column. */
  #fittingSize(header: string, index: number): number {
    this.#font('bold', CELL_SIZE);
    const longest = Math.max(0, ...header.split(/\s+/).map((word) => this.#doc.widthOfString(word)));
    if (longest <= this.#textWidth(index)) return CELL_SIZE;
    return Math.max(MIN_HEADER_SIZE, Math.floor((CELL_SIZE * this.#textWidth(index) * 10) / longest) / 10);
  }

  /** The bytes pdfkit has produced since the last call (nothing is kept once read). */
  *chunks(): Generator<Uint8Array> {
    for (let chunk: unknown = this.#doc.read(); chunk !== null; chunk = this.#doc.read()) {
      if (chunk instanceof Uint8Array) yield chunk;
      else if (typeof chunk === 'string') yield Buffer.from(chunk, 'latin1');
    }
  }

  start(): void {
    this.#newPage();
  }

  /**
   * pdfkit keeps the shaping of every word it has measured (five times faster on a listing's
   * repeated words) but never forgets one: emptied between batches. An internal of pdfkit 0.20
   * (pinned): to check again when upgrading it.
   */
  forgetLayouts(): void {
    const families = (this.#doc as unknown as { _fontFamilies?: Record<string, { layoutCache?: unknown }> })._fontFamilies ?? {};
    for (const font of Object.values(families)) {
      if (font.layoutCache !== undefined) font.layoutCache = Object.create(null);
    }
  }

  addRows(rows: CellRows): void {
    for (const cells of rows) {
      const height = this.#rowHeight(cells, 'regular', this.#cellSizes);
      if (this.#y + height > this.#bottom) {
        this.#endPage();
        this.#newPage();
      }
      if (this.#row % 2 === 1) this.#fill(this.#y, height, ODD_ROW_FILL);
      this.#drawCells(cells, 'regular', this.#cellSizes, height);
      this.#y += height;
      this.#row += 1;
    }
  }

  finish(count: number): void {
    this.#font('bold', CELL_SIZE);
    const height = this.#doc.currentLineHeight(true) + pt(2);
    if (this.#y + height > this.#bottom) {
      this.#endPage();
      this.#newPage();
    }
    this.#rule(this.#y);
    this.#doc.fillColor(TEXT).text(this.#input.text.count(count), this.#left, this.#y + pt(2), { lineBreak: false });
    this.#endPage();
    this.#writePageCount();
    this.#doc.end();
  }

  /** The total, in the footer's font, as the content of the form XObject every footer drew. */
  #writePageCount(): void {
    this.#font('regular', SMALL_SIZE);
    const font = (this.#doc as unknown as { _font: EmbeddedFont })._font;
    const [glyphs] = font.encode(String(this.#page));
    (this.#pageCount.data as Record<string, unknown>)['Resources'] = { Font: { [font.id]: font.ref() } };
    this.#pageCount.end(`BT /${font.id} ${SMALL_SIZE} Tf 0 0 Td <${glyphs.join('')}> Tj ET`);
  }

  #font(weight: 'regular' | 'bold', size: number): void {
    this.#doc.font(FONTS[weight]).fontSize(size);
  }

  /** Draws the logo at the top left, at most LOGO_HEIGHT_MM high; the room it takes (0 without one). */
  #drawLogo(top: number): number {
    const logo = this.#input.logo;
    if (!logo) return 0;
    const doc = this.#doc as unknown as ReusableImages;
    this.#logo ??= doc.openImage(logo.data);
    const height = pt(LOGO_HEIGHT_MM);
    const width = Math.min(pt(LOGO_MAX_WIDTH_MM), (logo.width / logo.height) * height);
    doc.image(this.#logo, this.#left, top, { fit: [width, height] });
    return width + pt(4);
  }

  #newPage(): void {
    const { layout, text } = this.#input;
    this.#doc.addPage({ size: 'A4', layout: layout.orientation, margin: 0 });
    this.#page += 1;
    const top = pt(MARGIN_MM);
    const width = pt(layout.tableWidth);
    const logoWidth = this.#drawLogo(top);
    const titleLeft = this.#left + logoWidth;
    const titleWidth = width * 0.62 - logoWidth;
    const asideWidth = width * 0.38 - pt(4);
    const asideLeft = this.#left + width * 0.62 + pt(4);

    this.#font('bold', TITLE_SIZE);
    this.#doc.fillColor(TEXT).text(text.title, titleLeft, top, { width: titleWidth });
    const titleBottom = Math.max(this.#doc.y, logoWidth > 0 ? top + pt(LOGO_HEIGHT_MM) : 0);
    this.#font('bold', SMALL_SIZE + 1);
    this.#doc.text(text.collectivite, asideLeft, top, { width: asideWidth, align: 'right' });
    this.#font('regular', SMALL_SIZE);
    this.#doc.text(text.printedOn, asideLeft, this.#doc.y + pt(0.5), { width: asideWidth, align: 'right' });
    this.#y = Math.max(titleBottom, this.#doc.y) + pt(4);

    const height = this.#rowHeight(this.#input.headers, 'bold', this.#headerSizes);
    this.#fill(this.#y, height, HEADER_FILL);
    this.#drawCells(this.#input.headers, 'bold', this.#headerSizes, height);
    this.#y += height;
    this.#rule(this.#y);
    this.#maxRowHeight = this.#bottom - this.#y;
  }

  /** « Page n/ » then the page count's XObject, the two centred together (the count's width guessed from n's). */
  #endPage(): void {
    this.#font('regular', SMALL_SIZE);
    const { layout, text } = this.#input;
    const doc = this.#doc;
    const y = this.#pageHeight - pt(MARGIN_MM) - doc.currentLineHeight(true);
    const before = text.page(this.#page);
    const width = doc.widthOfString(before) + doc.widthOfString(String(this.#page));
    const x = this.#left + (pt(layout.tableWidth) - width) / 2;
    doc.fillColor(TEXT).text(before, x, y, { lineBreak: false });
    const name = 'CommunPages';
    doc.page.xobjects[name] = this.#pageCount;
    const baseline = y + ((doc as unknown as { _font: EmbeddedFont })._font.ascender / 1000) * SMALL_SIZE;
    doc.addContent(`q 1 0 0 -1 ${(x + doc.widthOfString(before)).toFixed(2)} ${baseline.toFixed(2)} cm /${name} Do Q`);
  }

  /** The tallest cell (wrapped whole, up to a page's body), plus the padding. */
  #rowHeight(cells: readonly string[], weight: 'regular' | 'bold', sizes: readonly number[]): number {
    this.#font(weight, CELL_SIZE);
    let tallest = this.#doc.currentLineHeight(true);
    cells.forEach((cell, index) => {
      if (cell === '') return;
      this.#font(weight, sizes[index] ?? CELL_SIZE);
      const height = this.#doc.heightOfString(cell, { width: this.#textWidth(index) });
      tallest = Math.max(tallest, height);
    });
    return Math.min(tallest + 2 * PADDING_Y, this.#maxRowHeight);
  }

  #drawCells(cells: readonly string[], weight: 'regular' | 'bold', sizes: readonly number[], rowHeight: number): void {
    this.#doc.fillColor(TEXT);
    let x = this.#left;
    this.#input.layout.columns.forEach((column, index) => {
      const cell = cells[index] ?? '';
      if (cell !== '') {
        this.#font(weight, sizes[index] ?? CELL_SIZE);
        this.#doc.text(cell, x + PADDING_X, this.#y + PADDING_Y, {
          width: this.#textWidth(index),
          // A little more than the lines kept, so that rounding never drops the last one.
          height: rowHeight - 2 * PADDING_Y + 0.5,
          ellipsis: '…',
          align: column.align,
        });
      }
      x += this.#widths[index] ?? 0;
    });
  }

  #textWidth(index: number): number {
    return Math.max(1, (this.#widths[index] ?? 0) - 2 * PADDING_X);
  }

  #fill(y: number, height: number, color: string): void {
    this.#doc.rect(this.#left, y, pt(this.#input.layout.tableWidth), height).fill(color);
  }

  #rule(y: number): void {
    const right = this.#left + pt(this.#input.layout.tableWidth);
    this.#doc.moveTo(this.#left, y).lineTo(right, y).lineWidth(0.5).strokeColor(RULE).stroke();
  }
}

/** Rows laid out between two turns of the event loop (a few milliseconds of work). */
const ROWS_PER_SLICE = 25;

/**
 * Writes the listing: the file's header at once (the download starts), then each batch of rows
 * from `source`, each batch's bytes awaited into `sink` before the next is read.
 */
export async function writeListingPdf(input: ListingPdfInput, source: RowSource, sink: ByteSink): Promise<number> {
  const writer = new ListingPdfWriter(input);
  const drain = async () => {
    for (const chunk of writer.chunks()) await sink(chunk);
  };
  writer.start();
  await drain();
  const count = await source(async (rows) => {
    for (let start = 0; start < rows.length; start += ROWS_PER_SLICE) {
      writer.addRows(rows.slice(start, start + ROWS_PER_SLICE));
      await drain();
      // Laying out rows is synchronous: other requests are answered between two slices.
      await giveWay();
    }
    writer.forgetLayouts();
  });
  writer.finish(count);
  await drain();
  return count;
}
