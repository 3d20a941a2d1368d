/**
 * Date arithmetic of concessions on `AAAA-MM-JJ` strings (UTC calendar days, no time zone games):
 * a term is the act's date plus its years (29 February falls back to 28), prorata over days.
 */
const jour = 86_400_000;

const enUtc = (date: string): number => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
const versTexte = (temps: number): string => new Date(temps).toISOString().slice(0, 10);

export function ajouterAnnees(date: string, annees: number): string {
  const annee = Number(date.slice(0, 4)) + annees;
  const mois = Number(date.slice(5, 7)) - 1;
  const dernierJour = new Date(Date.UTC(annee, mois + 1, 0)).getUTCDate();
  return versTexte(Date.UTC(annee, mois, Math.min(Number(date.slice(8, 10)), dernierJour)));
}

export function ajouterMois(date: string, mois: number): string {
  const total = Number(date.slice(5, 7)) - 1 + mois;
  const annee = Number(date.slice(0, 4)) + Math.floor(total / 12);
  const m = ((total % 12) + 12) % 12;
  const dernierJour = new Date(Date.UTC(annee, m + 1, 0)).getUTCDate();
  return versTexte(Date.UTC(annee, m, Math.min(Number(date.slice(8, 10)), dernierJour)));
}

export const ajouterJours = (date: string, jours: number): string => versTexte(enUtc(date) + jours * jour);

/** Whole days from `debut` to `fin` (negative when `fin` is before). */
export const joursEntre = (debut: string, fin: string): number => Math.round((enUtc(fin) - enUtc(debut)) / jour);

export { dateFr } from '../core/format.ts';

/** A date column's value as `AAAA-MM-JJ` (the database answers strings; a Date only from hand-made rows). */
export function texteDate(valeur: unknown): string | null {
  if (valeur === null || valeur === undefined || valeur === '') return null;
  if (valeur instanceof Date) return valeur.toISOString().slice(0, 10);
  return String(valeur).slice(0, 10);
}
