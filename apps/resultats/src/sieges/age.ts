/** Birth dates compared as day numbers: a smaller number is an older person. */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The day number of a valid `AAAA-MM-JJ` date, `undefined` otherwise (2026-02-30 included). */
export function jourDeNaissance(date: string): number | undefined {
  const match = DATE.exec(date);
  if (!match) return undefined;
  const [annee, mois, jour] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = Date.UTC(annee, mois - 1, jour);
  const parsed = new Date(time);
  if (parsed.getUTCFullYear() !== annee || parsed.getUTCMonth() !== mois - 1 || parsed.getUTCDate() !== jour) return undefined;
  return time / 86_400_000;
}

/**
 * The mean birth day of people (the lower, the higher their average age, whatever the reference
 * date); `undefined` when one date is missing or there is nobody.
 */
export function naissanceMoyenne(dates: readonly (string | null)[]): number | undefined {
  if (dates.length === 0) return undefined;
  let total = 0;
  for (const date of dates) {
    const jour = date === null ? undefined : jourDeNaissance(date);
    if (jour === undefined) return undefined;
    total += jour;
  }
  return total / dates.length;
}
