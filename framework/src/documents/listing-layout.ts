/**
 * The arithmetic of a PDF listing's page: which of the spec's columns are printed (those the user
 * may see) and their widths, stretched so that the table fills the printable width of the page.
 * Pure: no PDF, no request.
 */
import type { ListingPdfSpec, PdfAlign } from '../model/specs.ts';

/** A4 in millimetres, portrait. */
export const A4_MM = { width: 210, height: 297 } as const;
export const MARGIN_MM = 10;

export interface LaidOutColumn {
  readonly field: string;
  /** Millimetres. */
  readonly width: number;
  readonly align: PdfAlign;
}

export interface ListingLayout {
  readonly orientation: ListingPdfSpec['orientation'];
  /** The page in millimetres, in its orientation. */
  readonly pageWidth: number;
  readonly pageHeight: number;
  /** `pageWidth` less the two margins: what the columns add up to. */
  readonly tableWidth: number;
  readonly columns: readonly LaidOutColumn[];
}

export function pageOf(orientation: ListingPdfSpec['orientation']): { width: number; height: number } {
  return orientation === 'portrait' ? { width: A4_MM.width, height: A4_MM.height } : { width: A4_MM.height, height: A4_MM.width };
}

const tenth = (value: number) => Math.round(value * 10) / 10;

/**
 * The spec's columns that `shown` keeps, in their order, widths in proportion to the spec's and
 * adding up exactly to the printable width (the rounding remainder goes to the last column).
 * Undefined when no column is left to print.
 */
export function layOutListing(spec: ListingPdfSpec, shown: (field: string) => boolean): ListingLayout | undefined {
  const kept = spec.columns.filter((column) => shown(column.field) && column.width > 0);
  if (kept.length === 0) return undefined;
  const page = pageOf(spec.orientation);
  const tableWidth = page.width - 2 * MARGIN_MM;
  const total = kept.reduce((sum, column) => sum + column.width, 0);
  const widths = kept.map((column) => tenth((column.width * tableWidth) / total));
  const allButLast = widths.slice(0, -1).reduce((sum, width) => sum + width, 0);
  widths[widths.length - 1] = tenth(tableWidth - allButLast);
  return {
    orientation: spec.orientation,
    pageWidth: page.width,
    pageHeight: page.height,
    tableWidth,
    columns: kept.map((column, index) => ({ field: column.field, width: widths[index] ?? column.width, align: column.align })),
  };
}
