/**
 * A label sheet's geometry (millimetres): where each label of a page lies, and the check that the
 * labels fit the sheet, with the French message the form shows for each field at fault.
 */
import { t, type Locale } from '../../i18n/index.ts';
import { pageSize, pt } from '../render/geometry.ts';

export interface SheetGeometry {
  readonly format: string;
  readonly orientation: string;
  readonly colonnes: number;
  readonly lignes: number;
  readonly largeur: number;
  readonly hauteur: number;
  readonly marge_haut: number;
  readonly marge_gauche: number;
  readonly espace_horizontal: number;
  readonly espace_vertical: number;
}

/** The sheet's width and height in mm. */
export function sheetSizeMm(sheet: Pick<SheetGeometry, 'format' | 'orientation'>): [number, number] {
  const [width, height] = pageSize(sheet.format, sheet.orientation);
  return [width / pt(1), height / pt(1)];
}

const usedWidth = (sheet: SheetGeometry) => sheet.marge_gauche + sheet.colonnes * sheet.largeur + (sheet.colonnes - 1) * sheet.espace_horizontal;
const usedHeight = (sheet: SheetGeometry) => sheet.marge_haut + sheet.lignes * sheet.hauteur + (sheet.lignes - 1) * sheet.espace_vertical;

/** Rounding of the sheet sizes (A4 is 210 × 297 mm exactly; points give 209.99…). */
const TOLERANCE_MM = 0.05;

/** Messages per field when the labels overflow the sheet (empty when they fit). */
export function geometryErrors(sheet: SheetGeometry, locale?: Locale): Record<string, string> {
  const [width, height] = sheetSizeMm(sheet);
  const errors: Record<string, string> = {};
  const mm = (value: number) => new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 }).format(value);
  if (usedWidth(sheet) > width + TOLERANCE_MM) {
    errors['largeur'] = t('labels.geometry.tooWide', { used: mm(usedWidth(sheet)), sheet: mm(width) }, locale);
  }
  if (usedHeight(sheet) > height + TOLERANCE_MM) {
    errors['hauteur'] = t('labels.geometry.tooHigh', { used: mm(usedHeight(sheet)), sheet: mm(height) }, locale);
  }
  return errors;
}

/** The top-left corner of the label at `index` on its page (0 = top left, then along the row), in points. */
export function labelOrigin(sheet: SheetGeometry, index: number): { x: number; y: number } {
  const column = index % sheet.colonnes;
  const row = Math.floor(index / sheet.colonnes);
  return {
    x: pt(sheet.marge_gauche + column * (sheet.largeur + sheet.espace_horizontal)),
    y: pt(sheet.marge_haut + row * (sheet.hauteur + sheet.espace_vertical)),
  };
}
