/** Label sheets (« Étiquettes », issue 10 §6.5): definitions, geometry checks, the PDF. */
export { findLabelSheet, labelSheetsOf, type LabelSheet } from './definition.ts';
export { geometryErrors, sheetSizeMm, type SheetGeometry } from './geometry.ts';
export { labelLines, labelsPerSheet, renderLabels, type LabelPrint } from './render.ts';
