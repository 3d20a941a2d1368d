/**
 * A sous-état (om_sousetat) drawn from its rows: optional title, header row of the columns' names,
 * rows in alternating fills with widths, alignments and borders per column (`|` lists), French
 * numbers for numeric columns (`cellule_numerique`: `999` = text, else the number of decimals),
 * and total, average and count rows for the columns flagged `1` in `cellule_total`,
 * `cellule_moyenne`, `cellule_compteur`.
 */
import { faceOf, fontFaces } from './fonts.ts';
import { alignmentOf, pt, rgb } from './geometry.ts';
import { formatValue, frenchNumber, numericValue } from './format.ts';
import { drawGrid, GridDrawer, type GridRow } from './grid.ts';
import type { SousEtatDefinition } from './definition.ts';
import type { CellStyle, PageWriter } from './writer.ts';
import type { SourceResult } from '../sources/types.ts';

export interface SousEtatLabels {
  readonly total: string;
  readonly average: string;
  readonly count: string;
}

const text = (definition: SousEtatDefinition, name: string): string => String(definition[name] ?? '');
const number = (definition: SousEtatDefinition, name: string, fallback: number): number => {
  const value = Number(definition[name]);
  return Number.isFinite(value) ? value : fallback;
};
const list = (definition: SousEtatDefinition, name: string): string[] => text(definition, name).split('|').map((part) => part.trim());
const flagged = (values: readonly string[], index: number) => values[index] === '1';

/** Decimals of a numeric column, or undefined for a text column. */
function decimalsOf(spec: string | undefined): number | undefined {
  if (spec === undefined || spec === '' || spec === '999') return undefined;
  const decimals = Number(spec);
  return Number.isInteger(decimals) && decimals >= 0 && decimals <= 10 ? decimals : undefined;
}

/** Column widths in points: `cellule_largeur` (mm), the rest of `tableau_largeur` shared evenly. */
function widthsOf(definition: SousEtatDefinition, columns: number, available: number): number[] {
  const given = list(definition, 'cellule_largeur').map(Number);
  const total = Math.min(pt(number(definition, 'tableau_largeur', 190)), available);
  const fixed = Array.from({ length: columns }, (_, index) => {
    const width = given[index];
    return width !== undefined && Number.isFinite(width) && width > 0 ? pt(width) : undefined;
  });
  const used = fixed.reduce<number>((sum, width) => sum + (width ?? 0), 0);
  const free = fixed.filter((width) => width === undefined).length;
  const share = free > 0 ? Math.max(pt(5), (total - used) / free) : 0;
  const widths = fixed.map((width) => width ?? share);
  const sum = widths.reduce((a, b) => a + b, 0);
  // Never wider than the page's body.
  return sum > available ? widths.map((width) => (width * available) / sum) : widths;
}

/** Hands the sous-état's rows over, a batch at a time, each batch awaited (a cursor). */
export type SousEtatRows = (onRows: (result: SourceResult) => Promise<void>) => Promise<unknown>;

/** A column's running figures for the total, average and count rows. */
interface ColumnFigures {
  sum: number;
  numbers: number;
  present: number;
}

