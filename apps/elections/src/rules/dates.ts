/**
 * Calendar dates as the Code électoral counts them: whole days of the Europe/Paris calendar, with
 * no time and no time zone. A date is read from `AAAA-MM-JJ` (what the database returns for a
 * `date` column) or from a plain `{ year, month, day }`, and counted as a day number; JavaScript's
 * `Date` is only used in UTC, where no daylight-saving change can move a day.
 */

/** A calendar date without time: month 1–12, day 1–31. */
export interface PlainDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** `AAAA-MM-JJ`, or a plain date. */
export type DateInput = string | PlainDate;

/** A date that does not exist or is not written `AAAA-MM-JJ`; its message is for the user. */
export class DateInvalide extends Error {
  override readonly name = 'DateInvalide';
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;
const MOIS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'] as const;

export const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function checked(date: PlainDate, written: string): PlainDate {
  const { year, month, day } = date;
  const whole = [year, month, day].every(Number.isInteger);
  if (!whole || year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new DateInvalide(`La date « ${written} » n’existe pas : indiquez une date réelle au format AAAA-MM-JJ (exemple : 2026-03-15).`);
  }
  return { year, month, day };
}

/** The plain date of an input; `DateInvalide` when it is malformed or does not exist (2026-02-29). */
export function parseDate(input: DateInput): PlainDate {
  if (typeof input !== 'string') return checked(input, `${input.year}-${input.month}-${input.day}`);
  const match = ISO.exec(input);
  if (!match) throw new DateInvalide(`« ${input} » n’est pas une date au format AAAA-MM-JJ (exemple : 2026-03-15).`);
  return checked({ year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) }, input);
}

/** Days since 1970-01-01 (negative before). */
export const dayNumber = (input: DateInput): number => {
  const { year, month, day } = parseDate(input);
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
};

export function fromDayNumber(days: number): PlainDate {
  const date = new Date(days * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

const pad = (value: number, width: number) => String(value).padStart(width, '0');

/** `AAAA-MM-JJ`. */
export const isoDate = (input: DateInput): string => {
  const { year, month, day } = parseDate(input);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
};

/** The date `days` days after (negative: before) `input`, as `AAAA-MM-JJ`. */
export const addDays = (input: DateInput, days: number): string => isoDate(fromDayNumber(dayNumber(input) + days));

/** 0 Sunday, 1 Monday … 5 Friday, 6 Saturday. */
export const weekday = (input: DateInput): number => (((dayNumber(input) + 4) % 7) + 7) % 7;

/** Negative, zero or positive as `a` is before, the same day as, or after `b`. */
export const compareDates = (a: DateInput, b: DateInput): number => dayNumber(a) - dayNumber(b);

/** « 15 mars 2026 », « 1er mai 2026 ». */
export function dateEnLettres(input: DateInput): string {
  const { year, month, day } = parseDate(input);
  return `${day === 1 ? '1er' : day} ${MOIS[month - 1]} ${year}`;
}

/** « 15/03/2026 ». */
export function dateCourte(input: DateInput): string {
  const { year, month, day } = parseDate(input);
  return `${pad(day, 2)}/${pad(month, 2)}/${pad(year, 4)}`;
}

/** Today in Paris (`AAAA-MM-JJ`): the framework's clock of the instance. */
export { todayInParis } from '../../../../framework/src/config/time-zone.ts';
