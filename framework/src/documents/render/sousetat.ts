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
import { drawGrid, type GridRow } from './grid.ts';
import type { SousEtatDefinition } from './definition.ts';
import type { PageWriter } from './writer.ts';
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

export function drawSousEtat(writer: PageWriter, definition: SousEtatDefinition, result: SourceResult, labels: SousEtatLabels, substitute: (value: string) => string): void {
  const faces = fontFaces(text(definition, 'titrefont'));
  const bodyFaces = writer.setup.faces;
  const color = writer.setup.color;
  const names = result.fields.length > 0 ? result.fields.map((field) => field.name) : Object.keys(result.rows[0] ?? {});
  const widths = widthsOf(definition, names.length, writer.width);
  const tableWidth = widths.reduce((a, b) => a + b, 0);
  const numeric = list(definition, 'cellule_numerique').map(decimalsOf);
  const size = number(definition, 'tableau_fontaille', 9);
  const borderColor = rgb(definition['bordure_couleur']);
  const borderOf = (values: string[], index: number) => values[index] || text(definition, 'tableau_bordure') || '0';

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

  const headerAlign = list(definition, 'entetecolone_align');
  const headerBorder = list(definition, 'entetecolone_bordure');
  const header = text(definition, 'entete_flag') === '1'
    ? [{
        row: names.map((name, index) => ({
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
  const rows = result.rows.map((row, rowIndex) => ({
    row: names.map((name, index) => ({
      text: cellText(row[name], index),
      width: widths[index] ?? 0,
      style: {
        face,
        size,
        color,
        align: alignmentOf(cellAlign[index], numeric[index] !== undefined ? 'right' : 'left'),
        fill: fills?.[rowIndex % 2],
        border: (rowIndex === 0 && firstBorder[index]) || borderOf(cellBorder, index),
        borderColor,
      },
    })),
    minimum,
  }));

  const summaries: { kind: 'total' | 'moyenne' | 'nbr'; flags: string[]; label: string; value: (values: number[], present: number) => string }[] = [
    { kind: 'total', flags: list(definition, 'cellule_total'), label: labels.total, value: (values) => frenchNumber(sum(values)) },
    { kind: 'moyenne', flags: list(definition, 'cellule_moyenne'), label: labels.average, value: (values) => (values.length > 0 ? frenchNumber(sum(values) / values.length, 2) : '') },
    { kind: 'nbr', flags: list(definition, 'cellule_compteur'), label: labels.count, value: (_values, present) => frenchNumber(present) },
  ];
  for (const summary of summaries) {
    if (!names.some((_, index) => flagged(summary.flags, index))) continue;
    const align = list(definition, `cellule_align_${summary.kind}`);
    // The row's name goes in the first column without a figure, else before the first figure.
    const labelIndex = names.findIndex((_, index) => !flagged(summary.flags, index));
    const border = list(definition, `cellule_bordure_${summary.kind}`);
    rows.push({
      row: names.map((name, index) => {
        const values = result.rows.map((row) => numericValue(row[name])).filter((value): value is number => value !== undefined);
        const present = result.rows.filter((row) => row[name] !== null && row[name] !== undefined && row[name] !== '').length;
        const decimals = numeric[index];
        const figure = summary.kind === 'total' && decimals !== undefined ? frenchNumber(sum(values), decimals) : summary.value(values, present);
        const shown = !flagged(summary.flags, index)
          ? (index === labelIndex ? summary.label : '')
          : labelIndex === -1 && index === 0 ? `${summary.label} : ${figure}` : figure;
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
      }),
      minimum: pt(number(definition, `cellule_hauteur_${summary.kind}`, 7)),
    });
  }

  drawGrid(writer, writer.left, header, rows);
  writer.y += pt(number(definition, 'intervalle_fin', 5));
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
