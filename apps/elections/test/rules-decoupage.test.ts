import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bureauOf, checkDecoupage, type DecoupageRange } from '../src/rules/decoupage.ts';

const VOIE = 'Rue de la Paix';
const NONE = [null, null] as const;

const range = (
  bureau: number,
  impair: readonly [number | null, number | null] = [null, null],
  pair: readonly [number | null, number | null] = [null, null],
): DecoupageRange => ({
  bureau,
  bureau_code: String(bureau),
  premier_impair: impair[0],
  dernier_impair: impair[1],
  premier_pair: pair[0],
  dernier_pair: pair[1],
});

const messages = (ranges: readonly DecoupageRange[]): string[] => checkDecoupage(VOIE, ranges).map((issue) => issue.message);

test('a découpage that covers each parity once, with no hole, has nothing to say', () => {
  const ranges = [range(1, [1, 13], [0, 20]), range(2, [15, 99], [22, 98]), range(3)];
  assert.deepEqual(checkDecoupage(VOIE, ranges), []);
  assert.deepEqual(checkDecoupage(VOIE, [range(1, [1, 90001], [0, 90000])]), []);
  assert.deepEqual(checkDecoupage(VOIE, []), []);
});

test('a range whose first number is after its last', () => {
  const issues = checkDecoupage(VOIE, [range(1, [31, 15]), range(2, NONE, [40, 2])]);
  assert.deepEqual(
    issues.map(({ code, severity, parite, rows, message }) => ({ code, severity, parite, rows, message })),
    [
      {
        code: 'ordre',
        severity: 'erreur',
        parite: 'impair',
        rows: [0],
        message: 'Les numéros impairs de la voie « Rue de la Paix » pour le bureau 1 vont de 31 à 15 : le premier doit être inférieur ou égal au dernier.',
      },
      {
        code: 'ordre',
        severity: 'erreur',
        parite: 'pair',
        rows: [1],
        message: 'Les numéros pairs de la voie « Rue de la Paix » pour le bureau 2 vont de 40 à 2 : le premier doit être inférieur ou égal au dernier.',
      },
    ],
  );
});

test('an odd range with an even bound, an even range with an odd bound', () => {
  assert.deepEqual(messages([range(1, [2, 31], [1, 20])]), [
    'Le premier numéro impair du bureau 1 sur la voie « Rue de la Paix » est 2, un numéro pair.',
    'Le premier numéro pair du bureau 1 sur la voie « Rue de la Paix » est 1, un numéro impair.',
  ]);
  assert.deepEqual(messages([range(1, [1, 30], [0, 21])]), [
    'Le dernier numéro impair du bureau 1 sur la voie « Rue de la Paix » est 30, un numéro pair.',
    'Le dernier numéro pair du bureau 1 sur la voie « Rue de la Paix » est 21, un numéro impair.',
  ]);
  assert.ok(checkDecoupage(VOIE, [range(1, [2, 30])]).every((issue) => issue.code === 'parite' && issue.rows[0] === 0));
});

test('a range with one end only, a negative number', () => {
  assert.deepEqual(messages([range(1, [15, null]), range(2, NONE, [null, 8])]), [
    'Le découpage de la voie « Rue de la Paix » pour le bureau 1 donne le premier numéro impair (15) sans le dernier.',
    'Le découpage de la voie « Rue de la Paix » pour le bureau 2 donne le dernier numéro pair (8) sans le premier.',
  ]);
  assert.deepEqual(messages([range(1, [-3, 9])]), ['Le premier numéro impair du bureau 1 sur la voie « Rue de la Paix » est négatif (-3).']);
});

test('two ranges of the same parity overlapping on the voie: the shared numbers and both bureaux', () => {
  const issues = checkDecoupage(VOIE, [range(2, [1, 31]), range(3, [15, 51])]);
  assert.equal(issues.length, 1);
  assert.deepEqual(issues[0], {
    severity: 'erreur',
    code: 'chevauchement',
    parite: 'impair',
    rows: [0, 1],
    message: 'Les numéros impairs 15 à 31 de la voie « Rue de la Paix » sont attribués aux bureaux 2 et 3.',
  });
});

test('overlaps: one shared number, three bureaux, one bureau twice, even numbers', () => {
  assert.deepEqual(messages([range(1, NONE, [0, 20]), range(2, NONE, [20, 40])]), [
    'Le numéro pair 20 de la voie « Rue de la Paix » est attribué aux bureaux 1 et 2.',
  ]);
  assert.deepEqual(messages([range(1, [1, 41]), range(2, [15, 31]), range(3, [21, 51])]), [
    'Les numéros impairs 15 à 19 de la voie « Rue de la Paix » sont attribués aux bureaux 1 et 2.',
    'Les numéros impairs 21 à 31 de la voie « Rue de la Paix » sont attribués aux bureaux 1, 2 et 3.',
    'Les numéros impairs 33 à 41 de la voie « Rue de la Paix » sont attribués aux bureaux 1 et 3.',
  ]);
  assert.deepEqual(messages([range(4, [1, 9]), range(4, [5, 15])]), [
    'Les numéros impairs 5 à 9 de la voie « Rue de la Paix » sont attribués deux fois au bureau 4.',
  ]);
  assert.deepEqual(messages([range(4, [1, 9]), range(4, [1, 9]), range(4, [1, 9])]), [
    'Les numéros impairs 1 à 9 de la voie « Rue de la Paix » sont attribués 3 fois au bureau 4.',
  ]);
});

