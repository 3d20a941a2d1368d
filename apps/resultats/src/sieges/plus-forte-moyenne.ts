/**
 * The highest average (D'Hondt) of art. L262: each seat goes to the list whose votes divided by
 * its proportional seats plus one is the highest; a tie goes to the list with more votes, then to
 * the list whose next candidate to be elected is the oldest. A list that has no candidate left
 * takes no more seats: the others share them.
 */
import { jourDeNaissance } from './age.ts';
import { RepartitionImpossible } from './erreurs.ts';
import { message } from './messages.ts';

export interface ListeALaMoyenne {
  readonly liste: string;
  readonly voix: number;
  /** Seats it already has (the bonus): not counted in the average, counted for its candidates. */
  readonly dejaAttribues: number;
  /** The birth dates of its candidates, in list order (their number is its maximum of seats). */
  readonly naissances: readonly (string | null)[];
}

/** Proportional seats per list (same order); fewer than `sieges` in all when the lists ran out of candidates. */
export function plusForteMoyenne(listes: readonly ListeALaMoyenne[], sieges: number): number[] {
  const proportionnels = listes.map(() => 0);
  for (let siege = 0; siege < sieges; siege += 1) {
    const enLice = listes.map((_, index) => index).filter((index) => totalDe(listes, proportionnels, index) < (listes[index]?.naissances.length ?? 0));
    if (enLice.length === 0) break;
    const gagnante = meilleure(listes, proportionnels, enLice, sieges - siege);
    proportionnels[gagnante] = (proportionnels[gagnante] ?? 0) + 1;
  }
  return proportionnels;
}

const totalDe = (listes: readonly ListeALaMoyenne[], proportionnels: readonly number[], index: number) =>
  (listes[index]?.dejaAttribues ?? 0) + (proportionnels[index] ?? 0);

function meilleure(listes: readonly ListeALaMoyenne[], proportionnels: readonly number[], enLice: readonly number[], restants: number): number {
  // Averages compared as cross products of integers: exact.
  const compare = (a: number, b: number) =>
    (listes[a]?.voix ?? 0) * ((proportionnels[b] ?? 0) + 1) - (listes[b]?.voix ?? 0) * ((proportionnels[a] ?? 0) + 1);
  let premieres = [enLice[0] ?? 0];
  for (const index of enLice.slice(1)) {
    const ecart = compare(index, premieres[0] ?? 0);
    if (ecart > 0) premieres = [index];
    else if (ecart === 0) premieres.push(index);
  }
  // Lists tied for seats they will all get: the tie decides nothing (the law breaks it for the last seat).
  if (premieres.length <= restants) return premieres[0] ?? 0;
  const voixMax = Math.max(...premieres.map((index) => listes[index]?.voix ?? 0));
  const plusDeVoix = premieres.filter((index) => listes[index]?.voix === voixMax);
  if (plusDeVoix.length === 1) return plusDeVoix[0] ?? 0;
  return candidatSuivantLePlusAge(listes, proportionnels, plusDeVoix);
}

function candidatSuivantLePlusAge(listes: readonly ListeALaMoyenne[], proportionnels: readonly number[], egales: readonly number[]): number {
  const noms = egales.map((index) => `« ${listes[index]?.liste ?? ''} »`).join(', ');
  const motif = message('motifMoyenne');
  const naissances = egales.map((index) => {
    const date = listes[index]?.naissances[totalDe(listes, proportionnels, index)] ?? null;
    return date === null ? undefined : jourDeNaissance(date);
  });
  if (naissances.some((jour) => jour === undefined)) throw new RepartitionImpossible(message('egaliteSansDates', { listes: noms, motif }));
  const plusAncienne = Math.min(...(naissances as number[]));
  const aines = egales.filter((_, position) => naissances[position] === plusAncienne);
  if (aines.length > 1) throw new RepartitionImpossible(message('egaliteParfaite', { listes: noms, motif }));
  return aines[0] ?? 0;
}
