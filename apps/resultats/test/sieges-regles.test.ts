/**
 * The seat allocation rules, pure (no database): municipales ≥ 1 000 (art. L262) with its bonus,
 * its 5 % threshold, its ties and lists short of candidates; the conseillers communautaires
 * (art. L273-8, same rules); municipales < 1 000 (art. L253).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { lireDemande } from '../src/sieges/demande.ts';
import { elusCommunautaires, primeMajoritaire, repartitionMajoritaire, repartitionScrutinDeListe, RepartitionImpossible, type CandidatDeListe, type ListeEnLice } from '../src/sieges/index.ts';

/** `n` candidates born on `naissance` (or on the dates given, first ranks first). */
const candidats = (n: number, naissance: string | readonly string[] = '1970-01-01'): CandidatDeListe[] =>
  Array.from({ length: n }, (_, index) => ({ rang: index + 1, date_naissance: typeof naissance === 'string' ? naissance : (naissance[index] ?? '1970-01-01') }));
const liste = (nom: string, voix: number, candidatsDeLaListe: CandidatDeListe[] = candidats(29)): ListeEnLice => ({ liste: nom, voix, candidats: candidatsDeLaListe });
const sieges = (resultat: { listes: readonly { liste: string; sieges: number }[] }) => Object.fromEntries(resultat.listes.map((entree) => [entree.liste, entree.sieges]));

