/**
 * Municipales in communes of 1 000 inhabitants and more (Code électoral art. L262), and the
 * conseillers communautaires elected with them (art. L273-8, the same rules over their own list of
 * candidates): the majority bonus, then the highest average among the lists with at least 5 % of
 * the exprimés.
 */
import { naissanceMoyenne } from './age.ts';
import { RepartitionImpossible } from './erreurs.ts';
import { message } from './messages.ts';
import { plusForteMoyenne } from './plus-forte-moyenne.ts';
import { primeMajoritaire } from './prime.ts';
import type { ListeEnLice, RepartitionDeListes, ScrutinDeListe } from './types.ts';

const naissancesDansLOrdre = (liste: ListeEnLice) => [...liste.candidats].sort((a, b) => a.rang - b.rang).map((candidat) => candidat.date_naissance);

export function repartitionScrutinDeListe(scrutin: ScrutinDeListe): RepartitionDeListes {
  const totalVoix = scrutin.listes.reduce((total, liste) => total + liste.voix, 0);
  if (totalVoix > scrutin.exprimes) throw new RepartitionImpossible(message('voixSuperieuresAuxExprimes', { voix: totalVoix, exprimes: scrutin.exprimes }));
  const beneficiaire = scrutin.tour === 1 ? majoriteAbsolue(scrutin) : enTete(scrutin.listes);
  if (beneficiaire === undefined) {
    return { second_tour: true, listes: scrutin.listes.map((liste) => ({ liste: liste.liste, sieges: 0, prime: 0 })), sieges_non_pourvus: 0 };
  }
  const primes = scrutin.listes.map((liste, index) =>
    index === beneficiaire ? Math.min(primeMajoritaire(scrutin.sieges), liste.candidats.length) : 0,
  );
  const admises = scrutin.listes.map((_, index) => index).filter((index) => (scrutin.listes[index]?.voix ?? 0) * 20 >= scrutin.exprimes);
  const aRepartir = scrutin.sieges - primes.reduce((total, prime) => total + prime, 0);
  const proportionnels = plusForteMoyenne(
    admises.map((index) => {
      const liste = scrutin.listes[index] as ListeEnLice;
      return { liste: liste.liste, voix: liste.voix, dejaAttribues: primes[index] ?? 0, naissances: naissancesDansLOrdre(liste) };
    }),
    aRepartir,
  );
  const listes = scrutin.listes.map((liste, index) => {
    const position = admises.indexOf(index);
    const prime = primes[index] ?? 0;
    return { liste: liste.liste, prime, sieges: prime + (position >= 0 ? (proportionnels[position] ?? 0) : 0) };
  });
  const attribues = listes.reduce((total, liste) => total + liste.sieges, 0);
  return { second_tour: false, listes, sieges_non_pourvus: scrutin.sieges - attribues };
}

function majoriteAbsolue(scrutin: ScrutinDeListe): number | undefined {
  const index = scrutin.listes.findIndex((liste) => liste.voix * 2 > scrutin.exprimes);
  return index >= 0 ? index : undefined;
}

/** Round 2: the list with the most votes; a tie goes to the list whose candidates are the oldest on average. */
function enTete(listes: readonly ListeEnLice[]): number | undefined {
  if (listes.length === 0) return undefined;
  const voixMax = Math.max(...listes.map((liste) => liste.voix));
  const premieres = listes.map((_, index) => index).filter((index) => listes[index]?.voix === voixMax);
  if (premieres.length === 1) return premieres[0];
  const noms = premieres.map((index) => `« ${listes[index]?.liste ?? ''} »`).join(', ');
  const motif = message('motifPremiereplace');
  const moyennes = premieres.map((index) => naissanceMoyenne((listes[index] as ListeEnLice).candidats.map((candidat) => candidat.date_naissance)));
  if (moyennes.some((moyenne) => moyenne === undefined)) throw new RepartitionImpossible(message('egaliteSansDates', { listes: noms, motif }));
  const plusAgee = Math.min(...(moyennes as number[]));
  const agees = premieres.filter((_, position) => moyennes[position] === plusAgee);
  if (agees.length > 1) throw new RepartitionImpossible(message('egaliteParfaite', { listes: noms, motif }));
  return agees[0];
}
