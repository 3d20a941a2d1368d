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
  let left = x;
  for (const cell of row) {
    writer.cell(left, y, cell.width, height, cell.text, cell.style);
    left += cell.width;
  }
  writer.doc.x = writer.left;
  writer.y = y + height;
}

/**
 * Draws `rows` from the cursor at `x`: each row whole on one page, `header` rows first and again
 * on every page the table continues on.
 */
export function drawGrid(writer: PageWriter, x: number, header: readonly { row: GridRow; minimum: number }[], rows: Iterable<{ row: GridRow; minimum: number }>): void {
  const drawHeader = () => {
    for (const { row, minimum } of header) drawAt(writer, x, row, rowHeight(writer, row, minimum));
  };
  const headerHeight = header.reduce((sum, { row, minimum }) => sum + rowHeight(writer, row, minimum), 0);
  // A row taller than a page's body is cut to it (its cells end with « … »), never drawn past the foot.
  const tallest = Math.max(writer.bottom - writer.setup.margins.top - headerHeight, 20);
  const previous = writer.onNewPage;
  let first = true;
  writer.onNewPage = drawHeader;
  try {
    for (const { row, minimum } of rows) {
      const height = Math.min(rowHeight(writer, row, minimum), tallest);
      if (first) {
        // The header never stays alone at the foot of a page.
        writer.onNewPage = undefined;
        writer.ensure(headerHeight + height);
        writer.onNewPage = drawHeader;
        drawHeader();
        first = false;
      }
      writer.ensure(height);
      drawAt(writer, x, row, height);
    }
    if (first) {
      writer.onNewPage = undefined;
      writer.ensure(headerHeight);
      drawHeader();
    }
  } finally {
    writer.onNewPage = previous;
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