describe('municipales ≥ 1 000 habitants (art. L262)', () => {
  test('round 1, the issue’s example: A (5 200 of 10 000) gets the bonus of 15 and 8 more, 23 seats; D (3 %) none', () => {
    const resultat = repartitionScrutinDeListe({
      sieges: 29,
      tour: 1,
      exprimes: 10_000,
      listes: [liste('A', 5200), liste('B', 3000), liste('C', 1500), liste('D', 300)],
    });
    assert.equal(resultat.second_tour, false);
    assert.deepEqual(resultat.listes, [
      { liste: 'A', sieges: 23, prime: 15 },
      { liste: 'B', sieges: 4, prime: 0 },
      { liste: 'C', sieges: 2, prime: 0 },
      { liste: 'D', sieges: 0, prime: 0 },
    ]);
    assert.equal(resultat.sieges_non_pourvus, 0);
  });

  test('round 1 without an absolute majority (half exactly is not more than half): second round, no seats', () => {
    const resultat = repartitionScrutinDeListe({ sieges: 29, tour: 1, exprimes: 10_000, listes: [liste('A', 5000), liste('B', 3000), liste('C', 2000)] });
    assert.equal(resultat.second_tour, true);
    assert.deepEqual(sieges(resultat), { A: 0, B: 0, C: 0 });
  });

  test('round 2: the list with the most votes gets the bonus without a majority', () => {
    const resultat = repartitionScrutinDeListe({ sieges: 29, tour: 2, exprimes: 10_000, listes: [liste('A', 3500), liste('B', 4000), liste('C', 2500)] });
    assert.equal(resultat.second_tour, false);
    // 14 seats at the highest average: B 4000, A 3500, C 2500, B 2000, A 1750, B 1333, C 1250, A 1166, B 1000, A 875, C 833, B 800, A 700, B 666.
    assert.deepEqual(resultat.listes, [
      { liste: 'A', sieges: 5, prime: 0 },
      { liste: 'B', sieges: 21, prime: 15 },
      { liste: 'C', sieges: 3, prime: 0 },
    ]);
  });

  test('round 2, a tie for first: the bonus goes to the list whose candidates are the oldest on average', () => {
    const jeunes = candidats(29, '1990-06-01');
    const aines = candidats(29, '1950-01-01');
    const resultat = repartitionScrutinDeListe({ sieges: 29, tour: 2, exprimes: 10_000, listes: [liste('A', 4000, jeunes), liste('B', 4000, aines), liste('C', 2000)] });
    assert.equal(resultat.listes[1]?.prime, 15);
    assert.equal(resultat.listes[0]?.prime, 0);
    assert.deepEqual(sieges(resultat), { A: 6, B: 21, C: 2 });
    assert.throws(
      () => repartitionScrutinDeListe({ sieges: 29, tour: 2, exprimes: 10_000, listes: [liste('A', 4000, jeunes), liste('B', 4000, jeunes)] }),
      (error: unknown) => error instanceof RepartitionImpossible && /Les listes « A », « B » sont à égalité parfaite \(même nombre de voix en tête\)/.test(error.message),
    );
    assert.throws(
      () => repartitionScrutinDeListe({ sieges: 29, tour: 2, exprimes: 10_000, listes: [liste('A', 4000, [{ rang: 1, date_naissance: null }]), liste('B', 4000)] }),
      /indiquez la date de naissance de leurs candidats/,
    );
  });

  test('a list under 5 % of the exprimés takes no seat (it would have one otherwise), one at 5 % exactly does', () => {
    // 59 seats: bonus 30 to A, 29 at the highest average; D (4,99 %) would take the 29th.
    const resultat = repartitionScrutinDeListe({ sieges: 59, tour: 1, exprimes: 10_000, listes: [liste('A', 5100, candidats(59)), liste('B', 4401, candidats(59)), liste('D', 499, candidats(59))] });
    assert.deepEqual(sieges(resultat), { A: 46, B: 13, D: 0 });
    const cinqPourCent = repartitionScrutinDeListe({ sieges: 59, tour: 1, exprimes: 10_000, listes: [liste('A', 5100, candidats(59)), liste('B', 4400, candidats(59)), liste('E', 500, candidats(59))] });
    assert.deepEqual(sieges(cinqPourCent), { A: 45, B: 13, E: 1 });
  });

  test('a tie of averages goes to the list with more votes (3 seats: bonus of 1, then A 300 against B 300)', () => {
    const resultat = repartitionScrutinDeListe({ sieges: 3, tour: 1, exprimes: 1000, listes: [liste('B', 300), liste('A', 600), liste('C', 100)] });
    assert.deepEqual(resultat.listes, [
      { liste: 'B', sieges: 0, prime: 0 },
      { liste: 'A', sieges: 3, prime: 1 },
      { liste: 'C', sieges: 0, prime: 0 },
    ]);
  });

  test('a tie of averages and votes goes to the list whose next candidate to be elected is the oldest', () => {
    const aine = ['1948-03-10', '1990-01-01'];
    const cadet = ['1948-03-11', '1940-01-01'];
    const listes = (b: string[], c: string[]) => [liste('A', 520), liste('B', 240, candidats(6, b)), liste('C', 240, candidats(6, c))];
    // 6 seats: bonus 3 to A, then A 520, A 260, and B 240 against C 240 for the last one.
    assert.deepEqual(sieges(repartitionScrutinDeListe({ sieges: 6, tour: 1, exprimes: 1000, listes: listes(cadet, aine) })), { A: 5, B: 0, C: 1 });
    assert.deepEqual(sieges(repartitionScrutinDeListe({ sieges: 6, tour: 1, exprimes: 1000, listes: listes(aine, cadet) })), { A: 5, B: 1, C: 0 });
    assert.throws(
      () => repartitionScrutinDeListe({ sieges: 6, tour: 1, exprimes: 1000, listes: listes(aine, aine) }),
      /Les listes « B », « C » sont à égalité parfaite \(même moyenne et même nombre de voix pour un siège\)/,
    );
  });

  test('the bonus: half rounded up above four seats, down below four, two of four', () => {
    assert.deepEqual([1, 2, 3, 4, 5, 6, 7, 29, 33].map(primeMajoritaire), [0, 1, 1, 2, 3, 3, 4, 15, 17]);
    const quatre = repartitionScrutinDeListe({ sieges: 4, tour: 1, exprimes: 1000, listes: [liste('A', 600), liste('B', 400)] });
    assert.deepEqual(quatre.listes, [
      { liste: 'A', sieges: 3, prime: 2 },
      { liste: 'B', sieges: 1, prime: 0 },
    ]);
    const trois = repartitionScrutinDeListe({ sieges: 3, tour: 1, exprimes: 1000, listes: [liste('A', 550), liste('B', 450)] });
    assert.deepEqual(trois.listes, [
      { liste: 'A', sieges: 2, prime: 1 },
      { liste: 'B', sieges: 1, prime: 0 },
    ]);
  });

  test('a list short of candidates takes no more seats than it has: the others share the surplus', () => {
    const resultat = repartitionScrutinDeListe({
      sieges: 29,
      tour: 1,
      exprimes: 10_000,
      listes: [liste('A', 5200, candidats(18)), liste('B', 3000), liste('C', 1500), liste('D', 300)],
    });
    assert.deepEqual(sieges(resultat), { A: 18, B: 8, C: 3, D: 0 });
    const vacants = repartitionScrutinDeListe({ sieges: 7, tour: 1, exprimes: 1000, listes: [liste('A', 700, candidats(3)), liste('B', 300, candidats(2))] });
    assert.deepEqual(sieges(vacants), { A: 3, B: 2 });
    assert.equal(vacants.sieges_non_pourvus, 2);
  });

  test('votes over the exprimés are refused', () => {
    assert.throws(
      () => repartitionScrutinDeListe({ sieges: 29, tour: 1, exprimes: 1000, listes: [liste('A', 600), liste('B', 500)] }),
      /La somme des voix des listes \(1100\) dépasse le nombre de suffrages exprimés \(1000\)/,
    );
  });
});

