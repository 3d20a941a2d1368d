import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Hono } from 'hono';
import { createApp } from '../src/web/app.tsx';
import type { AppEnv } from '../src/web/env.ts';
import { describeEachDatabase } from './support/databases.ts';
import { TestClient } from './support/http.ts';
import { createTestRuntime, createUsers } from './support/runtime.ts';

const PASSWORD = 'Mairie-de-Libreville-2026';

/** A rank or a level below zero is refused (migration 0007), with a French message, nothing written. */
describeEachDatabase('negative values in the framework tables', (database) => {
  let app: Hono<AppEnv>;

  before(async () => {
    app = createApp(await createTestRuntime(database(), {}));
    await createUsers(database(), [{ login: 'chef', password: PASSWORD, profil: 'ADMINISTRATEUR', collectivite: 2 }]);
  });

  test('om_profil.hierarchie = -99 is refused, 0 is accepted', async () => {
    const admin = new TestClient(app);
    assert.equal((await admin.login('chef', PASSWORD)).status, 200);
    const refused = await admin.request('POST', '/api/v1/om/om_profil', { json: { libelle: 'PROFIL NÉGATIF', hierarchie: -99 } });
    assert.equal(refused.status, 422, refused.text);
    assert.equal(typeof refused.body.error.message, 'string');
    const stored = await database().ownerQuery<{ n: number }>("select count(*)::int as n from om.om_profil where libelle = 'PROFIL NÉGATIF'");
    assert.equal(stored[0]?.n, 0);
    const accepted = await admin.request('POST', '/api/v1/om/om_profil', { json: { libelle: 'PROFIL ZÉRO', hierarchie: 0 } });
    assert.equal(accepted.status, 201, accepted.text);
  });

  test('om_dashboard.position = -5 is refused by the database', async () => {
    const widget = await database().ownerQuery<{ id: number }>("insert into om.om_widget (libelle, type) values ('Essai', 'web') returning om_widget as id");
    await assert.rejects(
      database().ownerQuery(`insert into om.om_dashboard (om_profil, bloc, position, om_widget) select om_profil, 'C1', -5, ${Number(widget[0]?.id)} from om.om_profil limit 1`),
      /om_dashboard_position_positive/,
    );
  });
});
