/**
 * The composer's changes as the rows to write: moving a widget up, down or to another column
 * renumbers the positions of the columns it touches (1, 2, 3…); only rows whose column or
 * position changes are written, the moved one first (a refusal then changes nothing).
 */
import { byColumn, type Column } from '../placements.ts';

export interface Spot {
  readonly id: number;
  readonly bloc: string;
  readonly position: number | null;
}

export type Move = { readonly kind: 'up' } | { readonly kind: 'down' } | { readonly kind: 'column'; readonly column: Column };

export interface SpotChange {
  readonly id: number;
  readonly bloc: Column;
  readonly position: number;
}

function renumber(column: Column, order: readonly Spot[], changes: SpotChange[]): void {
  order.forEach((spot, index) => {
    if (spot.bloc !== column || spot.position !== index + 1) changes.push({ id: spot.id, bloc: column, position: index + 1 });
  });
}

/** The rows to write, or `undefined` when the widget is not in one of the columns. */
export function planMove(spots: readonly Spot[], id: number, move: Move): SpotChange[] | undefined {
  const columns = byColumn(spots);
  const from = (Object.keys(columns) as Column[]).find((column) => columns[column].some((spot) => spot.id === id));
  if (!from) return undefined;
  const source = [...columns[from]];
  const index = source.findIndex((spot) => spot.id === id);
  const moved = source[index] as Spot;
  const changes: SpotChange[] = [];
  if (move.kind === 'column') {
    if (move.column === from) return [];
    source.splice(index, 1);
    const target = [...columns[move.column], moved];
    renumber(move.column, target, changes);
    renumber(from, source, changes);
  } else {
    const other = move.kind === 'up' ? index - 1 : index + 1;
    if (other < 0 || other >= source.length) return [];
    [source[index], source[other]] = [source[other] as Spot, moved];
    renumber(from, source, changes);
  }
  return changes.sort((a, b) => (a.id === id ? -1 : b.id === id ? 1 : 0));
}

/** Position of a widget added at the end of a column. */
export function endOf(spots: readonly Spot[], column: Column): number {
  const inColumn = byColumn(spots)[column];
  return Math.max(inColumn.length, ...inColumn.map((spot) => spot.position ?? 0)) + 1;
}