export async function drawSousEtat(writer: PageWriter, definition: SousEtatDefinition, source: SousEtatRows, labels: SousEtatLabels, substitute: (value: string) => string): Promise<void> {
  const faces = fontFaces(text(definition, 'titrefont'));
  const bodyFaces = writer.setup.faces;
  const color = writer.setup.color;
  const numeric = list(definition, 'cellule_numerique').map(decimalsOf);
  const size = number(definition, 'tableau_fontaille', 9);
  const borderColor = rgb(definition['bordure_couleur']);
  const borderOf = (values: string[], index: number) => values[index] || text(definition, 'tableau_bordure') || '0';
  const headerAlign = list(definition, 'entetecolone_align');
  const headerBorder = list(definition, 'entetecolone_bordure');
  const cellAlign = list(definition, 'cellule_align');
  const cellBorder = list(definition, 'cellule_bordure');
  const firstBorder = list(definition, 'cellule_bordure_un');
  const fills = text(definition, 'cellule_fond') === '1' ? [rgb(definition['se_fond1'], [255, 255, 255]), rgb(definition['se_fond2'], [243, 243, 243])] : undefined;
  const cellText = (value: unknown, index: number) => {
    const decimals = numeric[index];
    const number = numericValue(value);
    return decimals !== undefined && number !== undefined ? frenchNumber(number, decimals) : formatValue(value);
  };
  const minimum = pt(number(definition, 'cellule_hauteur', 7));
  const face = faceOf(bodyFaces, { bold: false, italic: false });

  let names: string[] | undefined;
  let widths: number[] = [];
  let grid: GridDrawer | undefined;
  let figures: ColumnFigures[] = [];
  let rowIndex = 0;

  /** The title, then the table's header: drawn once the columns are known (with the first batch). */
  const begin = (columns: string[]): GridDrawer => {
    names = columns;
    widths = widthsOf(definition, columns.length, writer.width);
    figures = columns.map(() => ({ sum: 0, numbers: 0, present: 0 }));
    const tableWidth = widths.reduce((a, b) => a + b, 0);
    writer.y += pt(number(definition, 'intervalle_debut', 0));
    const title = substitute(text(definition, 'titre')).trim();
    if (title !== '') {
      const attributes = text(definition, 'titreattribut').toUpperCase();
      const titleRow: GridRow = [{
        text: title,
        width: tableWidth,
        style: {
          face: faceOf(faces, { bold: attributes.includes('B'), italic: attributes.includes('I') }),
          size: number(definition, 'titretaille', 10),
          color: rgb(definition['titretextecouleur']),
          align: alignmentOf(text(definition, 'titrealign')),
          fill: text(definition, 'titrefond') === '1' ? rgb(definition['titrefondcouleur'], [255, 255, 255]) : undefined,
          border: text(definition, 'titrebordure'),
          borderColor,
        },
      }];
      drawGrid(writer, writer.left, [], [{ row: titleRow, minimum: pt(number(definition, 'titrehauteur', 10)) }]);
    }
    const header = text(definition, 'entete_flag') === '1'
      ? [{
          row: columns.map((name, index) => ({
            text: name,
            width: widths[index] ?? 0,
            style: {
              face: faceOf(bodyFaces, { bold: true, italic: false }),
              size,
              color: rgb(definition['entete_textecouleur']),
              align: alignmentOf(headerAlign[index], 'center'),
              fill: text(definition, 'entete_fond') === '1' ? rgb(definition['entete_fondcouleur'], [230, 230, 230]) : undefined,
              border: borderOf(headerBorder, index),
              borderColor,
            },
          })),
          minimum: pt(number(definition, 'entete_hauteur', 7)),
        }]
      : [];
    return new GridDrawer(writer, writer.left, header);
  };

  // Cell styles depend on the column and the row's parity only: built once each.
  const styles: CellStyle[][] = [];
  const styleOf = (index: number, row: number): CellStyle => {
    if (row === 0) return rowStyle(index, 0);
    const parity = row % 2;
    const column = (styles[index] ??= []);
    return (column[parity] ??= rowStyle(index, parity === 0 ? 2 : 1));
  };
  const rowStyle = (index: number, row: number): CellStyle => ({
    face,
    size,
    color,
    align: alignmentOf(cellAlign[index], numeric[index] !== undefined ? 'right' : 'left'),
    fill: fills?.[row % 2],
    border: (row === 0 && firstBorder[index]) || borderOf(cellBorder, index),
    borderColor,
  });

  try {
    // masque_si_vide (migration 0018): nothing at all is drawn until a row comes.
    const hiddenWhenEmpty = definition['masque_si_vide'] === true;
    await source(async (result) => {
      if (hiddenWhenEmpty && grid === undefined && result.rows.length === 0) return;
      const drawer = (grid ??= begin(result.fields.length > 0 ? result.fields.map((field) => field.name) : Object.keys(result.rows[0] ?? {})));
      const columns = names ?? [];
      for (const row of result.rows) {
        drawer.row(columns.map((name, index) => {
          const value = row[name];
          const figure = figures[index];
          if (figure) {
            const numberValue = numericValue(value);
            if (numberValue !== undefined) {
              figure.sum += numberValue;
              figure.numbers += 1;
            }
            if (value !== null && value !== undefined && value !== '') figure.present += 1;
          }
          return { text: cellText(value, index), width: widths[index] ?? 0, style: styleOf(index, rowIndex) };
        }), minimum);
        rowIndex += 1;
      }
      await writer.writeOut?.();
    });
    if (hiddenWhenEmpty && grid === undefined) return;
    const drawer = grid ?? begin([]);
    grid = drawer;
    const columns = names ?? [];

    const summaries: { kind: 'total' | 'moyenne' | 'nbr'; flags: string[]; label: string; value: (figure: ColumnFigures) => string }[] = [
      { kind: 'total', flags: list(definition, 'cellule_total'), label: labels.total, value: (figure) => frenchNumber(figure.sum) },
      { kind: 'moyenne', flags: list(definition, 'cellule_moyenne'), label: labels.average, value: (figure) => (figure.numbers > 0 ? frenchNumber(figure.sum / figure.numbers, 2) : '') },
      { kind: 'nbr', flags: list(definition, 'cellule_compteur'), label: labels.count, value: (figure) => frenchNumber(figure.present) },
    ];
    for (const summary of summaries) {
      if (!columns.some((_, index) => flagged(summary.flags, index))) continue;
      const align = list(definition, `cellule_align_${summary.kind}`);
      // The row's name goes in the first column without a figure, else before the first figure.
      const labelIndex = columns.findIndex((_, index) => !flagged(summary.flags, index));
      const border = list(definition, `cellule_bordure_${summary.kind}`);
      drawer.row(columns.map((_name, index) => {
        const figure = figures[index] ?? { sum: 0, numbers: 0, present: 0 };
        const decimals = numeric[index];
        const shownFigure = summary.kind === 'total' && decimals !== undefined ? frenchNumber(figure.sum, decimals) : summary.value(figure);
        const shown = !flagged(summary.flags, index)
          ? (index === labelIndex ? summary.label : '')
          : labelIndex === -1 && index === 0 ? `${summary.label} : ${shownFigure}` : shownFigure;
        return {
          text: shown,
          width: widths[index] ?? 0,
          style: {
            face: faceOf(bodyFaces, { bold: true, italic: false }),
            size: number(definition, `cellule_fontaille_${summary.kind}`, size),
            color,
            align: alignmentOf(align[index], flagged(summary.flags, index) ? 'right' : 'left'),
            fill: text(definition, `cellule_fond_${summary.kind}`) === '1' ? rgb(definition[`cellule_fondcouleur_${summary.kind}`], [230, 230, 230]) : undefined,
            border: border[index] || borderOf(cellBorder, index),
            borderColor,
          },
        };
      }), pt(number(definition, `cellule_hauteur_${summary.kind}`, 7)));
    }
    drawer.finish();
  } finally {
    grid?.release();
  }
  writer.y += pt(number(definition, 'intervalle_fin', 5));
}
