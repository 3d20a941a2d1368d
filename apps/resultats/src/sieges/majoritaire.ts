/**
 * Municipales in communes of fewer than 1 000 inhabitants (Code électoral art. L253), votes per
 * candidate: in round 1 a candidate is elected with the absolute majority of the exprimés and a
 * quarter of the inscrits, the most votes first, up to the seats; the seats left go to a second
 * round, decided by relative majority. Equal votes for the last seat: the oldest is elected.
 */
import { jourDeNaissance } from './age.ts';
import { RepartitionImpossible } from './erreurs.ts';
import { message } from './messages.ts';
import type { CandidatEnLice, RepartitionMajoritaire, ScrutinMajoritaire } from './types.ts';

export function repartitionMajoritaire(scrutin: ScrutinMajoritaire): RepartitionMajoritaire {
  for (const candidat of scrutin.candidats) {
    if (candidat.voix > scrutin.exprimes) {
      throw new RepartitionImpossible(message('voixCandidatSuperieuresAuxExprimes', { liste: candidat.nom, voix: candidat.voix, exprimes: scrutin.exprimes }));
    }
  }
  const eligibles = scrutin.candidats
    .map((_, index) => index)
    .filter((index) => {
      const { voix } = scrutin.candidats[index] as CandidatEnLice;
      return scrutin.tour === 1 ? voix * 2 > scrutin.exprimes && voix * 4 >= scrutin.inscrits : voix > 0;
    });
  const elus = new Set(lesPremiers(scrutin.candidats, eligibles, scrutin.sieges));
  const restants = scrutin.sieges - elus.size;
  return {
    second_tour: scrutin.tour === 1 && restants > 0,
    sieges_restants: restants,
    candidats: scrutin.candidats.map((candidat, index) => ({ nom: candidat.nom, elu: elus.has(index) })),
  };
}

/** The `places` candidates with the most votes; equal votes across the last place: the oldest. */
function lesPremiers(candidats: readonly CandidatEnLice[], eligibles: readonly number[], places: number): number[] {
  const parVoix = [...eligibles].sort((a, b) => (candidats[b]?.voix ?? 0) - (candidats[a]?.voix ?? 0));
  if (parVoix.length <= places) return parVoix;
  const voixDuDernier = candidats[parVoix[places - 1] ?? 0]?.voix;
  const surs = parVoix.filter((index) => (candidats[index]?.voix ?? 0) > (voixDuDernier ?? 0));
  const egaux = parVoix.filter((index) => candidats[index]?.voix === voixDuDernier);
  const placesRestantes = places - surs.length;
  if (egaux.length <= placesRestantes) return [...surs, ...egaux];
  const noms = egaux.map((index) => `« ${candidats[index]?.nom ?? ''} »`).join(', ');
  const jours = new Map(egaux.map((index) => [index, dateDe(candidats[index])]));
  if ([...jours.values()].some((jour) => jour === undefined)) throw new RepartitionImpossible(message('egaliteCandidatsSansDates', { candidats: noms }));
  const parAge = [...egaux].sort((a, b) => (jours.get(a) ?? 0) - (jours.get(b) ?? 0));
  const dernierElu = jours.get(parAge[placesRestantes - 1] ?? 0);
  const premierBattu = jours.get(parAge[placesRestantes] ?? 0);
  if (placesRestantes > 0 && dernierElu === premierBattu) throw new RepartitionImpossible(message('egaliteCandidatsParfaite', { candidats: noms }));
  return [...surs, ...parAge.slice(0, placesRestantes)];
}

const dateDe = (candidat: CandidatEnLice | undefined) =>
  candidat?.date_naissance === null || candidat === undefined ? undefined : jourDeNaissance(candidat.date_naissance);