test('ranges of different parities never overlap; bounds of the wrong parity are read inward', () => {
  assert.deepEqual(messages([range(1, [1, 21]), range(2, NONE, [0, 20])]), []);
  // The odd range 2…20 covers 3…19, the other 21…31: one parity error, no overlap, no gap.
  assert.deepEqual(checkDecoupage(VOIE, [range(1, [2, 20]), range(2, [21, 31])]).map((issue) => issue.code), ['parite', 'parite']);
});

test('gaps between ranges of the same parity: a warning listing the missing numbers as ranges', () => {
  const issues = checkDecoupage(VOIE, [range(1, [1, 31]), range(2, [41, 43]), range(3, [47, 99])]);
  assert.deepEqual(issues, [
    {
      severity: 'avertissement',
      code: 'trou',
      parite: 'impair',
      rows: [0, 1, 2],
      message: 'Les numéros impairs 33 à 39 et 45 de la voie « Rue de la Paix » ne sont attribués à aucun bureau.',
    },
  ]);
  assert.deepEqual(messages([range(1, NONE, [0, 10]), range(2, NONE, [14, 20])]), [
    'Le numéro pair 12 de la voie « Rue de la Paix » n’est attribué à aucun bureau.',
  ]);
  assert.deepEqual(messages([range(1, [1, 5]), range(2, [9, 11]), range(3, [15, 17]), range(4, [23, 25])]), [
    'Les numéros impairs 7, 13 et 19 à 21 de la voie « Rue de la Paix » ne sont attribués à aucun bureau.',
  ]);
});

test('a single range per parity is never a gap, wherever it starts; a gap and an overlap are both told', () => {
  assert.deepEqual(messages([range(1, [51, 99], [40, 98])]), []);
  assert.deepEqual(
    checkDecoupage(VOIE, [range(1, [1, 11]), range(2, [9, 21]), range(3, [25, 31])]).map((issue) => [issue.code, issue.rows]),
    [
      ['chevauchement', [0, 1]],
      ['trou', [1, 2]],
    ],
  );
});

test('rows in error are left out of the overlap and gap checks', () => {
  assert.deepEqual(
    checkDecoupage(VOIE, [range(1, [1, 11]), range(2, [31, 5]), range(3, [21, null])]).map((issue) => issue.code),
    ['ordre', 'borne_manquante'],
  );
});

test('the bureau code names the bureau; its id when it has none', () => {
  const withoutCode: DecoupageRange = { bureau: 12, premier_impair: 9, dernier_impair: 1, premier_pair: null, dernier_pair: null };
  assert.match(checkDecoupage('Impasse des Lilas', [withoutCode])[0]!.message, /pour le bureau 12 vont de 9 à 1/);
  assert.match(checkDecoupage('Impasse des Lilas', [{ ...withoutCode, bureau_code: 'B07' }])[0]!.message, /voie « Impasse des Lilas » pour le bureau B07/);
});

test('bureauOf: the bureau whose range of the number’s parity holds it', () => {
  const ranges = [range(1, [1, 13], [0, 20]), range(2, [15, 99], [22, 98])];
  assert.equal(bureauOf(ranges, 1), 1);
  assert.equal(bureauOf(ranges, 13), 1);
  assert.equal(bureauOf(ranges, 15), 2);
  assert.equal(bureauOf(ranges, 20), 1);
  assert.equal(bureauOf(ranges, 22), 2);
  assert.equal(bureauOf(ranges, 98), 2);
  assert.equal(bureauOf(ranges, 99), 2);
});

test('bureauOf: undefined outside every range, for a negative or fractional number, on a voie without découpage', () => {
  const ranges = [range(1, [1, 13]), range(2, [21, 31])];
  assert.equal(bureauOf(ranges, 17), undefined);
  assert.equal(bureauOf(ranges, 33), undefined);
  assert.equal(bureauOf(ranges, 4), undefined);
  assert.equal(bureauOf(ranges, -1), undefined);
  assert.equal(bureauOf(ranges, 2.5), undefined);
  assert.equal(bureauOf([], 1), undefined);
  assert.equal(bureauOf([], 0), undefined);
});

test('bureauOf: number 0 goes to the even range holding 0, else to the range starting at the lowest number', () => {
  assert.equal(bureauOf([range(1, [1, 49], [2, 50]), range(2, [51, 99], [0, 0])], 0), 2);
  assert.equal(bureauOf([range(1, [15, 49], [10, 50]), range(2, [3, 13], [52, 98])], 0), 2);
  assert.equal(bureauOf([range(1, [5, 49], [2, 50]), range(2, [51, 99])], 0), 1);
  assert.equal(bureauOf([range(1, [31, 15]), range(2, [21, 31])], 0), 2, 'a range in error is not the lowest');
});

test('bureauOf: ranges in error hold nothing; with an overlap left, the first given wins', () => {
  assert.equal(bureauOf([range(1, [31, 15])], 21), undefined);
  assert.equal(bureauOf([range(1, [15, null])], 15), undefined);
  assert.equal(bureauOf([range(1, [2, 30])], 3), 1, 'bounds of the wrong parity are read inward');
  assert.equal(bureauOf([range(1, [2, 30])], 2), undefined);
  assert.equal(bureauOf([range(1, [1, 31]), range(2, [15, 51])], 21), 1);
});
