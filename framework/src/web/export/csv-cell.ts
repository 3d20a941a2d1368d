import { TIME_ZONE } from '../../config/time-zone.ts';
import type { Translate } from '../../i18n/index.ts';
import type { FieldMeta } from '../../model/types.ts';

/** Opens every CSV download: spreadsheets then read the file as UTF-8. */
export const BOM = '\ufeff';

/** A value as a French spreadsheet reads it: JJ/MM/AAAA dates, decimal comma, Oui/Non (in the catalogue's words). */
export function csvCell(field: FieldMeta, value: unknown, tr: Translate): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return tr(value ? 'csv.yes' : 'csv.no');
  if (field.kind === 'date' && typeof value === 'string') return value.split('-').reverse().join('/');
  if (value instanceof Date) return value.toLocaleString('fr-FR', { timeZone: TIME_ZONE });
  if ((field.kind === 'decimal' || field.kind === 'float') && (typeof value === 'string' || typeof value === 'number')) {
    return String(value).replace('.', ',');
  }
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
