/**
 * The values of an administrator's query, whose columns have no model: dates JJ/MM/AAAA, moments
 * on the town's clock, Oui / Non, numbers as they came (a spreadsheet gets them as numbers).
 */
import type { Locale, Translate } from '../../i18n/index.ts';
import type { SheetCell } from '../../queries/spreadsheet.ts';
import { dateTime, frenchDate } from '../screens/shared/index.ts';

const NUMBER = /^-?\d+(\.\d+)?$/;

export function cellText(value: unknown, tr: Translate, locale: Locale): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return tr(value ? 'queries.admin.yes' : 'queries.admin.no');
  if (value instanceof Date) return dateTime(value, locale);
  if (typeof value === 'object') return JSON.stringify(value);
  const text = String(value);
  return /^\d{4}-\d{2}-\d{2}$/.test(text) ? frenchDate(text) : text;
}

export function sheetCell(value: unknown, tr: Translate, locale: Locale): SheetCell {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && NUMBER.test(value) && value.length < 16) return Number(value);
  return cellText(value, tr, locale);
}

export const isNumberCell = (value: unknown) => typeof value === 'number' || (typeof value === 'string' && NUMBER.test(value));
