/**
 * Referentials (`Application.referentials`, framework/src/referentials): loaded after the
 * migrations when the stored version is not the declared one, a no-op otherwise, loaded again by
 * `force` (`commun referentiels`), one application at a time; the upsert writes new rows, updates
 * changed ones and leaves unchanged ones alone.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { sql } from 'kysely';
import type { Db } from '../src/db/index.ts';
import { loadReferentials, upsertRows, type Referential } from '../src/referentials/index.ts';
import { describeEachDatabase } from './support/databases.ts';

const SCHEMA_SQL = `create schema refs;
  create table refs.couleur (code varchar(10) primary key, libelle varchar(50) not null);`;

/** A referential of colours: the rows given, under a version. */
function couleurs(version: string, rows: readonly (readonly [string, string])[], calls: string[]): Referential {
  return {
    name: 'couleurs',
    version,
    async load(trx: Db) {
      calls.push(version);
      return upsertRows(trx, { schema: 'refs', table: 'couleur', columns: ['code', 'libelle'], key: ['code'] }, rows);
    },
  };
}

describeEachDatabase('référentiels des applications', (database) => {
  const rowsOf = () => database().ownerQuery<{ code: string; libelle: string }>('select code, libelle from refs.couleur order by code');
  const stored = () => database().ownerQuery<{ application: string; nom: string; version: string; lignes: number }>(
    `select application, nom, version, lignes from om.om_referentiel where application in ('demo', 'autre') order by application`,
  );

  before(async () => {
    await database().asOwner(SCHEMA_SQL, 'refs');
  });

  test('a referential is loaded once per version, then a start costs nothing', async () => {
    const calls: string[] = [];
    const v1 = { name: 'demo', referentials: [couleurs('1', [['R', 'Rouge'], ['V', 'Vert']], calls)] };
    const first = await database().withOwner((db) => loadReferentials(db, [v1]));
    assert.deepEqual(first.map(({ application, name, version, rows }) => ({ application, name, version, rows })), [{ application: 'demo', name: 'couleurs', version: '1', rows: 2 }]);
    assert.deepEqual(await rowsOf(), [{ code: 'R', libelle: 'Rouge' }, { code: 'V', libelle: 'Vert' }]);
    assert.deepEqual((await stored()).map((row) => [row.nom, row.version, Number(row.lignes)]), [['couleurs', '1', 2]]);
    assert.deepEqual(await database().withOwner((db) => loadReferentials(db, [v1])), [], 'same version: nothing loaded');
    assert.deepEqual(calls, ['1']);

    const v2 = { name: 'demo', referentials: [couleurs('2', [['R', 'Rouge vif'], ['B', 'Bleu']], calls)] };
    const second = await database().withOwner((db) => loadReferentials(db, [v2]));
    assert.equal(second.length, 1);
    assert.deepEqual(await rowsOf(), [{ code: 'B', libelle: 'Bleu' }, { code: 'R', libelle: 'Rouge vif' }, { code: 'V', libelle: 'Vert' }], 'updated and added, never deleted');
    assert.deepEqual((await stored()).map((row) => row.version), ['2']);
  });

  test('force loads again whatever the version, and an application can be chosen', async () => {
    const calls: string[] = [];
    await database().asOwner(`update refs.couleur set libelle = 'abîmé' where code = 'B'`);
    const demo = { name: 'demo', referentials: [couleurs('2', [['R', 'Rouge vif'], ['B', 'Bleu']], calls)] };
    const autre = { name: 'autre', referentials: [couleurs('9', [['N', 'Noir']], calls)] };
    const loaded = await database().withOwner((db) => loadReferentials(db, [demo, autre], { force: true, application: 'demo' }));
    assert.deepEqual(loaded.map((item) => item.application), ['demo']);
    assert.deepEqual(calls, ['2'], 'the other application is left alone');
    assert.equal((await rowsOf()).find((row) => row.code === 'B')?.libelle, 'Bleu', 'a row changed by hand is restored');
  });

  test('the upsert leaves unchanged rows alone and writes by batches', async () => {
    const before = await database().withOwner(async (db) => (await sql<{ x: string }>`select xmin::text as x from refs.couleur where code = 'V'`.execute(db)).rows[0]?.x);
    const many = Array.from({ length: 20_000 }, (_, index) => [`C${index}`, `Couleur ${index}`] as const);
    const written = await database().withOwner((db) =>
      db.transaction().execute((trx) => upsertRows(trx, { schema: 'refs', table: 'couleur', columns: ['code', 'libelle'], key: ['code'] }, [['V', 'Vert'], ...many])),
    );
    assert.equal(written, 20_001);
    const after = await database().withOwner(async (db) => (await sql<{ x: string }>`select xmin::text as x from refs.couleur where code = 'V'`.execute(db)).rows[0]?.x);
    assert.equal(after, before, 'an unchanged row is not rewritten');
    assert.equal(Number((await database().ownerQuery<{ n: number }>('select count(*) as n from refs.couleur'))[0]?.n), 20_003, 'R, V, B and the new ones');
  });

  test('a failing load rolls back its rows and leaves the stored version', async () => {
    const failing: Referential = {
      name: 'couleurs',
      version: '3',
      async load(trx) {
        await upsertRows(trx, { schema: 'refs', table: 'couleur', columns: ['code', 'libelle'], key: ['code'] }, [['J', 'Jaune']]);
        throw new Error('source illisible');
      },
    };
    await assert.rejects(database().withOwner((db) => loadReferentials(db, [{ name: 'demo', referentials: [failing] }])), /source illisible/);
    assert.equal((await rowsOf()).some((row) => row.code === 'J'), false);
    assert.deepEqual((await stored()).filter((row) => row.application === 'demo').map((row) => row.version), ['2']);
  });
});
