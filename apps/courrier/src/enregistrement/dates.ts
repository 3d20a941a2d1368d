/** Today as the town hall counts it (YYYY-MM-DD): the framework's day, in its time zone. */
export { todayInParis as aujourdhui } from '../../../../framework/src/jobs/daily.ts';

/** A stored date (Date or text) as YYYY-MM-DD, or null. */
export function jour(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).slice(0, 10);
}

export { dateFr } from '../core/dates.ts';
