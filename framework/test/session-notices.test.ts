/**
 * openMairie's confirmations around a session: « Votre session est maintenant ouverte. » on the first
 * page after signing in, « Votre session est maintenant terminée. » on the login page after signing
 * out; each shown once.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Hono } from 'hono';
import { createApp } from '../src/web/app.tsx';
import type { AppEnv } from '../src/web/env.ts';
import { Browser } from './support/auth.ts';
import { describeEachDatabase } from './support/databases.ts';
import { createTestRuntime, createUsers } from './support/runtime.ts';

const PASSWORD = 'Mairie-de-Libreville-2026';
const OPENED = 'Votre session est maintenant ouverte.';
const CLOSED = 'Votre session est maintenant terminée.';

describeEachDatabase('session confirmations', (database) => {
  let app: Hono<AppEnv>;

  before(async () => {
    app = createApp(await createTestRuntime(database()));
    await createUsers(database(), [{ login: 'agathe', password: PASSWORD, profil: 'UTILISATEUR', collectivite: 1 }]);
  });

  test('signing in says the session is open on the next page, once; signing out says it is over, once', async () => {
    const browser = new Browser(app);
    const login = await browser.login('agathe', PASSWORD);
    assert.equal(login.status, 303);
    const home = await (await browser.get('/')).text();
    assert.ok(home.includes(OPENED), 'the dashboard confirms the session');
    assert.ok(!(await (await browser.get('/')).text()).includes(OPENED), 'shown once');

    const token = /name="_csrf" value="([^"]+)"/.exec(home)?.[1] ?? '';
    const logout = await browser.postForm('/logout', { _csrf: token });
    assert.equal(logout.status, 303);
    assert.equal(logout.headers.get('Location'), '/login');
    const page = await (await browser.get('/login')).text();
    assert.match(page, new RegExp(`<p role="status" class="message message-info">${CLOSED}</p>`));
    assert.ok(!(await (await browser.get('/login')).text()).includes(CLOSED), 'shown once');
  });

  test('a failed sign-in confirms nothing', async () => {
    const browser = new Browser(app);
    const refused = await browser.login('agathe', 'pas-le-bon');
    assert.notEqual(refused.status, 303);
    assert.ok(!(await refused.text()).includes(OPENED));
  });
});
