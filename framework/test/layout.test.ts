import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Hono } from 'hono';
import type { Runtime } from '../src/runtime.ts';
import { createApp } from '../src/web/app.tsx';
import type { AppEnv } from '../src/web/env.ts';
import { describeEachDatabase } from './support/databases.ts';
import { Browser, createUser, testRuntime } from './support/auth.ts';

const PASSWORD = 'Mot-de-passe-42';

describeEachDatabase('page layout and working collectivité form', (database) => {
  let runtime: Runtime;
  let app: Hono<AppEnv>;

  before(async () => {
    runtime = testRuntime(database());
    app = createApp(runtime);
    await createUser(database(), { login: 'agent', password: PASSWORD, nom: 'Agent Un' });
    await createUser(database(), { login: 'admin2', password: PASSWORD, collectivite: 2, profil: 1, nom: 'Admin Deux' });
  });

  async function signedIn(login: string): Promise<{ browser: Browser; token: string }> {
    const browser = new Browser(app);
    assert.equal((await browser.login(login, PASSWORD)).status, 303);
    return { browser, token: await browser.formToken('/') };
  }

  test('the static files are served from an allow-list, cached for a year', async () => {
    const browser = new Browser(app);
    const css = await browser.get('/static/commun.css');
    assert.equal(css.status, 200);
    assert.match(css.headers.get('Content-Type') ?? '', /^text\/css/);
    assert.match(css.headers.get('Cache-Control') ?? '', /max-age=31536000/);
    assert.match(await css.text(), /@media print/);
    const htmx = await browser.get('/static/htmx.min.js');
    assert.equal(htmx.status, 200);
    assert.match(htmx.headers.get('Content-Type') ?? '', /^text\/javascript/);
    assert.match(await htmx.text(), /htmx/);
    for (const path of ['/static/../package.json', '/static/%2e%2e%2fpackage.json', '/static/routes.ts', '/static/']) {
      assert.equal((await browser.get(path)).status, 404, path);
    }
  });

  test('anonymous pages have the layout without the user block', async () => {
    const html = await (await new Browser(app).get('/login')).text();
    assert.match(html, /^<!DOCTYPE html><html lang="fr">/);
    assert.match(html, /<a class="lien-evitement" href="#contenu">Aller au contenu<\/a>/);
    assert.match(html, /<link rel="stylesheet" href="\/static\/commun\.css\?v=[0-9a-f]+"/);
    assert.match(html, /<script src="\/static\/htmx\.min\.js\?v=[0-9a-f]+" defer=""><\/script>/);
    assert.match(html, /<main id="contenu" tabindex="-1">/);
    assert.match(html, /<footer class="pied"><p>Commun — version \d+\.\d+\.\d+<\/p><\/footer>/);
    assert.doesNotMatch(html, /Se déconnecter/);
  });

  test('a niveau-1 user sees their name and collectivité, without a selector', async () => {
    const { browser } = await signedIn('agent');
    const html = await (await browser.get('/')).text();
    assert.match(html, /<li class="utilisateur">Agent Un<\/li>/);
    assert.match(html, /Collectivité : Libreville/);
    assert.doesNotMatch(html, /<select/);
    assert.match(html, /<a href="\/password">Mot de passe<\/a>/);
    assert.match(html, /<nav class="fil-ariane" aria-label="Fil d’Ariane"><ol><li aria-current="page">Accueil<\/li><\/ol><\/nav>/);
  });

  test('POST /collectivite: CSRF, niveau 2 only, known ids only, then back to the page', async () => {
    const agent = await signedIn('agent');
    const admin = await signedIn('admin2');

    // Without the CSRF token: refused, nothing changes.
    assert.equal((await admin.browser.postForm('/collectivite', { collectivite: '1' })).status, 403);
    // Niveau 1: forbidden.
    assert.equal((await agent.browser.postForm('/collectivite', { _csrf: agent.token, collectivite: '2' })).status, 403);

    const before = (await (await admin.browser.get('/api/v1/me')).json()) as { collectivite_active: { id: number } };
    assert.equal(before.collectivite_active.id, 2);
    const home = await (await admin.browser.get('/')).text();
    assert.match(home, /<select id="collectivite-travail" name="collectivite">/);
    assert.match(home, /<option value="2" selected="">/);

    // Unknown or malformed id: refused with a message, nothing changes.
    for (const value of ['999', 'abc', '', '99999999999']) {
      const refused = await admin.browser.postForm('/collectivite', { _csrf: admin.token, collectivite: value });
      assert.equal(refused.status, 422, value);
      assert.match(await refused.text(), /<div role="alert"><p class="message message-erreur">Cette collectivité n’existe pas\.<\/p><\/div>/);
    }

    // A foreign Referer is not followed.
    const foreign = await admin.browser.postForm('/collectivite', { _csrf: admin.token, collectivite: '1' }, { Referer: 'https://ailleurs.example/x' });
    assert.equal(foreign.status, 303);
    assert.equal(foreign.headers.get('Location'), '/');
    // Back to the page of this site the form was on.
    const back = await admin.browser.postForm('/collectivite', { _csrf: admin.token, collectivite: '1' }, { Referer: 'http://commun.test/password?x=1' });
    assert.equal(back.status, 303);
    assert.equal(back.headers.get('Location'), '/password?x=1');

    const after = (await (await admin.browser.get('/api/v1/me')).json()) as { collectivite_active: { id: number } };
    assert.equal(after.collectivite_active.id, 1);
    assert.match(await (await admin.browser.get('/')).text(), /<option value="1" selected="">/);
  });

  test('error pages use the layout, with the signed-in user', async () => {
    const { browser } = await signedIn('agent');
    const response = await browser.get('/nulle/part', { Accept: 'text/html' });
    assert.equal(response.status, 404);
    const html = await response.text();
    assert.match(html, /<title>Page introuvable – Commun<\/title>/);
    assert.match(html, /<li class="utilisateur">Agent Un<\/li>/);
    assert.match(html, /<main id="contenu" tabindex="-1"><h1>Page introuvable<\/h1>/);
  });
});
