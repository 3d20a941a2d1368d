import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Hono } from 'hono';
import type { Runtime } from '../src/runtime.ts';
import { actorCache } from '../src/access/actor-cache.ts';
import { requireActor } from '../src/web/auth/require-actor.ts';
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
    // A menu entry every signed-in user holds (`password`), so that the chrome has a menu.
    runtime.registry.addMenuEntry({ rubrique: 'application', label: 'Mes dossiers', href: '/mes-dossiers', permissions: ['password'] });
    app = createApp(runtime);
    // A page that fails, to see the 500 page in the layout.
    app.get('/essai-erreur', requireActor(), () => {
      throw new Error('détail interne : select * from om.om_utilisateur');
    });
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
    const stylesheet = await css.text();
    // The printable style: no menu, no search box, no buttons, the content at full width.
    const print = /@media print \{([\s\S]*?)\n\}/.exec(stylesheet)?.[1] ?? '';
    assert.match(print, /\.menu\b[^{]*\{ display: none !important; \}|\.menu,[^{]*display: none !important/);
    assert.match(print, /\.recherche-globale/);
    assert.match(print, /button/);
    assert.match(print, /max-width: none; width: 100%/);
    assert.match(stylesheet, /\.menu-liens a\[aria-current="page"\]/, 'navigation.css follows commun.css');
    const chart = await browser.get(`/static/chart.umd.min.js`);
    assert.equal(chart.status, 200);
    assert.match(await chart.text(), /Chart\.js v4/);
    const script = await (await browser.get('/static/commun.js')).text();
    assert.match(script, /canvas\[data-graphique\]/);
    assert.match(script, /menu-bascule/);
    const htmx = await browser.get('/static/htmx.min.js');
    assert.equal(htmx.status, 200);
    assert.match(htmx.headers.get('Content-Type') ?? '', /^text\/javascript/);
    assert.match(await htmx.text(), /htmx/);
    // The favicon: an SVG of our own, cached like the others; `/favicon.ico` leads to it, signed in or not.
    const favicon = await browser.get('/static/favicon.svg');
    assert.equal(favicon.status, 200);
    assert.equal(favicon.headers.get('Content-Type'), 'image/svg+xml');
    assert.match(favicon.headers.get('Cache-Control') ?? '', /max-age=31536000, immutable/);
    assert.match(await favicon.text(), /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    const ico = await browser.get('/favicon.ico');
    assert.equal(ico.status, 302);
    assert.match(ico.headers.get('Location') ?? '', /^\/static\/favicon\.svg\?v=[0-9a-f]+$/);
    assert.match(ico.headers.get('Cache-Control') ?? '', /max-age=86400/);
    // Anything else is not served: a 404 (or, for an address that could be a screen, the login first).
    const { browser: user } = await signedIn('agent');
    for (const path of ['/static/../package.json', '/static/%2e%2e%2fpackage.json', '/static/routes.ts', '/static/', '/static/chart.umd.min.js.map']) {
      assert.equal((await user.get(path)).status, 404, path);
      assert.notEqual((await browser.get(path)).status, 200, path);
    }
  });

  test('anonymous pages have the layout without the user block', async () => {
    const html = await (await new Browser(app).get('/login')).text();
    assert.match(html, /^<!DOCTYPE html><html lang="fr">/);
    assert.match(html, /<a class="lien-evitement" href="#contenu">Aller au contenu<\/a>/);
    assert.match(html, /<link rel="icon" href="\/static\/favicon\.svg\?v=[0-9a-f]+" type="image\/svg\+xml"\/>/);
    assert.match(html, /<link rel="stylesheet" href="\/static\/commun\.css\?v=[0-9a-f]+"/);
    assert.match(html, /<script src="\/static\/htmx\.min\.js\?v=[0-9a-f]+" defer=""><\/script>/);
    assert.match(html, /<main id="contenu" tabindex="-1">/);
    assert.match(html, /<footer class="pied"><p>Commun — version \d+\.\d+\.\d+<\/p><\/footer>/);
    assert.doesNotMatch(html, /Se déconnecter/);
    assert.doesNotMatch(html, /role="search"|class="menu"/, 'no search box nor menu for an anonymous visitor');
  });

  test('a signed-in page has the search box in the header and the menu beside the content', async () => {
    const { browser } = await signedIn('agent');
    const html = await (await browser.get('/')).text();
    assert.match(html, /<header class="entete">.*<form class="recherche-globale" role="search" method="get" action="\/recherche">.*<\/header>/s);
    assert.match(html, /<label for="recherche-globale" class="visuellement-cache">Rechercher dans l’application<\/label><input type="search" id="recherche-globale" name="q" value="" maxlength="200"/);
    assert.match(html, /<a class="lien-evitement" href="#menu">Aller au menu<\/a>/);
    assert.match(html, /<div class="cadre"><nav class="menu" id="menu" aria-label="Menu principal" tabindex="-1">/);
    assert.match(html, /<a href="\/mes-dossiers">Mes dossiers<\/a>/);
    // The menu comes before the content, the content is still the main landmark.
    assert.ok(html.indexOf('class="menu"') < html.indexOf('<main id="contenu"'));
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
    assert.match(html, /<title>Page introuvable — Commun<\/title>/);
    assert.match(html, /<li class="utilisateur">Agent Un<\/li>/);
    assert.match(html, /<main id="contenu" tabindex="-1"><h1>Page introuvable<\/h1>/);
    assert.match(html, /<nav class="menu" id="menu" aria-label="Menu principal"/, 'the menu is on the error page');
  });

  test('403, 404 and 500 pages in the layout, with the menu; the 500 page shows the request id and no internals', async () => {
    const { browser } = await signedIn('agent');
    const forbidden = await browser.get('/administration/tableau-de-bord', { Accept: 'text/html' });
    assert.equal(forbidden.status, 403);
    const forbiddenHtml = await forbidden.text();
    assert.match(forbiddenHtml, /<title>Droits insuffisants — Commun<\/title>/);
    assert.match(forbiddenHtml, /<h1>Droits insuffisants<\/h1>/);
    assert.match(forbiddenHtml, /aria-label="Menu principal"/);

    // Under a menu entry's address, the entry is the current one.
    const missing = await browser.get('/mes-dossiers/12', { Accept: 'text/html' });
    assert.equal(missing.status, 404);
    assert.match(await missing.text(), /<a href="\/mes-dossiers" aria-current="page" class="menu-courant">Mes dossiers<\/a>/);

    const failed = await browser.get('/essai-erreur', { Accept: 'text/html' });
    assert.equal(failed.status, 500);
    const failedHtml = await failed.text();
    const requestId = failed.headers.get('X-Request-Id');
    assert.ok(requestId);
    assert.match(failedHtml, /<h1>Une erreur est survenue<\/h1>/);
    assert.ok(failedHtml.includes(`<code>${requestId}</code>`), 'the page gives the request id');
    assert.doesNotMatch(failedHtml, /détail interne|select \*|at .*\.ts:/);
    assert.match(failedHtml, /aria-label="Menu principal"/);
  });

  test('an expired session sends a page to the login form, then back to that page', async () => {
    const { browser } = await signedIn('agent');
    assert.equal((await browser.get('/recherche?q=dossier')).status, 200);
    await database().asOwner(`update om.om_session set expire_le = now() - interval '1 minute'
      where om_utilisateur = (select om_utilisateur from om.om_utilisateur where login = 'agent')`);
    // Identities are cached for a few seconds: as if that time had passed.
    actorCache.clear();

    const expired = await browser.get('/recherche?q=dossier');
    assert.equal(expired.status, 303);
    const login = expired.headers.get('Location') ?? '';
    assert.equal(login, '/login?came_from=%2Frecherche%3Fq%3Ddossier');
    // htmx asks for a full redirection rather than a swap.
    const partial = await browser.get('/recherche?q=dossier', { 'HX-Request': 'true' });
    assert.equal(partial.status, 401);
    assert.equal(partial.headers.get('HX-Redirect'), login);

    const form = await (await browser.get(login)).text();
    const token = /name="_csrf" value="([^"]+)"/.exec(form)?.[1] ?? '';
    const cameFrom = /name="came_from" value="([^"]*)"/.exec(form)?.[1] ?? '';
    assert.equal(cameFrom, '/recherche?q=dossier');
    const back = await browser.postForm('/login', { _csrf: token, login: 'agent', password: PASSWORD, came_from: cameFrom });
    assert.equal(back.status, 303);
    assert.equal(back.headers.get('Location'), '/recherche?q=dossier');
    assert.equal((await browser.get('/recherche?q=dossier')).status, 200);
  });
});
