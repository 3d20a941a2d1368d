/** Figures as the town hall reads them: « 1 204 », « 48,2 % ». */
const ENTIER = new Intl.NumberFormat('fr-FR');
const POURCENT = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export const entier = (value: number): string => ENTIER.format(value);

/** `part / tout` as « 48,20 % »; « — » when there is nothing to divide by. */
export const pourcentage = (part: number, tout: number): string => (tout > 0 ? `${POURCENT.format((100 * part) / tout)} %` : '—');

/** `HH:MM` of a PostgreSQL time (`12:00:00`). */
export const heure = (time: string): string => time.slice(0, 5);

/** A key taken from a URL: a positive integer PostgreSQL can hold, or `undefined`. */
export function cleEntiere(text: string | undefined): number | undefined {
  if (text === undefined || !/^\d{1,9}$/.test(text)) return undefined;
  const value = Number(text);
  return value > 0 ? value : undefined;
}
