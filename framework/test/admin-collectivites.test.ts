import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Hono } from 'hono';
import type { AppEnv } from '../src/web/env.ts';
import { adminTestApp, createAdminUsers, csrfIn, signIn } from './admin-support.ts';
import type { Browser } from './support/auth.ts';
import { describeEachDatabase } from './support/databases.ts';

interface ApiAnswer {
  status: number;
  body: { data?: Record<string, unknown>[] | Record<string, unknown>; error?: { message: string; fields?: Record<string, string> } };
}

describeEachDatabase('administration: collectivités and paramètres under the niveau rules', (database) => {
  let app: Hono<AppEnv>;

  async function client(login: string) {
    const browser: Browser = await signIn(app, login);
    const csrf = csrfIn(await (await browser.get('/compte/jetons')).text());
    return async (method: string, path: string, body?: unknown): Promise<ApiAnswer> => {
      const response = await browser.request(path, {
        method,
        headers: { 'X-CSRF-Token': csrf, Accept: 'application/json', ...(body ? { 'Content-Type': 'application/json' } : {}) },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      return { status: response.status, body: (await response.json()) as ApiAnswer['body'] };
    };
  }

  const rows = (answer: ApiAnswer) => (Array.isArray(answer.body.data) ? answer.body.data : []);

  before(async () => {
    ({ app } = await adminTestApp(database()));
    await createAdminUsers(database());
  });

  test('a niveau-1 administrator sees only their collectivité and cannot create another', async () => {
    const local = await client('admin1');
    const list = await local('GET', '/api/v1/om/om_collectivite');
    assert.deepEqual(rows(list).map((row) => row.libelle), ['Libreville']);
    const created = await local('POST', '/api/v1/om/om_collectivite', { libelle: 'Villeneuve', niveau: '1' });
    assert.equal(created.status, 422);
    assert.equal(
      created.body.error?.message,
      'Seul un utilisateur d’une collectivité de niveau 2 peut créer ou supprimer une collectivité, ou changer son niveau.',
    );
    assert.equal((await local('GET', '/api/v1/om/om_collectivite/2')).status, 404, 'the niveau-2 collectivité is out of reach');
    // Renaming their own is allowed; raising its niveau is not.
    assert.equal((await local('PATCH', '/api/v1/om/om_collectivite/1', { libelle: 'Libreville-sur-Mer' })).status, 200);
    const raised = await local('PATCH', '/api/v1/om/om_collectivite/1', { niveau: '2' });
    assert.equal(raised.status, 422);
    await database().asOwner(`update om.om_collectivite set libelle = 'Libreville' where om_collectivite = 1`);
  });

  test('a niveau-2 administrator manages every collectivité, with one niveau 2 at most', async () => {
    const central = await client('admin2');
    assert.deepEqual(rows(await central('GET', '/api/v1/om/om_collectivite?sort=om_collectivite')).map((row) => row.libelle), [
      'Libreville',
      'Syndicat intercommunal',
    ]);
    const created = await central('POST', '/api/v1/om/om_collectivite', { libelle: 'Villeneuve', niveau: '1' });
    assert.equal(created.status, 201);
    const second = await central('POST', '/api/v1/om/om_collectivite', { libelle: 'Autre syndicat', niveau: '2' });
    assert.equal(second.status, 422);
    assert.equal(second.body.error?.fields?.niveau, 'Il existe déjà une collectivité de niveau 2 : il ne peut y en avoir qu’une.');
  });

  test('paramètres: each collectivité its own; a niveau-1 administrator writes in theirs only', async () => {
    const local = await client('admin1');
    const own = await local('GET', '/api/v1/om/om_parametre');
    assert.deepEqual(rows(own).map((row) => [row.libelle, row.om_collectivite]), [['ville', 1]]);
    const created = await local('POST', '/api/v1/om/om_parametre', { libelle: 'code_insee', valeur: '99999', om_collectivite: 2 });
    assert.equal(created.status, 201);
    const [stored] = await database().ownerQuery<{ om_collectivite: number }>(`select om_collectivite from om.om_parametre where libelle = 'code_insee'`);
    assert.equal(stored?.om_collectivite, 1, 'forced to their own collectivité');
  });

  test('profils, droits, widgets and tableaux de bord are shared: a niveau-1 administrator is told so', async () => {
    const local = await client('admin1');
    for (const [table, body] of [
      ['om_profil', { libelle: 'STAGIAIRE', hierarchie: 1 }],
      ['om_widget', { libelle: 'Bienvenue', type: 'web' }],
    ] as const) {
      const refused = await local('POST', `/api/v1/om/${table}`, body);
      assert.equal(refused.status, 403, table);
      assert.match(refused.body.error?.message ?? '', /est commun à toutes les collectivités ; seul un utilisateur d’une collectivité de niveau 2 peut le modifier\./);
    }
  });
});
