/**
 * Issue 9 §1.4: every path that writes a password (own change in the API or the page, reset link,
 * an administrator's edit or reset action, the `commun user password` command) revokes the user's
 * API tokens in the same transaction; and an API token can change no password.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Hono } from 'hono';
import { SYSTEM_ACTOR } from '../src/access/actor.ts';
import { authenticateBearer, createApiToken } from '../src/access/api-tokens.ts';
import { resetPassword } from '../src/access/password-reset.ts';
import { sha256Hex } from '../src/access/secrets.ts';
import { updateRecord } from '../src/records/index.ts';
import type { AppEnv } from '../src/web/env.ts';
import { adminTestApp, createAdminUsers, csrfIn, PASSWORD, signIn } from './admin-support.ts';
import type { Browser } from './support/auth.ts';
import { describeEachDatabase } from './support/databases.ts';
import type { TestRuntime } from './support/runtime.ts';

const NEW_PASSWORD = 'Nouveau-secret-2024';
const NEEDS_SESSION = 'Un jeton d’API ne permet pas de changer un mot de passe : connectez-vous avec votre identifiant et votre mot de passe pour le faire.';

describeEachDatabase('a password change revokes API tokens; a token changes no password', (database) => {
  let runtime: TestRuntime;
  let app: Hono<AppEnv>;
  let users: Awaited<ReturnType<typeof createAdminUsers>>;
  const db = () => runtime.db.kysely;

  const passwordHashOf = async (userId: number) =>
    (await database().ownerQuery<{ pwd: string }>(`select pwd from om.om_utilisateur where om_utilisateur = ${userId}`))[0]?.pwd;
  const restorePassword = (userId: number) =>
    updateRecord({ db: runtime.db, registry: runtime.registry }, SYSTEM_ACTOR, runtime.registry.get('om', 'om_utilisateur')!, String(userId), { password: PASSWORD });
  const bearer = (token: string, extra: Record<string, string> = {}) => ({ Authorization: `Bearer ${token}`, Accept: 'application/json', ...extra });

  async function sessionCsrf(browser: Browser): Promise<string> {
    return csrfIn(await (await browser.get('/compte/jetons')).text());
  }

  before(async () => {
    ({ runtime, app } = await adminTestApp(database()));
    users = await createAdminUsers(database());
  });

  test('changing one’s own password in a session revokes every token of the user, and only theirs', async () => {
    const own = await createApiToken(db(), users.agent, 'script');
    const other = await createApiToken(db(), users.admin1, 'autre');
    const agent = await signIn(app, 'agent');
    const changed = await agent.request('/api/v1/me/password', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': await sessionCsrf(agent) },
      body: JSON.stringify({ current: PASSWORD, password: NEW_PASSWORD, confirmation: NEW_PASSWORD }),
    });
    assert.equal(changed.status, 200);
    assert.equal(await authenticateBearer(db(), own.token), undefined, 'the agent’s token is revoked');
    const refused = await app.request('http://commun.test/api/v1/me', { headers: bearer(own.token) });
    assert.equal(refused.status, 401);
    assert.ok(await authenticateBearer(db(), other.token), 'another user’s token still works');
    await restorePassword(users.agent);
  });

  test('an API token cannot change its owner’s password (API and page), and nothing changes', async () => {
    const { token } = await createApiToken(db(), users.agent, 'script');
    const before = await passwordHashOf(users.agent);
    const api = await app.request('http://commun.test/api/v1/me/password', {
      method: 'POST',
      headers: bearer(token, { 'Content-Type': 'application/json' }),
      body: JSON.stringify({ current: PASSWORD, password: NEW_PASSWORD, confirmation: NEW_PASSWORD }),
    });
    assert.equal(api.status, 403);
    assert.equal(((await api.json()) as { error: { message: string } }).error.message, NEEDS_SESSION);
    const page = await app.request('http://commun.test/password', {
      method: 'POST',
      headers: bearer(token, { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'text/html' }),
      body: new URLSearchParams({ current: PASSWORD, password: NEW_PASSWORD, confirmation: NEW_PASSWORD }).toString(),
    });
    assert.equal(page.status, 403);
    assert.match(await page.text(), /ne permet pas de changer un mot de passe/);
    assert.equal(await passwordHashOf(users.agent), before, 'the password is unchanged');
    assert.ok(await authenticateBearer(db(), token), 'the token still works');
  });

  test('an API token cannot set a password through om_utilisateur, even an administrator’s', async () => {
    const { token } = await createApiToken(db(), users.admin1, 'script admin');
    const ownBefore = await passwordHashOf(users.admin1);
    const agentBefore = await passwordHashOf(users.agent);
    for (const target of [users.admin1, users.agent]) {
      const response = await app.request(`http://commun.test/api/v1/om/om_utilisateur/${target}`, {
        method: 'PATCH',
        headers: bearer(token, { 'Content-Type': 'application/json' }),
        body: JSON.stringify({ password: NEW_PASSWORD }),
      });
      assert.equal(response.status, 403, `user ${target}`);
      assert.equal(((await response.json()) as { error: { message: string } }).error.message, NEEDS_SESSION);
    }
    const reset = await app.request(`http://commun.test/api/v1/om/om_utilisateur/${users.agent}/reinitialiser`, { method: 'POST', headers: bearer(token) });
    assert.equal(reset.status, 403);
    assert.equal(await passwordHashOf(users.admin1), ownBefore);
    assert.equal(await passwordHashOf(users.agent), agentBefore);
    // Other fields stay editable with a token.
    const renamed = await app.request(`http://commun.test/api/v1/om/om_utilisateur/${users.agent}`, {
      method: 'PATCH',
      headers: bearer(token, { 'Content-Type': 'application/json' }),
      body: JSON.stringify({ nom: 'Agent Un' }),
    });
    assert.equal(renamed.status, 200);
  });

  test('an administrator setting the password (edit) or sending a reset link revokes the user’s tokens', async () => {
    const admin = await signIn(app, 'admin1');
    const csrf = await sessionCsrf(admin);
    const edited = await createApiToken(db(), users.agent, 'avant modification');
    const edit = await admin.request(`/api/v1/om/om_utilisateur/${users.agent}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-CSRF-Token': csrf },
      body: JSON.stringify({ password: NEW_PASSWORD }),
    });
    assert.equal(edit.status, 200);
    assert.equal(await authenticateBearer(db(), edited.token), undefined);

    const beforeReset = await createApiToken(db(), users.agent, 'avant réinitialisation');
    const reset = await admin.request(`/api/v1/om/om_utilisateur/${users.agent}/reinitialiser`, {
      method: 'POST',
      headers: { Accept: 'application/json', 'X-CSRF-Token': csrf },
    });
    assert.equal(reset.status, 200);
    assert.equal(await authenticateBearer(db(), beforeReset.token), undefined);
    await database().asOwner('delete from om.om_password_reset');
    await restorePassword(users.agent);
  });

  test('the reset link and the `commun user password` path (system actor) revoke the user’s tokens', async () => {
    const viaLink = await createApiToken(db(), users.agent, 'avant le lien');
    const link = 'lien-de-test-0123456789-abcdefghijklmnopqrstuv';
    await database().asOwner(
      `insert into om.om_password_reset (empreinte, om_utilisateur, expire_le) values ('${sha256Hex(link)}', ${users.agent}, now() + interval '1 hour')`,
    );
    const result = await resetPassword(db(), link, NEW_PASSWORD, NEW_PASSWORD);
    assert.equal(result.ok, true);
    assert.equal(await authenticateBearer(db(), viaLink.token), undefined);

    const viaCommand = await createApiToken(db(), users.agent, 'avant la commande');
    await restorePassword(users.agent);
    assert.equal(await authenticateBearer(db(), viaCommand.token), undefined);
  });

  test('revocation is in the password’s transaction: a refused password revokes nothing', async () => {
    const { token } = await createApiToken(db(), users.agent, 'reste valide');
    const admin = await signIn(app, 'admin1');
    const refused = await admin.request(`/api/v1/om/om_utilisateur/${users.agent}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-CSRF-Token': await sessionCsrf(admin) },
      body: JSON.stringify({ password: 'court' }),
    });
    assert.equal(refused.status, 422);
    assert.ok(await authenticateBearer(db(), token));
  });
});
