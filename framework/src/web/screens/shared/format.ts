/**
 * A field's value as the screens show it: dates JJ/MM/AAAA, times HH:MM, decimal comma,
 * Oui / Non, timestamps in the Paris time zone. Escaping is JSX's job, not this one's.
 */
import { translator, type Locale } from '../../../i18n/index.ts';
import { TIME_ZONE } from '../../../config/time-zone.ts';
import type { FieldMeta } from '../../../model/types.ts';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})/;

/** `2024-03-05` → `05/03/2024`; anything else unchanged. */
export function frenchDate(value: string): string {
  const match = ISO_DATE.exec(value);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : value;
}

/** A moment as the screens show it: « 05/03/2024 14:30 », on the town's clock. */
export function dateTime(value: unknown, locale: Locale): string {
  const date = value instanceof Date ? value : new Date(String(value));
  if (Number.isNaN(date.getTime())) return String(value);
  return date.toLocaleString(locale === 'fr' ? 'fr-FR' : 'en-GB', { timeZone: TIME_ZONE, dateStyle: 'short', timeStyle: 'short' });
}

function timestamp(value: unknown, withZone: boolean): string {
  if (value instanceof Date || (withZone && typeof value === 'string')) return dateTime(value, 'fr');
  const match = ISO_TIMESTAMP.exec(String(value));
  return match ? `${match[3]}/${match[2]}/${match[1]} ${match[4]}:${match[5]}` : String(value);
}

/** `1234567.5` → `1 234 567,5` (narrow no-break spaces, as French typography groups thousands). */
function frenchNumber(text: string, grouped: boolean): string {
  const [whole = '', fraction] = text.split('.');
  const digits = grouped ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f') : whole;
  return fraction === undefined ? digits : `${digits},${fraction}`;
}

/**
 * `grouped: false` for the value of an input (the user edits it: no thousands separators, which
 * the coercion would accept anyway).
 */
export function displayValue(field: FieldMeta, value: unknown, locale: Locale, options: { grouped?: boolean } = {}): string {
  if (value === null || value === undefined) return '';
  const tr = translator(locale);
  switch (field.kind) {
    case 'boolean':
      return tr(value === true || value === 't' || value === 'true' ? 'csv.yes' : 'csv.no');
    case 'date':
      return frenchDate(String(value));
    case 'timestamp':
      return timestamp(value, false);
    case 'timestamptz':
      return timestamp(value, true);
    case 'time':
      return String(value).slice(0, 5);
    case 'decimal':
    case 'float':
      return /^-?\d+(\.\d+)?$/.test(String(value)) ? frenchNumber(String(value), options.grouped ?? true) : String(value).replace('.', ',');
    case 'json':
    case 'geometry':
    case 'array':
      return typeof value === 'string' ? value : JSON.stringify(value);
    default:
      return String(value);
  }
}

/** Numbers are right-aligned in listings. */
export const isNumeric = (field: FieldMeta) => ['integer', 'bigint', 'decimal', 'float'].includes(field.kind);
