import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TYPE_MOUVEMENT_REDECOUPAGE, simulateRedecoupage, type DecoupageRow, type ElecteurAdresse } from '../src/rules/redecoupage.ts';

const RUE = 1;
const AVENUE = 2;
const NC = 3;

const decoupe = (voie: number, bureau: number, impair: [number, number] | null, pair: [number, number] | null): DecoupageRow => ({
  voie,
  bureau,
  premier_impair: impair?.[0] ?? null,
  dernier_impair: impair?.[1] ?? null,
  premier_pair: pair?.[0] ?? null,
  dernier_pair: pair?.[1] ?? null,
});

const electeur = (electeur: number, voie: number, numero: number, bureau: number | null, bureau_force = false): ElecteurAdresse => ({
  electeur,
  voie,
  numero,
  bureau,
  bureau_force,
});

// Today the whole rue and avenue vote in bureau 10; the new découpage gives the rue's numbers
// above 20 and the avenue's even side to a new bureau 20.
const NOUVEAU: DecoupageRow[] = [
  decoupe(RUE, 10, [1, 19], [0, 20]),
  decoupe(RUE, 20, [21, 999], [22, 998]),
  decoupe(AVENUE, 10, [1, 999], null),
  decoupe(AVENUE, 20, null, [0, 998]),
];

const ELECTEURS: ElecteurAdresse[] = [
  electeur(1, RUE, 3, 10),
  electeur(2, RUE, 25, 10),
  electeur(3, RUE, 40, 10, true), // forced into 10: stays
  electeur(4, AVENUE, 7, 10),
  electeur(5, AVENUE, 8, 10),
  electeur(6, AVENUE, 0, 10),
  electeur(7, NC, 0, 10), // no découpage for the voie: keeps 10
  electeur(8, RUE, 30, 20), // already in 20
];

test('per bureau: before, forced, after, in and out', () => {
  const simulation = simulateRedecoupage(ELECTEURS, NOUVEAU);
  assert.deepEqual(simulation.bureaux, [
    { bureau: 10, avant: 7, force: 1, apres: 4, entrants: 0, sortants: 3 },
    { bureau: 20, avant: 1, force: 0, apres: 4, entrants: 3, sortants: 0 },
  ]);
  for (const line of simulation.bureaux) assert.equal(line.apres, line.avant - line.sortants + line.entrants);
});

test('the modifications to create, as « BR » movements, in the order of the electors', () => {
  const simulation = simulateRedecoupage(ELECTEURS, NOUVEAU);
  assert.equal(TYPE_MOUVEMENT_REDECOUPAGE, 'BR');
  assert.deepEqual(simulation.modifications, [
    { electeur: 2, ancien_bureau: 10, nouveau_bureau: 20, type_mouvement: 'BR' },
    { electeur: 5, ancien_bureau: 10, nouveau_bureau: 20, type_mouvement: 'BR' },
    { electeur: 6, ancien_bureau: 10, nouveau_bureau: 20, type_mouvement: 'BR' },
  ]);
});

test('an elector in a forced bureau stays, even when the découpage would move them', () => {
  const simulation = simulateRedecoupage([electeur(1, RUE, 40, 10, true)], NOUVEAU);
  assert.deepEqual(simulation.modifications, []);
  assert.deepEqual(simulation.bureaux.find((line) => line.bureau === 10), { bureau: 10, avant: 1, force: 1, apres: 1, entrants: 0, sortants: 0 });
});

test('the global share of electors in a forced bureau', () => {
  assert.equal(simulateRedecoupage(ELECTEURS, NOUVEAU).pourcentageForce, 12.5);
  assert.equal(simulateRedecoupage([electeur(1, RUE, 40, 10, true), electeur(2, RUE, 1, 10, true), electeur(3, RUE, 3, 10)], NOUVEAU).pourcentageForce, (2 * 100) / 3);
  assert.equal(simulateRedecoupage([], NOUVEAU).pourcentageForce, 0);
  assert.deepEqual(simulateRedecoupage(ELECTEURS, NOUVEAU).totaux, { electeurs: 8, force: 1, sansBureauAvant: 0, sansBureauApres: 0 });
});

test('an address the new découpage does not hold: the elector keeps the bureau and is listed', () => {
  const simulation = simulateRedecoupage([electeur(1, RUE, 1001, 10), electeur(7, NC, 0, 10)], NOUVEAU);
  assert.deepEqual(simulation.horsDecoupage.map((row) => row.electeur), [1, 7]);
  assert.deepEqual(simulation.modifications, []);
  assert.deepEqual(simulation.bureaux.find((line) => line.bureau === 10), { bureau: 10, avant: 2, force: 0, apres: 2, entrants: 0, sortants: 0 });
});

test('an elector without a bureau gets one: counted in, and as a modification from no bureau', () => {
  const simulation = simulateRedecoupage([electeur(1, RUE, 25, null), electeur(2, NC, 0, null)], NOUVEAU);
  assert.deepEqual(simulation.modifications, [{ electeur: 1, ancien_bureau: null, nouveau_bureau: 20, type_mouvement: 'BR' }]);
  assert.deepEqual(simulation.totaux, { electeurs: 2, force: 0, sansBureauAvant: 2, sansBureauApres: 1 });
  assert.deepEqual(simulation.bureaux.find((line) => line.bureau === 20), { bureau: 20, avant: 0, force: 0, apres: 1, entrants: 1, sortants: 0 });
});

test('every bureau gets its line: those asked for in their order, then the others by id', () => {
  const simulation = simulateRedecoupage([electeur(1, RUE, 3, 30)], NOUVEAU, { bureaux: [20, 40, 10] });
  assert.deepEqual(
    simulation.bureaux.map((line) => [line.bureau, line.avant, line.apres]),
    [
      [20, 0, 0],
      [40, 0, 0],
      [10, 0, 1],
      [30, 1, 0],
    ],
  );
});

test('an unchanged découpage changes nothing', () => {
  const actuel = [decoupe(RUE, 10, [1, 999], [0, 998]), decoupe(AVENUE, 10, [1, 999], [0, 998])];
  const simulation = simulateRedecoupage(ELECTEURS.filter((row) => row.voie !== NC && row.bureau === 10), actuel);
  assert.deepEqual(simulation.modifications, []);
  assert.deepEqual(simulation.bureaux, [{ bureau: 10, avant: 6, force: 1, apres: 6, entrants: 0, sortants: 0 }]);
});
