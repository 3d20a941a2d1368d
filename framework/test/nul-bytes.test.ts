import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Hono } from 'hono';
import { createApp } from '../src/web/app.tsx';
import type { AppEnv } from '../src/web/env.ts';
import { describeEachDatabase } from './support/databases.ts';
import { ESSAI_SCHEMA_SQL } from './support/essai-schema.ts';
import { TestClient } from './support/http.ts';
import { createTestRuntime, createUsers, grant } from './support/runtime.ts';

const PASSWORD = 'Mairie-de-Libreville-2026';
const NUL = '\u0000';

/** A NUL byte (U+0000) is bad input everywhere: a 400 or a 422 in French, never a 500, nothing written. */
describeEachDatabase('NUL bytes in input', (database) => {
  let app: Hono<AppEnv>;
  const rows = async () => (await database().ownerQuery<{ n: number }>('select count(*)::int as n from essai.personne'))[0]?.n;
  const agent = async (): Promise<TestClient> => {
    const browser = new TestClient(app);
    const response = await browser.login('agent', PASSWORD);
    assert.equal(response.status, 200, response.text);
    return browser;
  };

  before(async () => {
    await database().asOwner(ESSAI_SCHEMA_SQL, 'essai');
    app = createApp(await createTestRuntime(database(), { schemas: ['essai'] }));
    await grant(database(), 'UTILISATEUR', ['essai.personne', 'essai.categorie_tab', 'essai.categorie_consulter']);
    await createUsers(database(), [{ login: 'agent', password: PASSWORD, profil: 'UTILISATEUR', collectivite: 1 }]);
  });

  test('in the query string of the API, the listing and the CSV export: 400 with a French message', async () => {
    const browser = await agent();
    for (const path of ['/api/v1/essai/personne?q=%00', '/api/v1/essai/personne?filter[nom]=a%00b', '/api/v1/essai/personne?filter[nom][contains]=a%00b']) {
      const response = await browser.get(path);
      assert.equal(response.status, 400, `${path}: ${response.text}`);
      assert.match(response.body.error.message, /caractère interdit \(caractère nul\)/);
    }
    for (const path of ['/essai/personne?q=%00', '/essai/personne?filter[nom]=a%00b', '/essai/personne.csv?q=a%00']) {
      const response = await browser.request('GET', path, { headers: { Accept: 'text/html' } });
      assert.equal(response.status, 400, `${path}: ${response.text.slice(0, 300)}`);
      assert.match(response.text, /caractère interdit/);
    }
  });

  test('in a JSON string of the API: 422 on the field, nothing written', async () => {
    const browser = await agent();
    const before = await rows();
    const created = await browser.request('POST', '/api/v1/essai/personne', { json: { nom: `Du${NUL}rand`, prenom: 'Léa' } });
    assert.equal(created.status, 422, created.text);
    assert.match(created.body.error.fields.nom, /Le champ « Nom » contient un caractère interdit/);
    assert.equal(await rows(), before);
  });

  test('in a field of an HTML form: the form again (422) with the field’s message, nothing written', async () => {
    const browser = await agent();
    const before = await rows();
    const html = (await browser.request('GET', '/essai/personne/new', { headers: { Accept: 'text/html' } })).text;
    const hidden = Object.fromEntries([...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((match) => [match[1] ?? '', (match[2] ?? '').replaceAll('&amp;', '&')]));
    const response = await browser.request('POST', '/essai/personne', {
      form: { ...hidden, nom: 'Martin', prenom: `Lé${NUL}a` },
      headers: { Accept: 'text/html' },
    });
    assert.equal(response.status, 422, /role="alert"[^]*?<\/div>/.exec(response.text)?.[0]);
    assert.match(response.text, /Le champ « Prénom » contient un caractère interdit/);
    assert.equal(await rows(), before);
  });

  test('in the login or the password: refused as bad input, on the API and on the page', async () => {
    const api = new TestClient(app);
    const refused = await api.login(`ag${NUL}ent`, PASSWORD);
    assert.equal(refused.status, 400, refused.text);
    assert.match(refused.body.error.message, /caractère interdit/);
    const page = new TestClient(app);
    const csrf = (await page.get('/api/v1/csrf')).body.csrfToken as string;
    const form = await page.request('POST', '/login', { form: { _csrf: csrf, login: `agent${NUL}`, password: PASSWORD }, headers: { Accept: 'text/html' } });
    assert.equal(form.status, 400, form.text.slice(0, 300));
    assert.match(form.text, /caractère interdit/);
  });
});
