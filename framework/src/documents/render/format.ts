/**
 * Values as a French document prints them: dates dd/mm/yyyy, numbers 1 234,56, booleans Oui/Non,
 * nothing for null. The same rules for merge fields and sous-état cells.
 */
import { TIME_ZONE } from '../../config/time-zone.ts';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})/;
const NUMERIC_TEXT = /^-?\d+(\.\d+)?$/;
/** A decimal as pg and PGlite return `numeric` columns: printed French with its decimals. */
const DECIMAL_TEXT = /^-?\d+\.(\d+)$/;

const dateFormat = new Intl.DateTimeFormat('fr-FR', { timeZone: TIME_ZONE, day: '2-digit', month: '2-digit', year: 'numeric' });

/** dd/mm/yyyy of an instant, in the instance's time zone. */
export const frenchDate = (instant: Date): string => dateFormat.format(instant);

/** 1 234,56 (narrow no-break space between thousands, as French typography and Intl write it). */
export function frenchNumber(value: number, decimals?: number): string {
  const options: Intl.NumberFormatOptions = decimals === undefined
    ? { maximumFractionDigits: 10 }
    : { minimumFractionDigits: decimals, maximumFractionDigits: decimals };
  return new Intl.NumberFormat('fr-FR', options).format(value);
}

/**
 * A source's value as text. PGlite and pg differ (Date or string for dates, string for numeric):
 * a date column at midnight UTC is a calendar date, printed without a time-zone shift.
 */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'Oui' : 'Non';
  if (typeof value === 'number') return Number.isFinite(value) ? frenchNumber(value) : '';
  if (typeof value === 'bigint') return frenchNumber(Number(value));
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    const midnightUtc = value.getUTCHours() === 0 && value.getUTCMinutes() === 0 && value.getUTCSeconds() === 0;
    if (midnightUtc) return `${pad(value.getUTCDate())}/${pad(value.getUTCMonth() + 1)}/${value.getUTCFullYear()}`;
    return frenchDate(value);
  }
  if (typeof value === 'string') {
    const date = ISO_DATE.exec(value);
    if (date) return `${date[3]}/${date[2]}/${date[1]}`;
    const timestamp = ISO_TIMESTAMP.exec(value);
    if (timestamp) return `${timestamp[3]}/${timestamp[2]}/${timestamp[1]} ${timestamp[4]}:${timestamp[5]}`;
    // Digits without a decimal point may be a code (a phone number, a postcode): left as they are.
    const decimal = DECIMAL_TEXT.exec(value);
    if (decimal) return frenchNumber(Number(value), Math.min(decimal[1]?.length ?? 0, 10));
    return value;
  }
  if (Array.isArray(value)) return value.map(formatValue).join(', ');
  return JSON.stringify(value);
}

/** A value as a number when it is one (numeric columns come back as strings from pg). */
export function numericValue(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string' && NUMERIC_TEXT.test(value.trim())) return Number(value.trim());
  return undefined;
}

const pad = (value: number) => String(value).padStart(2, '0');
