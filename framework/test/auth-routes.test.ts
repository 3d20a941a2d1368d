import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Hono } from 'hono';
import { createApiToken } from '../src/access/api-tokens.ts';
import type { Runtime } from '../src/runtime.ts';
import type { AppEnv } from '../src/web/env.ts';
import { safeRedirectTarget } from '../src/web/auth/safe-redirect.ts';
import { describeEachDatabase } from './support/databases.ts';
import { Browser, createUser, testApp, testRuntime } from './support/auth.ts';

const PASSWORD = 'Mot-de-passe-42';
const NEW_PASSWORD = 'Nouveau-secret-2026';

describeEachDatabase('authentication routes', (database) => {
  let runtime: Runtime;
  let app: Hono<AppEnv>;

  before(async () => {
    runtime = testRuntime(database());
    app = testApp(runtime);
    for (const login of ['alice', 'bruno', 'chloe', 'denis', 'emma']) await createUser(database(), { login, password: PASSWORD });
    await createUser(database(), { login: 'syndic', password: PASSWORD, collectivite: 2, profil: 2 });
    await createUser(database(), { login: 'sansdroit', password: PASSWORD, profil: 5 });
    await database().asOwner(`delete from om.om_droit where libelle = 'password'`);
    await database().asOwner(`insert into om.om_droit (libelle, om_profil) values ('password', 4)`);
  });

  test('the login page is an accessible French form with a CSRF field and cookie', async () => {
    const browser = new Browser(app);
    const response = await browser.get('/login?came_from=%2Fom%2Fom_utilisateur');
    assert.equal(response.status, 200);
    const html = await response.text();
    assert.match(html, /^<!DOCTYPE html><html lang="fr">/);
    assert.match(html, /<label for="login">Identifiant<\/label>/);
    assert.match(html, /<input id="login" name="login" type="text" required="" autocomplete="username"/);
    assert.match(html, /<label for="password">Mot de passe<\/label>/);
    assert.match(html, /autocomplete="current-password"/);
    assert.match(html, /role="alert"/);
    assert.match(html, /name="came_from" value="\/om\/om_utilisateur"/);
    // No inline script: only files of this site (htmx), which the CSP allows.
    assert.doesNotMatch(html, /<script(?![^>]*\ssrc="\/static\/)/);
    assert.ok(browser.cookies.has('commun_csrf'));
    const setCookie = response.headers.get('Set-Cookie') ?? '';
    assert.match(setCookie, /HttpOnly/);
    assert.match(setCookie, /SameSite=Lax/);
  });

  test('login without the CSRF token is refused and opens no session', async () => {
    const browser = new Browser(app);
    await browser.get('/login');
    const response = await browser.postForm('/login', { login: 'alice', password: PASSWORD });
    assert.equal(response.status, 403);
    assert.match(await response.text(), /vérification de sécurité/i);
    assert.equal(browser.cookies.has('commun_session'), false);
    // A token without its cookie does not work either (double submit).
    const token = await browser.formToken('/login');
    browser.cookies.delete('commun_csrf');
    assert.equal((await browser.postForm('/login', { _csrf: token, login: 'alice', password: PASSWORD })).status, 403);
  });

  test('a successful login sets the session cookie and goes back to came_from', async () => {
    const browser = new Browser(app);
    const token = await browser.formToken('/login');
    const response = await browser.postForm('/login', { _csrf: token, login: 'alice', password: PASSWORD, came_from: '/om/om_utilisateur?page=2' });
    assert.equal(response.status, 303);
    assert.equal(response.headers.get('Location'), '/om/om_utilisateur?page=2');
    const cookie = response.headers.getSetCookie().find((line) => line.startsWith('commun_session='));
    assert.ok(cookie);
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Lax/);
    assert.match(cookie, /Path=\//);
    assert.doesNotMatch(cookie, /Secure/);
    const home = await browser.get('/');
    assert.equal(home.status, 200);
    assert.match(await home.text(), /^accueil alice /);
  });

  test('the session cookie is Secure over https', async () => {
    const browser = new Browser(app);
    const token = await browser.formToken('/login');
    const response = await browser.postForm('/login', { _csrf: token, login: 'alice', password: PASSWORD }, { 'X-Forwarded-Proto': 'https' });
    const cookie = response.headers.getSetCookie().find((line) => line.startsWith('commun_session='));
    assert.match(cookie ?? '', /Secure/);
  });

  test('came_from never leads to another site', async () => {
    for (const bad of ['//evil.example/x', 'https://evil.example/', '/\\evil.example', 'javascript:alert(1)', '/login', '', '/%0d%0aSet-Cookie:x']) {
      const target = safeRedirectTarget(bad);
      assert.ok(target.startsWith('/') && !target.startsWith('//'), `${bad} → ${target}`);
    }
    assert.equal(safeRedirectTarget('//evil.example/x'), '/');
    assert.equal(safeRedirectTarget('/elections/electeur?q=dupont#liste'), '/elections/electeur?q=dupont#liste');
    const browser = new Browser(app);
    const token = await browser.formToken('/login');
    const response = await browser.postForm('/login', { _csrf: token, login: 'alice', password: PASSWORD, came_from: 'https://evil.example/' });
    assert.equal(response.headers.get('Location'), '/');
  });

  test('a failed login shows the generic message in the alert region', async () => {
    const browser = new Browser(app);
    const token = await browser.formToken('/login');
    const response = await browser.postForm('/login', { _csrf: token, login: 'alice', password: 'faux' });
    assert.equal(response.status, 401);
    const html = await response.text();
    assert.match(html, /<div role="alert" id="erreurs">.*Identifiant ou mot de passe incorrect\./s);
    assert.match(html, /value="alice"/, 'the login is kept');
    assert.equal(browser.cookies.has('commun_session'), false);
  });

  test('pages redirect anonymous visitors to the login form, the API answers 401', async () => {
    const browser = new Browser(app);
    const page = await browser.get('/password');
    assert.equal(page.status, 303);
    assert.equal(page.headers.get('Location'), '/login?came_from=%2Fpassword');
    const api = await browser.get('/api/v1/me');
    assert.equal(api.status, 401);
    const body = (await api.json()) as { error: { code: string; message: string } };
    assert.equal(body.error.code, 'unauthenticated');
    const htmx = await browser.get('/password', { 'HX-Request': 'true' });
    assert.equal(htmx.status, 401);
    assert.equal(htmx.headers.get('HX-Redirect'), '/login?came_from=%2Fpassword');
  });

  test('logout needs the CSRF token, then ends the session', async () => {
    const browser = new Browser(app);
    await browser.login('bruno', PASSWORD);
    assert.equal((await browser.postForm('/logout', {})).status, 403);
    assert.equal((await browser.get('/')).status, 200, 'still signed in');
    const token = await browser.formToken('/password');
    const response = await browser.postForm('/logout', { _csrf: token });
    assert.equal(response.status, 303);
    assert.equal(browser.cookies.has('commun_session'), false);
    assert.equal((await browser.get('/')).status, 303);
  });

  test('a password change without the CSRF token changes nothing', async () => {
    const browser = new Browser(app);
    await browser.login('chloe', PASSWORD);
    const response = await browser.postForm('/password', { current: PASSWORD, password: NEW_PASSWORD, confirmation: NEW_PASSWORD });
    assert.equal(response.status, 403);
    const wrongToken = await browser.postForm('/password', { _csrf: 'x'.repeat(43), current: PASSWORD, password: NEW_PASSWORD, confirmation: NEW_PASSWORD });
    assert.equal(wrongToken.status, 403);
    const json = await browser.postJson('/api/v1/me/password', { current: PASSWORD, password: NEW_PASSWORD, confirmation: NEW_PASSWORD });
    assert.equal(json.status, 403);
    assert.equal(((await json.json()) as { error: { code: string } }).error.code, 'csrf');
    const other = new Browser(app, '192.0.2.99');
    assert.equal((await other.login('chloe', PASSWORD)).status, 303, 'the old password still works');
    assert.equal((await other.get('/')).status, 200);
  });

  test('changing the password: errors in French, then every session ends and this browser gets a new one', async () => {
    const here = new Browser(app);
    const elsewhere = new Browser(app, '192.0.2.50');
    await here.login('denis', PASSWORD);
    await elsewhere.login('denis', PASSWORD);
    const oldCookie = here.cookies.get('commun_session');

    let token = await here.formToken('/password');
    const page = await here.get('/password');
    const html = await page.text();
    assert.match(html, /autocomplete="new-password"/);
    assert.match(html, /<label for="confirmation">/);

    const weak = await here.postForm('/password', { _csrf: token, current: PASSWORD, password: 'court', confirmation: 'autre' });
    assert.equal(weak.status, 422);
    const weakHtml = await weak.text();
    assert.match(weakHtml, /Le mot de passe doit contenir au moins 12 caractères\./);
    assert.match(weakHtml, /Les deux saisies du nouveau mot de passe sont différentes/);
    assert.match(weakHtml, /aria-invalid="true"/);

    const wrongCurrent = await here.postForm('/password', { _csrf: token, current: 'faux', password: NEW_PASSWORD, confirmation: NEW_PASSWORD });
    assert.equal(wrongCurrent.status, 422);
    assert.match(await wrongCurrent.text(), /Le mot de passe actuel est incorrect\./);

    token = await here.formToken('/password');
    const done = await here.postForm('/password', { _csrf: token, current: PASSWORD, password: NEW_PASSWORD, confirmation: NEW_PASSWORD });
    assert.equal(done.status, 200);
    assert.match(await done.text(), /Votre mot de passe a été changé/);
    assert.notEqual(here.cookies.get('commun_session'), oldCookie, 'a new session for this browser');
    assert.equal((await here.get('/')).status, 200);
    assert.equal((await elsewhere.get('/')).status, 303, 'the other session has ended');

    const later = new Browser(app, '192.0.2.51');
    assert.equal((await later.login('denis', PASSWORD)).status, 401);
    assert.equal((await later.login('denis', NEW_PASSWORD)).status, 303);
  });

  test('changing the password needs the « password » permission', async () => {
    const browser = new Browser(app);
    await browser.login('sansdroit', PASSWORD);
    assert.equal((await browser.get('/password')).status, 403);
  });

  test('a multipart form carries the token too, and the handler can read the body again', async () => {
    const browser = new Browser(app);
    await browser.login('emma', PASSWORD);
    const token = await browser.formToken('/password');
    const form = new FormData();
    form.set('_csrf', token);
    form.set('nom', 'Dupont');
    form.set('piece', new Blob(['bonjour'], { type: 'text/plain' }), 'note.txt');
    const response = await browser.request('/echo', { method: 'POST', body: form });
    assert.equal(response.status, 200);
    const body = (await response.json()) as Record<string, unknown>;
    assert.equal(body.nom, 'Dupont');
    const urlencoded = await browser.postForm('/echo', { _csrf: token, nom: 'Durand' });
    assert.equal(((await urlencoded.json()) as Record<string, unknown>).nom, 'Durand');
    const json = await browser.postJson('/api/v1/echo', { nom: 'Martin' }, { 'X-CSRF-Token': token });
    assert.deepEqual(await json.json(), { nom: 'Martin' });
  });

  test('the JSON API: login, me, CSRF header, logout', async () => {
    const browser = new Browser(app);
    const anonymous = (await (await browser.get('/api/v1/csrf')).json()) as { csrfToken: string };
    const refused = await browser.postJson('/api/v1/login', { login: 'emma', password: PASSWORD });
    assert.equal(refused.status, 403);
    const wrong = await browser.postJson('/api/v1/login', { login: 'emma', password: 'faux' }, { 'X-CSRF-Token': anonymous.csrfToken });
    assert.equal(wrong.status, 401);
    assert.deepEqual(((await wrong.json()) as { error: unknown }).error, { code: 'invalid_credentials', message: 'Identifiant ou mot de passe incorrect.' });
    const invalid = await browser.postJson('/api/v1/login', { login: 'emma' }, { 'X-CSRF-Token': anonymous.csrfToken });
    assert.equal(invalid.status, 400);

    const login = await browser.postJson('/api/v1/login', { login: 'emma', password: PASSWORD }, { 'X-CSRF-Token': anonymous.csrfToken });
    assert.equal(login.status, 200);
    const { csrfToken, user } = (await login.json()) as { csrfToken: string; user: Record<string, unknown> };
    assert.equal(user.login, 'emma');
    assert.deepEqual(user.collectivite, { id: 1, libelle: 'Libreville' });
    assert.ok(browser.cookies.has('commun_session'));

    const me = (await (await browser.get('/api/v1/me')).json()) as Record<string, unknown>;
    assert.equal(me.login, 'emma');
    assert.equal(me.niveau, '1');
    assert.deepEqual(me.profil, { id: 3, libelle: 'UTILISATEUR', hierarchie: 3 });
    assert.deepEqual(me.permissions, ['api_token', 'edition', 'password']);
    assert.equal(me.authentification, 'session');

    assert.equal((await browser.request('/api/v1/logout', { method: 'POST' })).status, 403);
    assert.equal((await browser.request('/api/v1/logout', { method: 'POST', headers: { 'X-CSRF-Token': csrfToken } })).status, 204);
    assert.equal((await browser.get('/api/v1/me')).status, 401);
  });

  test('password change through the API returns the new session’s CSRF token', async () => {
    const browser = new Browser(app);
    const anonymous = (await (await browser.get('/api/v1/csrf')).json()) as { csrfToken: string };
    const login = (await (await browser.postJson('/api/v1/login', { login: 'alice', password: PASSWORD }, { 'X-CSRF-Token': anonymous.csrfToken })).json()) as { csrfToken: string };
    const weak = await browser.postJson('/api/v1/me/password', { current: PASSWORD, password: 'alice-2026-Mot', confirmation: 'alice-2026-Mot' }, { 'X-CSRF-Token': login.csrfToken });
    assert.equal(weak.status, 422);
    const weakBody = (await weak.json()) as { error: { fields: Record<string, string> } };
    assert.equal(weakBody.error.fields.password, 'Le mot de passe ne doit pas contenir l’identifiant.');
    const changed = await browser.postJson('/api/v1/me/password', { current: PASSWORD, password: NEW_PASSWORD, confirmation: NEW_PASSWORD }, { 'X-CSRF-Token': login.csrfToken });
    assert.equal(changed.status, 200);
    const { csrfToken } = (await changed.json()) as { csrfToken: string };
    assert.notEqual(csrfToken, login.csrfToken);
    assert.equal((await browser.request('/api/v1/logout', { method: 'POST', headers: { 'X-CSRF-Token': login.csrfToken } })).status, 403, 'the old token died with the old session');
    assert.equal((await browser.request('/api/v1/logout', { method: 'POST', headers: { 'X-CSRF-Token': csrfToken } })).status, 204);
  });

  test('bearer requests are exempt from CSRF; a bad bearer token is a 401', async () => {
    const userId = Number((await database().ownerQuery<{ id: number }>(`select om_utilisateur as id from om.om_utilisateur where login = 'bruno'`))[0]?.id);
    const { token } = await createApiToken(runtime.db.kysely, userId, 'script');
    const browser = new Browser(app);
    const echo = await browser.postJson('/api/v1/echo', { ok: 1 }, { Authorization: `Bearer ${token}` });
    assert.equal(echo.status, 200);
    const me = (await (await browser.get('/api/v1/me', { Authorization: `Bearer ${token}` })).json()) as Record<string, unknown>;
    assert.equal(me.login, 'bruno');
    assert.equal(me.authentification, 'jeton');
    const bad = await browser.postJson('/api/v1/echo', { ok: 1 }, { Authorization: 'Bearer cmn_00000000_xxx' });
    assert.equal(bad.status, 401);
    assert.match(bad.headers.get('WWW-Authenticate') ?? '', /invalid_token/);
  });

  test('a niveau-2 user chooses the working collectivité; a niveau-1 user may not', async () => {
    const browser = new Browser(app);
    const anonymous = (await (await browser.get('/api/v1/csrf')).json()) as { csrfToken: string };
    const login = (await (await browser.postJson('/api/v1/login', { login: 'syndic', password: PASSWORD }, { 'X-CSRF-Token': anonymous.csrfToken })).json()) as {
      csrfToken: string;
      user: { niveau: string; collectivite_active: { id: number } };
    };
    assert.equal(login.user.niveau, '2');
    assert.equal(login.user.collectivite_active.id, 2);
    const headers = { 'X-CSRF-Token': login.csrfToken };
    const chosen = await browser.postJson('/api/v1/me/collectivite', { collectivite: 1 }, headers);
    assert.equal(chosen.status, 200);
    assert.deepEqual(((await chosen.json()) as { collectivite_active: unknown }).collectivite_active, { id: 1, libelle: 'Libreville' });
    const me = (await (await browser.get('/api/v1/me')).json()) as { collectivite_active: { id: number } };
    assert.equal(me.collectivite_active.id, 1, 'kept by the session');
    assert.equal((await browser.postJson('/api/v1/me/collectivite', { collectivite: 999 }, headers)).status, 422);
    assert.equal((await browser.postJson('/api/v1/me/collectivite', { collectivite: 'x' }, headers)).status, 400);
    assert.equal((await browser.postJson('/api/v1/me/collectivite', { collectivite: null }, headers)).status, 200);

    const niveau1 = new Browser(app);
    const csrf = (await (await niveau1.get('/api/v1/csrf')).json()) as { csrfToken: string };
    const other = (await (await niveau1.postJson('/api/v1/login', { login: 'bruno', password: PASSWORD }, { 'X-CSRF-Token': csrf.csrfToken })).json()) as { csrfToken: string };
    assert.equal((await niveau1.postJson('/api/v1/me/collectivite', { collectivite: 2 }, { 'X-CSRF-Token': other.csrfToken })).status, 403);
  });

  test('an ended session removes its cookie', async () => {
    const browser = new Browser(app);
    await browser.login('bruno', PASSWORD);
    await database().asOwner(`update om.om_session set expire_le = now() - interval '1 minute'`);
    assert.equal((await browser.get('/')).status, 303);
    assert.equal(browser.cookies.has('commun_session'), false);
  });
});