describe('conseillers communautaires (art. L273-8)', () => {
  test('the same rules over the communautaire seats and candidates: bonus, highest average, short lists', () => {
    const resultat = repartitionScrutinDeListe({
      sieges: 9,
      tour: 1,
      exprimes: 10_000,
      listes: [liste('A', 5200, candidats(11)), liste('B', 3000, candidats(3)), liste('C', 1500, candidats(1)), liste('D', 300, candidats(2))],
    });
    // Bonus 5 to A; 4 seats: A 5200, B 3000, A 2600, A 1733 (C 1500 comes next).
    assert.deepEqual(sieges(resultat), { A: 8, B: 1, C: 0, D: 0 });
    const court = repartitionScrutinDeListe({
      sieges: 9,
      tour: 1,
      exprimes: 10_000,
      listes: [liste('A', 5200, candidats(6)), liste('B', 3000, candidats(3)), liste('C', 1500, candidats(1)), liste('D', 300, candidats(2))],
    });
    assert.deepEqual(sieges(court), { A: 6, B: 2, C: 1, D: 0 });
  });
});

describe('conseillers communautaires: who takes the seats (art. L273-8, second paragraph)', () => {
  /** The municipal list: ranks 1…8, men on odd ranks; `communautaire` gives the communautaire list as municipal ranks, in its order. */
  const deuxListes = (communautaire: readonly number[], sexeInconnu: readonly number[] = []) =>
    Array.from({ length: 8 }, (_, index) => {
      const rang = index + 1;
      const position = communautaire.indexOf(rang);
      return { rang, rang_communautaire: position >= 0 ? position + 1 : null, sexe: sexeInconnu.includes(rang) ? null : rang % 2 === 1 ? 'M' : 'F' };
    });
  const rangs = (elus: readonly { rang: number }[]) => elus.map((elu) => elu.rang);

  test('every designated candidate elected to the council: the communautaire list’s order', () => {
    assert.deepEqual(rangs(elusCommunautaires(deuxListes([1, 2, 5, 6, 3]), 6, 4)), [1, 2, 5, 6]);
  });

  test('one not elected to the council is replaced by the first elected conseiller municipal of the same sex not already communautaire', () => {
    // 4 municipal seats (ranks 1–4); the communautaire list 1, 2, 5, 6, 3: ranks 5 (M) and 6 (F) are not conseillers municipaux.
    // 5 → the first man elected who is not communautaire: 1 is, so 3; 6 → the first woman: 2 is, so 4.
    assert.deepEqual(rangs(elusCommunautaires(deuxListes([1, 2, 5, 6, 3]), 4, 4)), [1, 2, 3, 4]);
  });

  test('a replacement skips those elected communautaires in their own right, even further down the communautaire list; nobody left: the seat is not named', () => {
    // 4 municipal seats, 5 communautaire seats over 1, 2, 5, 4, 3: 3 is communautaire in its own right (5th), so 5 (M) finds no man left.
    assert.deepEqual(rangs(elusCommunautaires(deuxListes([1, 2, 5, 4, 3]), 4, 5)), [1, 2, 4, 3]);
    // 3 municipal seats, 4 communautaire seats over 1, 2, 5, 6: 5 (M) → 3; 6 (F) finds no woman elected who is not communautaire.
    assert.deepEqual(rangs(elusCommunautaires(deuxListes([1, 2, 5, 6]), 3, 4)), [1, 2, 3]);
  });

  test('the sex not entered: such a candidate can neither be matched nor replaced (the seat is left to name)', () => {
    assert.deepEqual(rangs(elusCommunautaires(deuxListes([1, 2, 5, 6], [5]), 4, 4)), [1, 2, 4]);
    assert.deepEqual(rangs(elusCommunautaires(deuxListes([1, 2, 5, 6], [3]), 4, 4)), [1, 2, 4], 'the only man left has no sex entered');
  });

  test('no seat, or no candidate on the communautaire list: nobody', () => {
    assert.deepEqual(elusCommunautaires(deuxListes([1, 2]), 4, 0), []);
    assert.deepEqual(elusCommunautaires(deuxListes([]), 4, 2), []);
  });
});

