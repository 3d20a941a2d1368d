import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import type { Hono } from 'hono';
import { createApp } from '../src/web/app.tsx';
import type { AppEnv } from '../src/web/env.ts';
import { describeEachDatabase } from './support/databases.ts';
import { ESSAI_SCHEMA_SQL } from './support/essai-schema.ts';
import { TestClient } from './support/http.ts';
import { createTestRuntime, createUsers, grant } from './support/runtime.ts';

const PASSWORD = 'Mairie-de-Libreville-2026';
const INJECTIONS = ["'; drop table essai.personne; --", '" or 1=1 --', '1 or 1=1', '%27%20or%201=1', '../../etc/passwd', '<script>alert(1)</script>', '\\', '*'];

describeEachDatabase('REST API', (database) => {
  let app: Hono<AppEnv>;
  const client = (): TestClient => new TestClient(app);
  const signedIn = async (login: string): Promise<TestClient> => {
    const browser = client();
    const response = await browser.login(login, PASSWORD);
    assert.equal(response.status, 200, response.text);
    return browser;
  };
  const count = async () => (await database().ownerQuery<{ n: number }>('select count(*)::int as n from essai.personne'))[0]?.n;

  before(async () => {
    await database().asOwner(ESSAI_SCHEMA_SQL, 'essai');
    const runtime = await createTestRuntime(database(), { schemas: ['essai'] });
    app = createApp(runtime);
    await grant(database(), 'UTILISATEUR', ['essai.personne', 'essai.note', 'essai.categorie_tab', 'essai.categorie_consulter']);
    await grant(database(), 'CONSULTATION', ['essai.personne_tab', 'essai.personne_consulter']);
    await createUsers(database(), [
      { login: 'agent', password: PASSWORD, profil: 'UTILISATEUR', collectivite: 1 },
      { login: 'agent3', password: PASSWORD, profil: 'UTILISATEUR', collectivite: 3 },
      { login: 'lecteur', password: PASSWORD, profil: 'CONSULTATION', collectivite: 1 },
      { login: 'chef', password: PASSWORD, profil: 'ADMINISTRATEUR', collectivite: 1 },
      { login: 'syndic', password: PASSWORD, profil: 'ADMINISTRATEUR', collectivite: 2 },
    ]);
  });

  test('without authentication: 401, and no hint whether an object exists', async () => {
    for (const path of ['/api/v1/essai/personne', '/api/v1/essai/inexistant', '/api/v1/om/om_utilisateur/1', '/api/v1/openapi.json']) {
      const response = await client().get(path);
      assert.equal(response.status, 401, path);
      assert.equal(typeof response.body.error.request_id, 'string');
    }
  });

  test('create, read, list, update and delete through the API, with French formats and messages', async () => {
    const agent = await signedIn('agent');
    const created = await agent.request('POST', '/api/v1/essai/personne', { json: { nom: 'Durand', prenom: 'Léa', date_naissance: '14/07/1990', categorie: 2 } });
    assert.equal(created.status, 201, created.text);
    assert.equal(created.body.data.date_naissance, '1990-07-14');
    assert.equal(created.body.data.categorie__label, 'Électeur');
    assert.equal(created.body.data.om_collectivite, 1);
    const id = created.body.data.personne;
    const read = await agent.get(`/api/v1/essai/personne/${id}`);
    assert.equal(read.status, 200);
    assert.equal(read.headers.get('etag'), `"${read.body.data._version}"`);
    const listed = await agent.get('/api/v1/essai/personne?q=LEA&col=prenom&sort=-nom&per_page=5');
    assert.equal(listed.status, 200);
    assert.deepEqual(listed.body.data.map((row: { nom: string }) => row.nom), ['Durand']);
    assert.deepEqual(listed.body.meta, { page: 1, per_page: 5, total: 1, total_is_estimate: false });
    const invalid = await agent.request('PATCH', `/api/v1/essai/personne/${id}`, { json: { nom: '', date_naissance: '32/01/2000' } });
    assert.equal(invalid.status, 422);
    assert.equal(invalid.body.error.fields.nom, 'Le champ « Nom » est obligatoire.');
    assert.match(invalid.body.error.fields.date_naissance, /JJ\/MM\/AAAA/);
    const updated = await agent.request('PATCH', `/api/v1/essai/personne/${id}`, { json: { prenom: 'Léna', _version: read.body.data._version } });
    assert.equal(updated.status, 200);
    assert.equal(updated.body.data.prenom, 'Léna');
    const stale = await agent.request('PUT', `/api/v1/essai/personne/${id}`, { json: { nom: 'Durand', prenom: 'Lou', _version: read.body.data._version } });
    assert.equal(stale.status, 409);
    assert.equal(stale.body.error.code, 'stale_version');
    const note = await agent.request('POST', '/api/v1/essai/note', { json: { texte: 'Note', personne: id } });
    assert.equal(note.status, 201, note.text);
    const refused = await agent.request('DELETE', `/api/v1/essai/personne/${id}`);
    assert.equal(refused.status, 409);
    assert.match(refused.body.error.message, /1 enregistrement\(s\) lié\(s\)/);
    assert.equal((await agent.request('DELETE', `/api/v1/essai/note/${note.body.data.note}`)).status, 204);
    assert.equal((await agent.request('DELETE', `/api/v1/essai/personne/${id}`)).status, 204);
    assert.equal((await agent.get(`/api/v1/essai/personne/${id}`)).status, 404);
  });

  test('a POST without CSRF token changes nothing; an API token needs none', async () => {
    const agent = await signedIn('agent');
    const before = await count();
    const forged = await agent.request('POST', '/api/v1/essai/personne', { json: { nom: 'Forgé' }, csrf: false });
    assert.equal(forged.status, 403);
    const wrong = await agent.request('POST', '/api/v1/essai/personne', { json: { nom: 'Forgé' }, headers: { 'X-CSRF-Token': 'x'.repeat(43) }, csrf: false });
    assert.equal(wrong.status, 403);
    assert.equal(await count(), before);
    const token = await agent.request('POST', '/api/v1/me/tokens', { json: { libelle: 'Script de test' } });
    assert.equal(token.status, 201, token.text);
    const script = client();
    script.bearer = token.body.jeton;
    const viaToken = await script.request('POST', '/api/v1/essai/personne', { json: { nom: 'Par jeton' } });
    assert.equal(viaToken.status, 201, viaToken.text);
    assert.equal(await count(), (before ?? 0) + 1);
  });

  test('CONSULTATION reads but cannot write: 403 and nothing changes', async () => {
    const agent = await signedIn('agent');
    const row = await agent.request('POST', '/api/v1/essai/personne', { json: { nom: 'Consulté' } });
    const id = row.body.data.personne;
    const reader = await signedIn('lecteur');
    assert.equal((await reader.get(`/api/v1/essai/personne/${id}`)).status, 200);
    const before = await count();
    for (const [method, path, json] of [
      ['POST', '/api/v1/essai/personne', { nom: 'Non' }],
      ['PATCH', `/api/v1/essai/personne/${id}`, { nom: 'Non' }],
      ['PUT', `/api/v1/essai/personne/${id}`, { nom: 'Non' }],
      ['DELETE', `/api/v1/essai/personne/${id}`, undefined],
    ] as const) {
      const response = await reader.request(method, path, json === undefined ? {} : { json });
      assert.equal(response.status, 403, `${method} ${path}`);
      assert.match(response.body.error.message, /Droits insuffisants/);
    }
    assert.equal((await reader.get('/essai/personne.csv')).status, 403);
    assert.equal(await count(), before);
    assert.equal((await agent.get(`/api/v1/essai/personne/${id}`)).body.data.nom, 'Consulté');
  });

  test('another collectivité’s rows are out of reach by every route', async () => {
    const agent = await signedIn('agent');
    const theirs = await agent.request('POST', '/api/v1/essai/personne', { json: { nom: 'Confidentiel', prenom: 'Libreville' } });
    const id = theirs.body.data.personne;
    const other = await signedIn('agent3');
    assert.equal((await other.get(`/api/v1/essai/personne/${id}`)).status, 404);
    assert.equal((await other.request('PATCH', `/api/v1/essai/personne/${id}`, { json: { nom: 'Volé' } })).status, 404);
    assert.equal((await other.request('PUT', `/api/v1/essai/personne/${id}`, { json: { nom: 'Volé' } })).status, 404);
    assert.equal((await other.request('DELETE', `/api/v1/essai/personne/${id}`)).status, 404);
    const searched = await other.get('/api/v1/essai/personne?q=confidentiel');
    assert.equal(searched.body.data.length, 0);
    const filtered = await other.get(`/api/v1/essai/personne?filter[personne]=${id}`);
    assert.equal(filtered.body.data.length, 0);
    const sorted = await other.get('/api/v1/essai/personne?sort=-nom&per_page=500');
    assert.ok(sorted.body.data.every((row: { om_collectivite: number }) => row.om_collectivite === 3));
    const exported = await other.get('/essai/personne.csv?q=confidentiel');
    assert.equal(exported.status, 200);
    assert.doesNotMatch(exported.text, /Confidentiel/);
    const users = await other.get('/api/v1/om/om_utilisateur');
    assert.equal(users.status, 403, 'an agent does not list users');
    const chef = await signedIn('chef');
    const listedUsers = await chef.get('/api/v1/om/om_utilisateur?per_page=500');
    assert.ok(listedUsers.body.data.every((user: { om_collectivite: number }) => user.om_collectivite === 1));
    assert.ok(listedUsers.body.data.every((user: Record<string, unknown>) => !('pwd' in user)), 'the hash never leaves');
    const agent3Id = (await database().ownerQuery<{ id: number }>("select om_utilisateur as id from om.om_utilisateur where login = 'agent3'"))[0]?.id;
    assert.equal((await chef.get(`/api/v1/om/om_utilisateur/${agent3Id}`)).status, 404);
    assert.equal((await agent.get(`/api/v1/essai/personne/${id}`)).body.data.nom, 'Confidentiel');
  });

  test('injection strings in every query parameter: a normal answer or a 400, never a 500', async () => {
    const agent = await signedIn('agent');
    const before = await count();
    for (const text of INJECTIONS) {
      const value = encodeURIComponent(text);
      for (const query of [`q=${value}`, `q=a&col=${value}`, `sort=${value}`, `page=${value}`, `per_page=${value}`, `count=${value}`,
        `filter[${value}]=1`, `filter[nom]=${value}`, `filter[date_naissance]=${value}`, `${value}=1`]) {
        const response = await agent.get(`/api/v1/essai/personne?${query}`);
        assert.ok([200, 400].includes(response.status), `${query} → ${response.status}`);
        if (response.status === 400) assert.equal(typeof response.body.error.message, 'string');
      }
      const byId = await agent.get(`/api/v1/essai/personne/${value}`);
      assert.equal(byId.status, 404, `id ${text}`);
      const csv = await agent.get(`/essai/personne.csv?sort=${value}`);
      assert.ok([200, 400].includes(csv.status), `csv ${text} → ${csv.status} ${csv.text.slice(0, 300)}`);
      const created = await agent.request('POST', '/api/v1/essai/personne', { json: { nom: text.slice(0, 30), prenom: text.slice(0, 30) } });
      assert.equal(created.status, 201, created.text);
      assert.equal(created.body.data.nom, text.slice(0, 30).trim());
    }
    assert.equal(await count(), (before ?? 0) + INJECTIONS.length);
    assert.equal((await agent.get('/api/v1/essai/personne?per_page=501')).status, 400);
  });

  test('CSV export: semicolons, UTF-8 with BOM, French headers and formats', async () => {
    const agent = await signedIn('agent');
    await agent.request('POST', '/api/v1/essai/personne', { json: { nom: 'Œuvre', prenom: 'Zoé', date_naissance: '1980-02-03', taille: '1.75', categorie: 1 } });
    const response = await agent.get('/essai/personne.csv?q=oeuvre');
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /text\/csv; charset=utf-8/);
    assert.ok(response.text.startsWith('\ufeff'));
    const [header, line] = response.text.slice(1).trim().split('\n');
    assert.match(header ?? '', /^Personne;Nom;Prénom;Date de naissance;/);
    assert.match(line ?? '', /;Œuvre;Zoé;03\/02\/1980;1,75;Oui;1;Résident;1/);
  });

  test('the OpenAPI document is valid OpenAPI 3.1 and describes the objects', async () => {
    const agent = await signedIn('agent');
    const response = await agent.get('/api/v1/openapi.json');
    assert.equal(response.status, 200);
    const result = await new Validator().validate(response.body);
    assert.equal(result.valid, true, JSON.stringify(result.errors));
    assert.ok(response.body.paths['/api/v1/essai/personne/{id}']);
    assert.equal(response.body.openapi.startsWith('3.1'), true);
  });

  test('a permission withdrawn through the API applies to the very next request', async () => {
    await grant(database(), 'UTILISATEUR LIMITÉ', ['essai.categorie_tab']);
    await createUsers(database(), [{ login: 'limite', password: PASSWORD, profil: 'UTILISATEUR LIMITÉ', collectivite: 1 }]);
    const limited = await signedIn('limite');
    assert.equal((await limited.get('/api/v1/essai/categorie')).status, 200);
    const syndic = await signedIn('syndic');
    const droits = await syndic.get('/api/v1/om/om_droit?filter[libelle]=essai.categorie_tab');
    for (const droit of droits.body.data) {
      assert.equal((await syndic.request('DELETE', `/api/v1/om/om_droit/${droit.om_droit}`)).status, 204);
    }
    assert.equal((await limited.get('/api/v1/essai/categorie')).status, 403);
  });

  test('profiles and permissions are shared by every collectivité: only niveau 2 changes them', async () => {
    const chef = await signedIn('chef');
    const profils = await chef.get('/api/v1/om/om_profil');
    assert.equal(profils.status, 200, 'a niveau-1 administrator reads them');
    const refused = await chef.request('POST', '/api/v1/om/om_droit', { json: { libelle: 'om_utilisateur', om_profil: 5 } });
    assert.equal(refused.status, 403);
    assert.match(refused.body.error.message, /commun à toutes les collectivités/);
    const renamed = await chef.request('PATCH', '/api/v1/om/om_profil/5', { json: { hierarchie: 9 } });
    assert.equal(renamed.status, 403);
    const rows = await database().ownerQuery<{ n: number }>("select count(*)::int as n from om.om_droit where libelle = 'om_utilisateur' and om_profil = 5");
    assert.equal(rows[0]?.n, 0);
    const syndic = await signedIn('syndic');
    const granted = await syndic.request('POST', '/api/v1/om/om_droit', { json: { libelle: 'om_widget_tab', om_profil: 5 } });
    assert.equal(granted.status, 201, granted.text);
  });

  test('a niveau-2 administrator sees every collectivité; a niveau-1 one cannot create one', async () => {
    const chef = await signedIn('chef');
    const refused = await chef.request('POST', '/api/v1/om/om_collectivite', { json: { libelle: 'Nouvelle', niveau: '1' } });
    assert.equal(refused.status, 422);
    const syndic = await signedIn('syndic');
    const created = await syndic.request('POST', '/api/v1/om/om_collectivite', { json: { libelle: 'Nouvelle commune', niveau: '1' } });
    assert.equal(created.status, 201, created.text);
    const second = await syndic.request('POST', '/api/v1/om/om_collectivite', { json: { libelle: 'Autre syndicat', niveau: '2' } });
    assert.equal(second.status, 422);
    const all = await syndic.get('/api/v1/om/om_collectivite');
    assert.ok(all.body.data.length >= 4);
    const user = await syndic.request('POST', '/api/v1/om/om_utilisateur', {
      json: { nom: 'Nouvel agent', login: 'nouvel.agent', email: 'nouvel.agent@libreville.fr', om_profil: 3, om_collectivite: created.body.data.om_collectivite, password: PASSWORD },
    });
    assert.equal(user.status, 201, user.text);
    assert.equal('pwd' in user.body.data, false);
    const weak = await syndic.request('POST', '/api/v1/om/om_utilisateur', {
      json: { nom: 'Faible', login: 'faible', email: 'faible@libreville.fr', om_profil: 3, om_collectivite: 1, password: 'faible' },
    });
    assert.equal(weak.status, 422);
    assert.match(weak.body.error.fields.password, /12 caractères/);
    const newcomer = await signedIn('nouvel.agent');
    assert.equal((await newcomer.get('/api/v1/me')).status, 200);
  });
});
