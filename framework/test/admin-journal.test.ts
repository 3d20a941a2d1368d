import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Hono } from 'hono';
import type { AppEnv } from '../src/web/env.ts';
import { adminTestApp, createAdminUsers, csrfIn, decoded, signIn } from './admin-support.ts';
import type { Browser } from './support/auth.ts';
import { describeEachDatabase } from './support/databases.ts';

describeEachDatabase('administration: the audit log (journal page, advanced search)', (database) => {
  let app: Hono<AppEnv>;
  let admin: Browser;
  let csrf: string;
  /** The audit entries this file's set-up wrote: an update of a paramètre (collectivité 2), a creation (collectivité 1). */
  let updateEntry: number;
  let createEntry: number;

  const api = async (method: string, path: string, body?: unknown) => {
    const response = await admin.request(path, {
      method,
      headers: { 'X-CSRF-Token': csrf, Accept: 'application/json', ...(body ? { 'Content-Type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return { status: response.status, body: (await response.json()) as { data: Record<string, unknown>[] } & Record<string, unknown> };
  };

  before(async () => {
    ({ app } = await adminTestApp(database()));
    await createAdminUsers(database());
    admin = await signIn(app, 'admin2');
    csrf = csrfIn(await (await admin.get('/compte/jetons')).text());
    const [ville] = await database().ownerQuery<{ om_parametre: number }>(
      `select om_parametre from om.om_parametre where libelle = 'ville' and om_collectivite = 2`,
    );
    assert.equal((await api('PATCH', `/api/v1/om/om_parametre/${ville?.om_parametre}`, { valeur: 'Syndicat des eaux' })).status, 200);
    assert.equal((await api('POST', '/api/v1/om/om_parametre', { libelle: 'maire', valeur: 'Mme Martin', om_collectivite: 1 })).status, 201);
    const entries = await database().ownerQuery<{ om_audit: number; action: string }>(
      `select om_audit, action from om.om_audit where objet = 'om_parametre' order by om_audit`,
    );
    updateEntry = Number(entries.find((entry) => entry.action === 'update')?.om_audit);
    createEntry = Number(entries.find((entry) => entry.action === 'create')?.om_audit);
  });

  test('an entry shows who, when, what, and the values before and after side by side', async () => {
    const response = await admin.get(`/administration/journal/${updateEntry}`);
    assert.equal(response.status, 200);
    const html = decoded(await response.text());
    assert.match(html, new RegExp(`<h1>Journal : entrée n° ${updateEntry}</h1>`));
    assert.match(html, /<dt>Utilisateur<\/dt><dd><a href="\/om\/om_utilisateur\/\d+">admin2<\/a><\/dd>/);
    assert.match(html, /<dt>Collectivité<\/dt><dd>Syndicat intercommunal<\/dd>/);
    assert.match(html, /<dt>Table<\/dt><dd>Paramètre \(om_parametre\)<\/dd>/);
    assert.match(html, /<dt>Action<\/dt><dd>Modification<\/dd>/);
    assert.match(html, /<dt>Date et heure<\/dt><dd>\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}<\/dd>/);
    assert.match(html, /<p>1 champ modifié\.<\/p>/);
    assert.match(html, /<th scope="col">Champ<\/th><th scope="col">Avant<\/th><th scope="col">Après<\/th>/);
    assert.match(
      html,
      /<tr class="modifie"><th scope="row">Valeur <code class="nom-champ">valeur<\/code><span class="marque marque-modifie">modifié<\/span><\/th><td>Syndicat intercommunal<\/td><td>Syndicat des eaux<\/td><\/tr>/,
    );
    assert.match(html, /<tr><th scope="row">Libellé <code class="nom-champ">libelle<\/code><\/th><td>ville<\/td><td>ville<\/td><\/tr>/);
    assert.match(html, /<a href="\/om\/om_audit">Retour au journal<\/a>/);
  });

  test('a creation has nothing before', async () => {
    const html = decoded(await (await admin.get(`/administration/journal/${createEntry}`)).text());
    assert.match(html, /<dt>Action<\/dt><dd>Création<\/dd>/);
    assert.match(html, /<th scope="row">Valeur <code class="nom-champ">valeur<\/code><\/th><td><span class="absent">—<\/span><\/td><td>Mme Martin<\/td>/);
  });

  test('the listing’s rows lead to the journal page', async () => {
    const response = await admin.get(`/om/om_audit/${updateEntry}`);
    assert.equal(response.status, 303);
    assert.equal(response.headers.get('Location'), `/administration/journal/${updateEntry}`);
  });

  test('read like any record: permission, collectivité scope, unknown entry', async () => {
    const agent = await signIn(app, 'agent');
    assert.equal((await agent.get(`/administration/journal/${updateEntry}`)).status, 403);
    const local = await signIn(app, 'admin1');
    assert.equal((await local.get(`/administration/journal/${updateEntry}`)).status, 404, 'another collectivité’s entry');
    assert.equal((await local.get(`/administration/journal/${createEntry}`)).status, 200);
    assert.equal((await admin.get('/administration/journal/999999')).status, 404);
    assert.equal((await admin.get('/administration/journal/abc')).status, 404);
  });

  test('the advanced search criteria (user, table, date range, action) work through the list service', async () => {
    const today = new Date();
    const day = (offset: number) => new Date(today.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
    const search = async (criteria: Record<string, string>) => {
      const query = new URLSearchParams({ ...criteria, sort: 'om_audit' });
      const result = await api('GET', `/api/v1/om/om_audit?${query}`);
      assert.equal(result.status, 200, JSON.stringify(result.body));
      return result.body.data.map((row) => `${row.objet} ${row.action} ${row.login}`);
    };
    assert.deepEqual(await search({ 'filter[login][contains]': 'ADM*2', 'filter[objet][contains]': 'parametre' }), [
      'om_parametre update admin2',
      'om_parametre create admin2',
    ]);
    assert.deepEqual(await search({ 'filter[objet][contains]': 'parametre', 'filter[action]': 'create' }), ['om_parametre create admin2']);
    assert.deepEqual(
      await search({ 'filter[objet][contains]': 'parametre', 'filter[horodatage][gte]': day(-1), 'filter[horodatage][lte]': day(1) }),
      ['om_parametre update admin2', 'om_parametre create admin2'],
    );
    assert.deepEqual(await search({ 'filter[objet][contains]': 'parametre', 'filter[horodatage][gte]': day(2) }), []);
    assert.deepEqual(await search({ 'filter[login][contains]': 'agent' }), []);
  });

  test('the listing page offers the criteria and applies them', async () => {
    const response = await admin.get('/om/om_audit?filter%5Bobjet%5D%5Bcontains%5D=parametre&filter%5Baction%5D=update');
    assert.equal(response.status, 200);
    const html = decoded(await response.text());
    assert.match(html, /Utilisateur \(identifiant\)/);
    assert.match(html, /Modification/);
    assert.doesNotMatch(html, /Création<\/td>/);
  });
});