describe('municipales < 1 000 habitants (art. L253)', () => {
  test('round 1: absolute majority of the exprimés AND a quarter of the inscrits; the seats left go to a second round', () => {
    const resultat = repartitionMajoritaire({
      sieges: 3,
      tour: 1,
      exprimes: 150,
      inscrits: 400,
      candidats: [
        { nom: 'Alice Martin', voix: 120, date_naissance: '1960-01-01' },
        { nom: 'Bruno Petit', voix: 95, date_naissance: '1961-01-01' },
        { nom: 'Chloé Durand', voix: 70, date_naissance: '1962-01-01' },
      ],
    });
    // Bruno Petit: 95 > 75 (majority) but 95 < 100 (a quarter of 400).
    assert.deepEqual(resultat, {
      second_tour: true,
      sieges_restants: 2,
      candidats: [
        { nom: 'Alice Martin', elu: true },
        { nom: 'Bruno Petit', elu: false },
        { nom: 'Chloé Durand', elu: false },
      ],
    });
  });

  test('round 1: more candidates qualified than seats: the most votes', () => {
    const resultat = repartitionMajoritaire({
      sieges: 1,
      tour: 1,
      exprimes: 100,
      inscrits: 120,
      candidats: [
        { nom: 'A', voix: 60, date_naissance: null },
        { nom: 'B', voix: 70, date_naissance: null },
      ],
    });
    assert.deepEqual(resultat.candidats.map((candidat) => candidat.elu), [false, true]);
    assert.equal(resultat.second_tour, false);
  });

  test('round 2: relative majority; equal votes for the last seat: the oldest is elected', () => {
    const resultat = repartitionMajoritaire({
      sieges: 2,
      tour: 2,
      exprimes: 200,
      inscrits: 400,
      candidats: [
        { nom: 'Paul', voix: 100, date_naissance: '1980-01-01' },
        { nom: 'Quentin', voix: 80, date_naissance: '1975-05-05' },
        { nom: 'Rose', voix: 80, date_naissance: '1975-05-04' },
      ],
    });
    assert.deepEqual(resultat, { second_tour: false, sieges_restants: 0, candidats: [{ nom: 'Paul', elu: true }, { nom: 'Quentin', elu: false }, { nom: 'Rose', elu: true }] });
    assert.throws(
      () => repartitionMajoritaire({ sieges: 1, tour: 2, exprimes: 200, inscrits: 400, candidats: [{ nom: 'Quentin', voix: 80, date_naissance: null }, { nom: 'Rose', voix: 80, date_naissance: '1975-05-04' }] }),
      /Les candidats « Quentin », « Rose » sont à égalité de voix : indiquez leur date de naissance/,
    );
  });
});

describe('the API’s body', () => {
  test('read into the rules’ input, type municipales by default', () => {
    const demande = lireDemande({ sieges: 29, tour: 1, exprimes: 10000, listes: [{ liste: 'A', voix: 5200, candidats: [{ rang: 1, date_naissance: '1961-05-02' }] }] });
    assert.deepEqual(demande, { type: 'municipales', scrutin: { sieges: 29, tour: 1, exprimes: 10000, listes: [{ liste: 'A', voix: 5200, candidats: [{ rang: 1, date_naissance: '1961-05-02' }] }] } });
  });
});
