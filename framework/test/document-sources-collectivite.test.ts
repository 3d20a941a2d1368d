/**
 * `&collectivite` in a data source: the actor's working collectivité, bound from the actor in
 * every SQL source (an état's source, a sous-état read through a cursor), never from what a user
 * types; a niveau-2 user who chose a commune reads that commune's rows only.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { runSqlSource, streamSqlSource, type SourceResult } from '../src/documents/sources/index.ts';
import { testActor } from './support/actors.ts';
import { describeEachDatabase } from './support/databases.ts';

const limits = { timeoutMs: 2000, maxRows: 50 };
const QUERY = 'select valeur from om.om_parametre where libelle = &idx and om_collectivite = &collectivite order by valeur';

describeEachDatabase('&collectivite: the working collectivité, bound from the actor', (database) => {
  before(async () => {
    await database().asOwner(`
      insert into om.om_collectivite (om_collectivite, libelle, niveau) values (3, 'Autreville', '1');
      insert into om.om_parametre (libelle, valeur, om_collectivite) values ('essai_commune', 'de Libreville', 1), ('essai_commune', 'de Autreville', 3);
    `);
  });

  const run = (actor: ReturnType<typeof testActor>, params: Record<string, string | number | null> = { idx: 'essai_commune' }) =>
    runSqlSource(database().db, QUERY, { actor, params, known: new Set(['idx']), labels: new Map() }, limits);

  test('a niveau-2 user sees every commune, but &collectivite keeps the chosen one', async () => {
    const multi = (workingCollectivite: number) => testActor({ login: 'multi', collectivite: 2, niveau: '2', workingCollectivite, permissions: [] });
    assert.deepEqual((await run(multi(3))).rows, [{ valeur: 'de Autreville' }]);
    assert.deepEqual((await run(multi(1))).rows, [{ valeur: 'de Libreville' }]);
    const everyCommune = await runSqlSource(database().db, "select valeur from om.om_parametre where libelle = 'essai_commune' order by valeur", {
      actor: multi(3), params: {}, known: new Set(), labels: new Map(),
    }, limits);
    assert.equal(everyCommune.rows.length, 2, 'without &collectivite, the niveau-2 user reads both communes');
  });

  test('a niveau-1 user: their own collectivité, whatever a parameter named collectivite says', async () => {
    const agent = testActor({ login: 'agent', collectivite: 1, permissions: [] });
    assert.deepEqual((await run(agent)).rows, [{ valeur: 'de Libreville' }]);
    const forged = await runSqlSource(database().db, QUERY, { actor: agent, params: { idx: 'essai_commune', collectivite: 3 }, known: new Set(['idx', 'collectivite']), labels: new Map() }, limits);
    assert.deepEqual(forged.rows, [{ valeur: 'de Libreville' }], 'the value comes from the actor, not the request');
  });

  test('a sous-état read through a cursor binds it the same way', async () => {
    const multi = testActor({ login: 'multi', collectivite: 2, niveau: '2', workingCollectivite: 3, permissions: [] });
    const seen: SourceResult[] = [];
    const total = await streamSqlSource(database().db, QUERY, { actor: multi, params: { idx: 'essai_commune' }, known: new Set(['idx']), labels: new Map() }, async (result) => {
      seen.push(result);
    }, limits);
    assert.equal(total, 1);
    assert.deepEqual(seen.flatMap((result) => result.rows), [{ valeur: 'de Autreville' }]);
  });

  test('an unknown parameter still names the known ones, &collectivite among them', async () => {
    const agent = testActor({ login: 'agent', collectivite: 1, permissions: [] });
    await assert.rejects(
      runSqlSource(database().db, 'select &inconnu as x', { actor: agent, params: {}, known: new Set(['idx']), labels: new Map() }, limits),
      /« &inconnu » n’est pas déclaré.*&idx, &collectivite/,
    );
  });
});
