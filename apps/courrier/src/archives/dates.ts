/** Dates as the pages of the archives and registers read and show them. */
import { parseFrenchDate } from '../../../../framework/src/records/coerce.ts';

/** Today in Paris, `AAAA-MM-JJ`. */
export const aujourdhui = (): string => new Intl.DateTimeFormat('fr-CA', { timeZone: 'Europe/Paris' }).format(new Date());

/** `AAAA-MM-JJ` → `JJ/MM/AAAA` (anything else as it is). */
export function dateFr(value: unknown): string {
  if (value instanceof Date) return new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris' }).format(value);
  const text = typeof value === 'string' ? value : '';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : text;
}

/** A date typed `JJ/MM/AAAA`, `JJMMAAAA` or ISO, as `AAAA-MM-JJ`; undefined when it is not one. */
export const dateSaisie = (value: string | null | undefined): string | undefined => (value ? parseFrenchDate(value) : undefined);
