/**
 * Duration, term and value of a concession (CGCT L2223-14 to L2223-16):
 * - the duration follows its type: trentenaire 30 years, cinquantenaire 50, perpétuelle none,
 *   temporaire 1 to 15 years as typed;
 * - the term is the act's date plus the duration (a renewal runs from the previous term, L2223-15);
 * - the value of the time left (conversion L2223-16, rétrocession) is the price paid prorated over
 *   days: montant × jours restants ÷ jours de la durée, rounded to the cent; nothing once the term
 *   has passed, nothing computable for a perpétuelle.
 */
import { ajouterAnnees, joursEntre } from './dates.ts';
import type { DureeType } from './libelles.ts';
import { message } from './messages.ts';

export const DUREE_MAX_TEMPORAIRE = 15;

const DUREES_FIXES: Readonly<Record<Exclude<DureeType, 'temporaire' | 'perpetuelle'>, number>> = { trentenaire: 30, cinquantenaire: 50 };

export const estDureeType = (valeur: unknown): valeur is DureeType =>
  valeur === 'temporaire' || valeur === 'trentenaire' || valeur === 'cinquantenaire' || valeur === 'perpetuelle';

/** The duration in years, or a French message when a temporaire's typed duration is missing or out of 1–15. */
export function dureeDe(dureeType: DureeType, dureeTapee: number | null | undefined): { duree: number | null } | { erreur: string } {
  if (dureeType === 'perpetuelle') return { duree: null };
  if (dureeType === 'temporaire') {
    if (dureeTapee === null || dureeTapee === undefined || !Number.isInteger(dureeTapee) || dureeTapee < 1 || dureeTapee > DUREE_MAX_TEMPORAIRE) {
      return { erreur: message('dureeTemporaire', { max: DUREE_MAX_TEMPORAIRE }) };
    }
    return { duree: dureeTapee };
  }
  return { duree: DUREES_FIXES[dureeType] };
}

export const termeDe = (depart: string, duree: number | null): string | null => (duree === null ? null : ajouterAnnees(depart, duree));

/** Rounded to the cent. */
export const centimes = (montant: number): number => Math.round(montant * 100) / 100;

/**
 * The value of the time left on `date` of a concession bought `montant` for [debut, terme]:
 * montant × (terme − date) ÷ (terme − debut), in days. 0 past the term or without price or term.
 */
export function valeurRestante(montant: number, debut: string, terme: string | null, date: string): number {
  if (terme === null || montant <= 0) return 0;
  const total = joursEntre(debut, terme);
  const restant = Math.min(joursEntre(date, terme), total);
  if (total <= 0 || restant <= 0) return 0;
  return centimes((montant * restant) / total);
}
