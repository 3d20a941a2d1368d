/**
 * Rows of cells drawn by the page writer, for the body's tables and the sous-états: a row is
 * measured first, goes whole to the next page when it does not fit, and the table's header rows
 * are drawn again at the top of each new page.
 */
import { faceOf } from './fonts.ts';
import type { Table, TableCell } from './blocks.ts';
import { BASE_SIZE, type CellStyle, type PageWriter } from './writer.ts';

export interface GridCell {
  readonly text: string;
  readonly width: number;
  readonly style: CellStyle;
}

export type GridRow = readonly GridCell[];

export function rowHeight(writer: PageWriter, row: GridRow, minimum: number): number {
  return Math.max(minimum, ...row.map((cell) => writer.cellHeight(cell.text, cell.width, cell.style)));
}

function drawAt(writer: PageWriter, x: number, row: GridRow, height: number): void {
  const y = writer.y;
  writer.row(x, y, height, row);
  writer.doc.x = writer.left;
  writer.y = y + height;
}

type HeaderRows = readonly { row: GridRow; minimum: number }[];

/**
 * A table drawn row by row from the cursor at `x` (rows may come from a cursor, a batch at a
 * time): each row whole on one page, `header` rows first and again on every page the table
 * continues on. `finish` ends it (a table without rows still shows its header); `release` gives
 * the writer back its page hook, whatever happened.
 */
export class GridDrawer {
  readonly #writer: PageWriter;
  readonly #x: number;
  readonly #header: HeaderRows;
  readonly #headerHeight: number;
  /** A row taller than a page's body is cut to it (its cells end with « … »), never drawn past the foot. */
  readonly #tallest: number;
  readonly #previous: (() => void) | undefined;
  #first = true;

  constructor(writer: PageWriter, x: number, header: HeaderRows) {
    this.#writer = writer;
    this.#x = x;
    this.#header = header;
    this.#headerHeight = header.reduce((sum, { row, minimum }) => sum + rowHeight(writer, row, minimum), 0);
    this.#tallest = Math.max(writer.bottom - writer.setup.margins.top - this.#headerHeight, 20);
    this.#previous = writer.onNewPage;
    writer.onNewPage = this.#drawHeader;
  }

  readonly #drawHeader = () => {
    for (const { row, minimum } of this.#header) drawAt(this.#writer, this.#x, row, rowHeight(this.#writer, row, minimum));
  };

  row(row: GridRow, minimum: number): void {
    const writer = this.#writer;
    const height = Math.min(rowHeight(writer, row, minimum), this.#tallest);
    if (this.#first) {
      // The header never stays alone at the foot of a page.
      writer.onNewPage = undefined;
      writer.ensure(this.#headerHeight + height);
      writer.onNewPage = this.#drawHeader;
      this.#drawHeader();
      this.#first = false;
    }
    writer.ensure(height);
    drawAt(writer, this.#x, row, height);
  }

  finish(): void {
    if (!this.#first) return;
    this.#writer.onNewPage = undefined;
    this.#writer.ensure(this.#headerHeight);
    this.#drawHeader();
    this.#first = false;
  }

  release(): void {
    this.#writer.onNewPage = this.#previous;
  }
}

/** Draws `rows` from the cursor at `x` (see GridDrawer). */
export function drawGrid(writer: PageWriter, x: number, header: HeaderRows, rows: Iterable<{ row: GridRow; minimum: number }>): void {
  const grid = new GridDrawer(writer, x, header);
  try {
    for (const { row, minimum } of rows) grid.row(row, minimum);
    grid.finish();
  } finally {
    grid.release();
  }
}

const HEADER_FILL: [number, number, number] = [235, 235, 235];

/** A table of the body: columns of equal width (a cell spanning several takes theirs). */
export function drawBodyTable(writer: PageWriter, table: Table, text: (value: string) => string): void {
  const columns = Math.max(1, ...table.rows.map((row) => row.cells.reduce((sum, cell) => sum + cell.colspan, 0)));
  const unit = writer.width / columns;
  const toRow = (cells: readonly TableCell[]): GridRow =>
    cells.map((cell) => {
      const runs = cell.runs;
      const bold = cell.header || (runs.length > 0 && runs.every((run) => run.style.bold));
      const italic = runs.length > 0 && runs.every((run) => run.style.italic);
      const size = Math.max(0, ...runs.map((run) => run.style.fontSize ?? 0)) || BASE_SIZE;
      return {
        text: text(runs.map((run) => run.text).join('')),
        width: unit * cell.colspan,
        style: {
          face: faceOf(writer.setup.faces, { bold, italic }),
          size,
          color: writer.setup.color,
          align: cell.align,
          fill: cell.header ? HEADER_FILL : undefined,
          border: '1',
        },
      };
    });
  const headerCount = table.rows.findIndex((row) => !(row.header || row.cells.every((cell) => cell.header)));
  const split = headerCount === -1 ? 0 : headerCount;
  const header = table.rows.slice(0, split).map((row) => ({ row: toRow(row.cells), minimum: 0 }));
  const body = table.rows.slice(split).map((row) => ({ row: toRow(row.cells), minimum: 0 }));
  drawGrid(writer, writer.left, header, body);
  writer.y += BASE_SIZE * 0.5;
}
