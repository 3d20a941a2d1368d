/**
 * Issue 9 §1.5: an explicit `count=exact` counts every row, above COMMUN_EXACT_COUNT_LIMIT too,
 * under a time limit whose overrun is a French refusal (422), not a 500. The default stays bounded.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { introspectSchema } from '../src/db/introspect.ts';
import { Registry, type RegisteredObject } from '../src/model/registry.ts';
import { listRecords, ServiceError, type ReadDeps } from '../src/records/index.ts';
import { testActor } from './support/actors.ts';
import { describeEachDatabase } from './support/databases.ts';
import { ESSAI_SCHEMA_SQL } from './support/essai-schema.ts';

const agent = testActor({ login: 'agent', collectivite: 2, permissions: ['essai.personne'] });
const ROWS = 3000;

describeEachDatabase('count=exact is exact, under a time limit', (database) => {
  let deps: ReadDeps;
  let personne: RegisteredObject;

  before(async () => {
    await database().asOwner(ESSAI_SCHEMA_SQL, 'essai');
    await database().asOwner(
      `insert into essai.personne (nom, om_collectivite) select 'Masse ' || i, 2 from generate_series(1, ${ROWS}) i; analyze essai.personne;`,
    );
    const { tables } = await introspectSchema(database().db.kysely, 'essai', { app: 'essai' });
    const registry = new Registry();
    for (const meta of tables) registry.register(meta, {});
    deps = { db: database().db, registry, exactCountLimit: 100 };
    personne = registry.get('essai', 'personne') as RegisteredObject;
  });

  test('an explicit exact count gives every matching row, far above the limit', async () => {
    const exact = await listRecords(deps, agent, personne, { perPage: 10, count: 'exact' });
    assert.deepEqual({ total: exact.total, estimate: exact.totalIsEstimate }, { total: ROWS, estimate: false });
    const searched = await listRecords(deps, agent, personne, { perPage: 10, count: 'exact', q: 'Masse 1' });
    // « Masse 1 », « Masse 10 »…« Masse 19 », « Masse 100 »…, « Masse 1000 »…« Masse 1999 »: 1 + 10 + 100 + 1000.
    assert.deepEqual({ total: searched.total, estimate: searched.totalIsEstimate }, { total: 1111, estimate: false });
  });

  test('without `count`, the total stays bounded: an estimate above the limit', async () => {
    const bounded = await listRecords(deps, agent, personne, { perPage: 10 });
    assert.equal(bounded.totalIsEstimate, true);
  });

  test('the time limit is set for the count alone, and an overrun is a French refusal (server)', async (t) => {
    if (database().kind === 'pglite') {
      t.skip('the embedded database has no statement timer: its count always runs to its end');
      return;
    }
    // Counting 200,000 rows cannot finish within a millisecond.
    await database().asOwner(`insert into essai.personne (nom, om_collectivite) select 'Lot ' || i, 2 from generate_series(1, 200000) i; analyze essai.personne;`);
    try {
      await listRecords({ ...deps, exactCountTimeoutMs: 1 }, agent, personne, { perPage: 10, count: 'exact' });
      assert.fail('the count should have been stopped');
    } catch (error) {
      assert.ok(error instanceof ServiceError, String(error));
      assert.equal(error.code, 'count_too_long');
      assert.equal(error.status, 422);
      assert.match(error.message, /^Le comptage exact a dépassé la durée permise \(1 s\)/);
    }
    // The connection's own limit is back to what it was.
    const after = await listRecords(deps, agent, personne, { perPage: 10, count: 'exact' });
    assert.equal(after.total, ROWS + 200000);
  });
});
