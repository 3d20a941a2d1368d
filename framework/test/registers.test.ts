/**
 * Registers numbered without gap (framework/src/registers), on both databases: patterns, parallel
 * registrations in one collectivité (consecutive ranks), a rolled-back one giving its number back,
 * yearly and continuous registers, the reset, and one collectivité's counter never moving another's.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SYSTEM_ACTOR } from '../src/access/actor.ts';
import { writeAs } from '../src/db/index.ts';
import { formatRegisterNumber, isYearly, lastRank, nextRegisterNumber, patternProblem, resetRegister } from '../src/registers/index.ts';
import { describeEachDatabase } from './support/databases.ts';

test('patterns: tokens, padding, problems in French', () => {
  assert.equal(formatRegisterNumber('[annee]-[seq]', 2026, 7), '2026-7');
  assert.equal(formatRegisterNumber('F-[annee]-[seq3]', 2026, 7), 'F-2026-007');
  assert.equal(formatRegisterNumber('[seq6]', 0, 1234), '001234');
  assert.equal(isYearly('[annee]-[seq]'), true);
  assert.equal(isYearly('R-[seq]'), false);
  assert.equal(patternProblem(''), 'Le modèle de numérotation doit compter de 1 à 60 caractères.');
  assert.equal(patternProblem('[annee]-[seq]-[seq]'), 'Le modèle de numérotation doit contenir une fois [seq] (le rang dans le registre), par exemple « [annee]-[seq] ».');
  assert.equal(patternProblem('[annee][annee]-[seq]'), 'Le modèle de numérotation ne peut contenir qu’une fois [annee].');
  assert.equal(patternProblem('[jour]-[seq]'), 'Le modèle de numérotation ne connaît que [annee], [seq] et [seqN] (N chiffres, par exemple [seq5]).');
});

describeEachDatabase('registres numérotés sans trou', (database) => {
  const asSystem = <T>(work: Parameters<typeof writeAs<T>>[2]) => writeAs(database().db.kysely, SYSTEM_ACTOR, work);
  const ref = { application: 'essai', register: 'arrivee', collectivite: 1 };

  test('50 registrations in parallel get ranks 1..50; a rolled-back one gives its number back', async () => {
    const numbers = await Promise.all(Array.from({ length: 50 }, () => asSystem((trx) => nextRegisterNumber(trx, ref, '[annee]-[seq]', '2026-05-04'))));
    assert.deepEqual(numbers.map((number) => number.rank).sort((a, b) => a - b), Array.from({ length: 50 }, (_, index) => index + 1));
    await assert.rejects(asSystem(async (trx) => {
      await nextRegisterNumber(trx, ref, '[annee]-[seq]', '2026-05-04');
      throw new Error('annulé');
    }));
    assert.deepEqual(await asSystem((trx) => nextRegisterNumber(trx, ref, '[annee]-[seq]', '2026-05-04')), { number: '2026-51', rank: 51, period: 2026 });
    assert.equal(await asSystem((trx) => lastRank(trx, ref, 2026)), 51);
  });

  test('a yearly register restarts each year; a continuous one runs on until reset; collectivités apart', async () => {
    assert.equal((await asSystem((trx) => nextRegisterNumber(trx, ref, '[annee]-[seq]', '2027-01-02'))).number, '2027-1');
    const continuous = { ...ref, register: 'continu' };
    assert.equal((await asSystem((trx) => nextRegisterNumber(trx, continuous, 'C-[seq4]', '2026-12-31'))).number, 'C-0001');
    assert.equal((await asSystem((trx) => nextRegisterNumber(trx, continuous, 'C-[seq4]', '2027-01-01'))).number, 'C-0002');
    assert.equal(await asSystem((trx) => resetRegister(trx, continuous, 0)), 2);
    assert.equal((await asSystem((trx) => nextRegisterNumber(trx, continuous, 'C-[seq4]', '2027-01-03'))).number, 'C-0001');
    assert.equal((await asSystem((trx) => nextRegisterNumber(trx, { ...ref, collectivite: 2 }, '[annee]-[seq]', '2026-05-04'))).rank, 1);
    await assert.rejects(asSystem((trx) => nextRegisterNumber(trx, ref, '[seq]-[seq]', '2026-05-04')), /une fois \[seq\]/);
  });
});
