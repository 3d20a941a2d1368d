import { TIME_ZONE } from '../../config/time-zone.ts';
import type { Locale } from '../../i18n/index.ts';

/** A moment as the screens show it: « 05/03/2024 14:30 », Paris time. */
export function dateTime(value: string | Date, locale: Locale): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  return date.toLocaleString(locale === 'fr' ? 'fr-FR' : 'en-GB', { timeZone: TIME_ZONE, dateStyle: 'short', timeStyle: 'short' });
}
