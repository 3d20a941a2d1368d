import assert from 'node:assert/strict';
import { before, beforeEach, test } from 'node:test';
import type { Hono } from 'hono';
import { createApp } from '../src/web/app.tsx';
import type { AppEnv } from '../src/web/env.ts';
import { adminTestApp, createAdminUsers, csrfIn, decoded, signIn } from './admin-support.ts';
import { Browser, createUser } from './support/auth.ts';
import { describeEachDatabase } from './support/databases.ts';
import { createTestRuntime, type TestRuntime } from './support/runtime.ts';

describeEachDatabase('administration: users (password reset by an administrator, own account)', (database) => {
  let runtime: TestRuntime;
  let app: Hono<AppEnv>;
  let users: Awaited<ReturnType<typeof createAdminUsers>>;

  const resetRows = (userId: number) =>
    database().ownerQuery<{ n: number }>(`select count(*)::integer as n from om.om_password_reset where om_utilisateur = ${userId}`);

  async function runReset(browser: Browser, userId: number) {
    const csrf = csrfIn(await (await browser.get('/compte/jetons')).text());
    const response = await browser.request(`/api/v1/om/om_utilisateur/${userId}/reinitialiser`, {
      method: 'POST',
      headers: { 'X-CSRF-Token': csrf, Accept: 'application/json' },
    });
    return { status: response.status, body: (await response.json()) as { message?: string; error?: { message: string } } };
  }

  before(async () => {
    ({ runtime, app } = await adminTestApp(database()));
    users = await createAdminUsers(database());
  });
  beforeEach(async () => {
    runtime.sentMail.length = 0;
    await database().asOwner('delete from om.om_password_reset');
  });

  test('the reset action e-mails a one-hour link, ends the user’s sessions, and the link works', async () => {
    const agent = await signIn(app, 'agent');
    assert.equal((await agent.get('/compte/jetons')).status, 200);
    const admin = await signIn(app, 'admin2');
    const result = await runReset(admin, users.agent);
    assert.equal(result.status, 200);
    assert.equal(
      result.body.message,
      'Un lien de réinitialisation du mot de passe a été envoyé à agent@mairie.example. Les sessions ouvertes de Agent Un ont été fermées.',
    );
    assert.equal(runtime.sentMail.length, 1);
    const mail = runtime.sentMail[0];
    assert.equal(mail?.to, 'agent@mairie.example');
    assert.equal(mail?.subject, 'Réinitialisation de votre mot de passe');
    assert.match(mail?.text ?? '', /Un administrateur a demandé la réinitialisation du mot de passe de votre compte « agent »/);
    const link = /http:\/\/commun\.test(\/password\/reset\/[A-Za-z0-9_-]+)/.exec(mail?.text ?? '')?.[1];
    assert.ok(link, 'the mail holds a link');
    assert.deepEqual(await resetRows(users.agent), [{ n: 1 }]);

    // The agent's session has ended: back to the login form.
    const after = await agent.get('/compte/jetons');
    assert.equal(after.status, 303);
    assert.match(after.headers.get('Location') ?? '', /^\/login/);
    // The link opens the reset form.
    assert.equal((await new Browser(app).get(link)).status, 200);
    // The audit log keeps the action, without any secret.
    const audit = await database().ownerQuery<{ apres: unknown }>(
      `select apres from om.om_audit where objet = 'om_utilisateur' and action = 'reinitialiser' and cle = '${users.agent}'`,
    );
    assert.equal(audit.length, 1);
    assert.doesNotMatch(JSON.stringify(audit[0]?.apres), /argon2/);
  });

  test('a clear refusal when the user has no e-mail; LDAP accounts are not offered the action', async () => {
    const nomail = await createUser(database(), { login: 'sansmail', email: '', nom: 'Sans Courriel' });
    const ldap = await createUser(database(), { login: 'annuaire', type: 'LDAP', email: 'annuaire@mairie.example' });
    const admin = await signIn(app, 'admin2');
    const refused = await runReset(admin, nomail);
    assert.equal(refused.status, 422);
    assert.match(refused.body.error?.message ?? '', /^Sans Courriel n’a pas d’adresse électronique : renseignez-la dans sa fiche/);
    const unavailable = await runReset(admin, ldap);
    assert.equal(unavailable.status, 409);
    assert.equal(runtime.sentMail.length, 0);
    assert.deepEqual(await resetRows(nomail), [{ n: 0 }]);
  });

  test('three links an hour at most, then a refusal that says so', async () => {
    const admin = await signIn(app, 'admin2');
    for (let attempt = 0; attempt < 3; attempt += 1) assert.equal((await runReset(admin, users.agent)).status, 200);
    const fourth = await runReset(admin, users.agent);
    assert.equal(fourth.status, 422);
    assert.match(fourth.body.error?.message ?? '', /Trois liens de réinitialisation ont déjà été envoyés à Agent Un depuis une heure/);
    assert.equal(runtime.sentMail.length, 3);
  });

  test('when the e-mail cannot be sent nothing is left behind', async () => {
    const failing = await createTestRuntime(database(), { config: { baseUrl: 'http://commun.test' } });
    const broken: TestRuntime = { ...failing, mailer: { send: async () => Promise.reject(new Error('SMTP indisponible')) } };
    const brokenApp = createApp(broken);
    const target = await createUser(database(), { login: 'victime', email: 'victime@mairie.example' });
    const admin = new Browser(brokenApp);
    assert.equal((await admin.login('admin2', 'Mot-de-passe-42')).status, 303);
    const html = await (await admin.get('/compte/jetons')).text();
    // The screens bind the runtime's mailer themselves (here: the failing one).
    const response = await admin.postForm(`/om/om_utilisateur/${target}/reinitialiser`, { _csrf: csrfIn(html) });
    assert.equal(response.status, 422);
    assert.match(decoded(await response.text()), /Le message n’a pas pu être envoyé à victime@mairie\.example : rien n’a été changé\./);
    assert.deepEqual(await resetRows(target), [{ n: 0 }]);
  });

  test('through the screens: the action runs from the record page and says so', async () => {
    const admin = await signIn(app, 'admin2');
    const html = await (await admin.get('/compte/jetons')).text();
    const response = await admin.postForm(`/om/om_utilisateur/${users.admin1}/reinitialiser`, { _csrf: csrfIn(html) });
    assert.equal(response.status, 303);
    assert.equal(runtime.sentMail[0]?.to, 'admin1@example.org');
  });

  test('only holders of om_utilisateur_reinitialiser (or om_utilisateur) may run it', async () => {
    const agent = await signIn(app, 'agent');
    const result = await runReset(agent, users.admin1);
    assert.equal(result.status, 403);
    assert.equal(runtime.sentMail.length, 0);
  });

  test('the record page: the reset action in the portlet, « Supprimer » hidden on one’s own account', async () => {
    const admin = await signIn(app, 'admin2');
    const other = decoded(await (await admin.get(`/om/om_utilisateur/${users.agent}`)).text());
    assert.match(other, new RegExp(`href="/om/om_utilisateur/${users.agent}/reinitialiser[^"]*"[^>]*>Réinitialiser le mot de passe<`));
    assert.match(other, new RegExp(`/om/om_utilisateur/${users.agent}/delete`));
    const own = decoded(await (await admin.get(`/om/om_utilisateur/${users.admin2}`)).text());
    assert.doesNotMatch(own, new RegExp(`/om/om_utilisateur/${users.admin2}/delete`));
    assert.match(own, /Réinitialiser le mot de passe/);
  });

  test('the add form takes the password set by the administrator; it is required for a new account', async () => {
    const admin = await signIn(app, 'admin2');
    const form = decoded(await (await admin.get('/om/om_utilisateur/new')).text());
    assert.match(form, /<legend>Connexion<\/legend>/);
    assert.match(form, /type="password"/);
    const submission = /name="_soumission" value="([^"]+)"/.exec(form)?.[1] ?? '';
    const fields = { _csrf: csrfIn(form), _soumission: submission, nom: 'Nouvelle Recrue', email: 'recrue@mairie.example', login: 'recrue', om_type: 'DB', actif: 'true', om_collectivite: '1', om_profil: '3' };
    const missing = await admin.postForm('/om/om_utilisateur', fields);
    assert.equal(missing.status, 422);
    assert.match(decoded(await missing.text()), /Le champ « Mot de passe » est obligatoire\./);
    const created = await admin.postForm('/om/om_utilisateur', { ...fields, password: 'Arrivee-2025-solide' });
    assert.equal(created.status, 303);
    const [stored] = await database().ownerQuery<{ pwd: string }>(`select pwd from om.om_utilisateur where login = 'recrue'`);
    assert.match(stored?.pwd ?? '', /^\$argon2id\$/);
    const recrue = new Browser(app);
    assert.equal((await recrue.login('recrue', 'Arrivee-2025-solide')).status, 303);
  });

  test('nobody deletes their own account', async () => {
    const admin = await signIn(app, 'admin2');
    const csrf = csrfIn(await (await admin.get('/compte/jetons')).text());
    const response = await admin.request(`/api/v1/om/om_utilisateur/${users.admin2}`, {
      method: 'DELETE',
      headers: { 'X-CSRF-Token': csrf, Accept: 'application/json' },
    });
    assert.equal(response.status, 422);
    assert.match(await response.text(), /Vous ne pouvez pas supprimer votre propre compte\./);
    const still = await database().ownerQuery(`select 1 from om.om_utilisateur where om_utilisateur = ${users.admin2}`);
    assert.equal(still.length, 1);
  });
});
