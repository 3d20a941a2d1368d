import assert from 'node:assert/strict';
import { before, beforeEach, test } from 'node:test';
import type { Hono } from 'hono';
import jsQR from 'jsqr';
import { URI, type TOTP } from 'otpauth';
import { PNG } from 'pngjs';
import { syncPermissionVocabulary } from '../src/access/vocabulary.ts';
import { createSession } from '../src/access/sessions.ts';
import { recoveryCodeDigest } from '../src/access/totp/codes.ts';
import { useCode } from '../src/access/totp/store.ts';
import { createApp } from '../src/web/app.tsx';
import type { AppEnv } from '../src/web/env.ts';
import { Browser, createUser } from './support/auth.ts';
import { describeEachDatabase } from './support/databases.ts';
import { createTestRuntime, type TestRuntime } from './support/runtime.ts';

const PASSWORD = 'Mot-de-passe-42';
const KEY = 'cle-de-test-de-la-double-authentification';

describeEachDatabase('double authentification (TOTP)', (database) => {
  /** The instance as installed by default (`aucun`), and one requiring it of administrators. */
  let plain: Hono<AppEnv>;
  let strict: Hono<AppEnv>;
  let runtime: TestRuntime;
  const ids: Record<string, number> = {};

  before(async () => {
    const config = { baseUrl: 'http://commun.test', instanceSecret: KEY, login: { maxFailuresPerLogin: 3, maxFailuresPerAddress: 50, windowMinutes: 15 } };
    runtime = await createTestRuntime(database(), { config });
    await syncPermissionVocabulary(runtime.db.kysely, runtime.registry);
    const strictRuntime = await createTestRuntime(database(), { config: { ...config, twoFactor: { required: 'administrateurs' } } });
    plain = createApp(runtime);
    strict = createApp(strictRuntime);
    for (const [login, profil] of [['agent', 3], ['replay', 3], ['api', 3], ['chef', 1], ['admin2', 1], ['lucie', 3]] as const) {
      ids[login] = await createUser(database(), { login, password: PASSWORD, profil, collectivite: profil === 1 ? 2 : 1, nom: login });
    }
    ids.annu = await createUser(database(), { login: 'annu', type: 'LDAP' });
  });
  beforeEach(() => database().asOwner('delete from om.om_login_attempt'));

  /** Signs in through the form; returns the browser and where the answer sent it. */
  async function passwordStep(app: Hono<AppEnv>, login: string, cameFrom?: string) {
    const browser = new Browser(app);
    const token = await browser.formToken('/login');
    const response = await browser.postForm('/login', { _csrf: token, login, password: PASSWORD, ...(cameFrom ? { came_from: cameFrom } : {}) });
    return { browser, response, location: response.headers.get('Location') ?? '' };
  }

  /** Reads the QR code of the enrolment page and returns the TOTP it holds. */
  function totpOfPage(html: string): TOTP {
    const base64 = /<img src="data:image\/png;base64,([A-Za-z0-9+/=]+)"/.exec(html)?.[1];
    assert.ok(base64, 'the page shows a QR code');
    const png = PNG.sync.read(Buffer.from(base64, 'base64'));
    const decoded = jsQR.default(new Uint8ClampedArray(png.data), png.width, png.height);
    assert.ok(decoded, 'the QR code reads');
    const otp = URI.parse(decoded.data);
    assert.equal(otp.constructor.name, 'TOTP');
    return otp as TOTP;
  }

  /** Enrols a signed-in browser from its page; returns the TOTP and the recovery codes shown. */
  async function enrol(browser: Browser, login: string): Promise<{ totp: TOTP; codes: string[] }> {
    const page = await (await browser.get('/two-factor')).text();
    const totp = totpOfPage(page);
    assert.equal(totp.issuer, 'Commun');
    assert.equal(totp.label, login);
    assert.equal(/<code class="cle-totp">([^<]*)<\/code>/.exec(page)?.[1], totp.secret.base32.replace(/(.{4})(?=.)/g, '$1 '), 'the key, in groups of four');
    const token = /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
    const wrong = await browser.postForm('/two-factor/activate', { _csrf: token, code: totp.generate({ timestamp: Date.now() - 300_000 }) });
    assert.equal(wrong.status, 422);
    assert.match(await wrong.text(), /Ce code ne correspond pas/);
    const done = await browser.postForm('/two-factor/activate', { _csrf: token, code: totp.generate() });
    assert.equal(done.status, 200);
    const html = await done.text();
    assert.match(html, /Double authentification activée/);
    const codes = [...html.matchAll(/<code>([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})<\/code>/g)].map((match) => match[1] ?? '');
    assert.equal(codes.length, 10);
    return { totp, codes };
  }

  /** Lets a code of the current step serve again (each test signs in as if in its own 30 seconds). */
  const nextWindow = (login: string) => database().asOwner(`update om.om_double_authentification set dernier_pas = null where om_utilisateur = ${ids[login]}`);

  async function codeStep(browser: Browser, code: string) {
    const token = await browser.formToken('/login/code');
    return browser.postForm('/login/code', { _csrf: token, code });
  }

  let agentTotp: TOTP;
  let agentCodes: string[];

  test('an agent enrols from his page (QR code, key, first code), sees his recovery codes once; the secret is sealed', async () => {
    const { browser, location } = await passwordStep(plain, 'agent');
    assert.equal(location, '/', 'no second factor yet: the password suffices');
    const home = await (await browser.get('/')).text();
    assert.match(home, /<a href="\/two-factor">Double authentification<\/a>/, 'in the personal actions, beside the password');
    ({ totp: agentTotp, codes: agentCodes } = await enrol(browser, 'agent'));

    const rows = await database().ownerQuery<Record<string, unknown>>(`select * from om.om_double_authentification where om_utilisateur = ${ids.agent}`);
    assert.equal(rows.length, 1);
    const stored = JSON.stringify(rows[0]);
    assert.match(String(rows[0]?.secret_chiffre), /^v1\./);
    assert.ok(!stored.includes(agentTotp.secret.base32), 'the secret is not in clear');
    assert.ok(!stored.includes(agentTotp.secret.hex), 'nor in hex');
    assert.ok(rows[0]?.active_le);
    const digests = await database().ownerQuery<{ empreinte: string }>(`select empreinte from om.om_code_secours where om_utilisateur = ${ids.agent} order by empreinte`);
    assert.deepEqual(digests.map((row) => row.empreinte), agentCodes.map(recoveryCodeDigest).sort());
    // Another instance key cannot open it.
    const elsewhere = { instanceSecret: 'une-tout-autre-cle-d-instance-32-caracteres', dataDir: runtime.config.dataDir };
    assert.equal(await useCode(runtime.db.kysely, elsewhere, ids.agent!, agentTotp.generate()), 'unreadable');

    const status = await (await browser.get('/two-factor')).text();
    assert.match(status, /La double authentification est active sur votre compte depuis le \d{2}\/\d{2}\/\d{4}/);
    assert.match(status, /Codes de secours encore valables : 10/);
    assert.ok(!/<code>[A-Z0-9]{4}-/.test(status), 'the recovery codes are never shown again');
  });

  test('sign-in: the password alone opens no session; the right code does, keeping came_from and the flash', async () => {
    await nextWindow('agent');
    const { browser, response, location } = await passwordStep(plain, 'agent', '/two-factor');
    assert.equal(response.status, 303);
    assert.equal(location, '/login/code');
    assert.ok(!browser.cookies.has('commun_session'), 'no session yet');
    assert.ok(browser.cookies.has('commun_verification'));
    assert.equal((await browser.get('/two-factor')).headers.get('Location'), '/login?came_from=%2Ftwo-factor', 'nothing else is open');
    const page = await (await browser.get('/login/code')).text();
    assert.match(page, /<h1>Code de vérification<\/h1>/);
    assert.match(page, /autocomplete="one-time-code"/);

    const ok = await codeStep(browser, agentTotp.generate());
    assert.equal(ok.status, 303);
    assert.equal(ok.headers.get('Location'), '/two-factor');
    assert.ok(browser.cookies.has('commun_session'));
    assert.ok(!browser.cookies.has('commun_verification'), 'the challenge is over');
    const after = await browser.get('/two-factor');
    assert.equal(after.status, 200);
    assert.match(await after.text(), /<p role="status">Votre session est maintenant ouverte\.<\/p>/);
  });

  test('a code serves once: replayed in its own 30 seconds, it is refused', async () => {
    const signedIn = new Browser(plain);
    signedIn.cookies.set('commun_session', (await createSession(runtime.db.kysely, runtime.config.session, ids.replay!)).token);
    const { totp } = await enrol(signedIn, 'replay');
    // The code that confirmed the enrolment is used up too: the next sign-in waits for the next 30 seconds.
    const [{ pas } = { pas: 0 }] = await database().ownerQuery<{ pas: string }>(
      `select dernier_pas::text as pas from om.om_double_authentification where om_utilisateur = ${ids.replay}`,
    );
    const same = await passwordStep(plain, 'replay');
    assert.equal((await codeStep(same.browser, totp.generate({ timestamp: Number(pas) * 30_000 }))).status, 401);
    await nextWindow('replay');
    const a = await passwordStep(plain, 'replay');
    const code = totp.generate();
    assert.equal((await codeStep(a.browser, code)).status, 303);
    const b = await passwordStep(plain, 'replay');
    const replayed = await codeStep(b.browser, code);
    assert.equal(replayed.status, 401);
    assert.match(await replayed.text(), /Code de vérification incorrect ou déjà utilisé/);
    assert.ok(!b.browser.cookies.has('commun_session'));
  });

  test('wrong codes count in the login throttle, like wrong passwords', async () => {
    await nextWindow('agent');
    const { browser } = await passwordStep(plain, 'agent');
    for (let attempt = 0; attempt < 3; attempt++) {
      const wrong = await codeStep(browser, '000000');
      assert.equal(wrong.status, 401);
    }
    const blocked = await codeStep(browser, agentTotp.generate());
    assert.equal(blocked.status, 429, 'even the right code waits now');
    assert.match(await blocked.text(), /Trop de tentatives|réessayez/i);
    const again = await passwordStep(plain, 'agent');
    assert.equal(again.response.status, 429, 'and so does the password');
  });

  test('a recovery code works once', async () => {
    const { browser } = await passwordStep(plain, 'agent');
    const code = agentCodes[0]!;
    assert.equal((await codeStep(browser, code.toLowerCase())).status, 303);
    const second = await passwordStep(plain, 'agent');
    assert.equal((await codeStep(second.browser, code)).status, 401);
    const left = await database().ownerQuery<{ n: number }>(`select count(*)::integer as n from om.om_code_secours where om_utilisateur = ${ids.agent} and utilise_le is null`);
    assert.deepEqual(left, [{ n: 9 }]);
  });

  test('new recovery codes, against a code of the app (not a recovery code); the old ones stop working', async () => {
    await nextWindow('agent');
    const browser = new Browser(plain);
    browser.cookies.set('commun_session', (await createSession(runtime.db.kysely, runtime.config.session, ids.agent!)).token);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await (await browser.get('/two-factor')).text())?.[1] ?? '';
    const withRecovery = await browser.postForm('/two-factor/recovery-codes', { _csrf: csrf, code: agentCodes[1]! });
    assert.equal(withRecovery.status, 401);
    const renewed = await browser.postForm('/two-factor/recovery-codes', { _csrf: csrf, code: agentTotp.generate() });
    assert.equal(renewed.status, 200);
    const html = await renewed.text();
    assert.match(html, /Voici vos nouveaux codes de secours/);
    const fresh = [...html.matchAll(/<code>([A-Z0-9-]{19})<\/code>/g)].map((match) => match[1] ?? '');
    assert.equal(fresh.length, 10);
    const old = await passwordStep(plain, 'agent');
    assert.equal((await codeStep(old.browser, agentCodes[1]!)).status, 401, 'an old, unused code no longer works');
    const now = await passwordStep(plain, 'agent');
    assert.equal((await codeStep(now.browser, fresh[0]!)).status, 303);
    agentCodes = fresh.slice(1);
  });

  test('an expired challenge sends back to the login form', async () => {
    await nextWindow('agent');
    const { browser } = await passwordStep(plain, 'agent');
    const token = await browser.formToken('/login/code');
    await database().asOwner(`update om.om_verification_connexion set expire_le = now() - interval '1 second' where om_utilisateur = ${ids.agent}`);
    const late = await browser.postForm('/login/code', { _csrf: token, code: agentTotp.generate() });
    assert.equal(late.status, 303);
    assert.equal(late.headers.get('Location'), '/login');
    assert.match(await (await browser.get('/login')).text(), /Votre connexion a expiré/);
    assert.ok(!browser.cookies.has('commun_session'));
  });

  test('API login: a clear error without the code, a session with it; personal API tokens are unaffected', async () => {
    const signedIn = new Browser(plain);
    signedIn.cookies.set('commun_session', (await createSession(runtime.db.kysely, runtime.config.session, ids.api!)).token);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await (await signedIn.get('/two-factor')).text())?.[1] ?? '';
    const created = await signedIn.postJson('/api/v1/me/tokens', { libelle: 'script' }, { 'X-CSRF-Token': csrf });
    assert.equal(created.status, 201);
    const bearer = ((await created.json()) as { jeton: string }).jeton;
    const { totp } = await enrol(signedIn, 'api');
    await nextWindow('api');

    const client = new Browser(plain);
    const anonymous = ((await (await client.get('/api/v1/csrf')).json()) as { csrfToken: string }).csrfToken;
    const post = (body: unknown) => client.postJson('/api/v1/login', body, { 'X-CSRF-Token': anonymous, Accept: 'application/json' });
    const without = await post({ login: 'api', password: PASSWORD });
    assert.equal(without.status, 401);
    const error = ((await without.json()) as { error: { code: string; message: string } }).error;
    assert.equal(error.code, 'second_factor_required');
    assert.match(error.message, /code de vérification est demandé/);
    assert.ok(!client.cookies.has('commun_session'));
    const wrong = await post({ login: 'api', password: PASSWORD, code: '000000' });
    assert.equal(wrong.status, 401);
    assert.equal(((await wrong.json()) as { error: { code: string } }).error.code, 'invalid_second_factor');
    const right = await post({ login: 'api', password: PASSWORD, code: totp.generate() });
    assert.equal(right.status, 200);
    assert.ok(client.cookies.has('commun_session'));
    const other = new Browser(plain);
    const otherCsrf = ((await (await other.get('/api/v1/csrf')).json()) as { csrfToken: string }).csrfToken;
    const badPassword = await other.postJson('/api/v1/login', { login: 'api', password: 'pas-le-bon', code: totp.generate() }, {
      'X-CSRF-Token': otherCsrf, Accept: 'application/json',
    });
    assert.equal(((await badPassword.json()) as { error: { code: string } }).error.code, 'invalid_credentials', 'the password first');

    const me = await new Browser(plain).get('/api/v1/me', { Authorization: `Bearer ${bearer}` });
    assert.equal(me.status, 200, 'a personal token still works alone');
  });

  test('required for administrators: the password leads to enrolment only, then the session opens', async () => {
    const agent = await passwordStep(strict, 'lucie');
    assert.equal(agent.location, '/', 'an agent is not concerned');

    const api = await new Browser(strict).postJson('/api/v1/login', { login: 'chef', password: PASSWORD }, {
      'X-CSRF-Token': 'x', Accept: 'application/json',
    });
    assert.ok([401, 403].includes(api.status));

    const { browser, location } = await passwordStep(strict, 'chef', '/om/om_utilisateur');
    assert.equal(location, '/two-factor');
    assert.ok(!browser.cookies.has('commun_session'));
    assert.match((await browser.get('/om/om_utilisateur')).headers.get('Location') ?? '', /^\/login/, 'no other page');
    const page = await (await browser.get('/two-factor')).text();
    assert.match(page, /La double authentification est obligatoire pour votre compte/);
    const totp = totpOfPage(page);
    const token = /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
    const done = await browser.postForm('/two-factor/activate', { _csrf: token, code: totp.generate() });
    assert.equal(done.status, 200);
    const html = await done.text();
    assert.match(html, /<a href="\/om\/om_utilisateur">Continuer<\/a>/, 'came_from kept');
    assert.equal([...html.matchAll(/<code>[A-Z0-9-]{19}<\/code>/g)].length, 10);
    assert.ok(browser.cookies.has('commun_session'));
    assert.equal((await browser.get('/om/om_utilisateur')).status, 200);

    // Required: it cannot be turned off.
    const status = await (await browser.get('/two-factor')).text();
    assert.match(status, /Elle est obligatoire pour votre compte/);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(status)?.[1] ?? '';
    const off = await browser.postForm('/two-factor/deactivate', { _csrf: csrf, password: PASSWORD, code: totp.generate({ timestamp: Date.now() + 30_000 }) });
    assert.equal(off.status, 403);
    assert.match(await off.text(), /ne peut pas être désactivée/);
  });

  test('API login of an administrator who must still enrol: a clear error', async () => {
    const client = new Browser(strict);
    const anonymous = ((await (await client.get('/api/v1/csrf')).json()) as { csrfToken: string }).csrfToken;
    const response = await client.postJson('/api/v1/login', { login: 'admin2', password: PASSWORD }, { 'X-CSRF-Token': anonymous, Accept: 'application/json' });
    assert.equal(response.status, 401);
    assert.equal(((await response.json()) as { error: { code: string } }).error.code, 'second_factor_enrolment_required');
  });

  test('an agent turns it off with his password and a code', async () => {
    await nextWindow('agent');
    const browser = new Browser(plain);
    browser.cookies.set('commun_session', (await createSession(runtime.db.kysely, runtime.config.session, ids.agent!)).token);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await (await browser.get('/two-factor')).text())?.[1] ?? '';
    const wrong = await browser.postForm('/two-factor/deactivate', { _csrf: csrf, password: 'pas-le-bon', code: agentTotp.generate() });
    assert.equal(wrong.status, 401);
    assert.match(await wrong.text(), /Mot de passe incorrect/);
    const off = await browser.postForm('/two-factor/deactivate', { _csrf: csrf, password: PASSWORD, code: agentTotp.generate() });
    assert.equal(off.status, 303);
    assert.match(await (await browser.get('/two-factor')).text(), /La double authentification est désactivée sur votre compte/);
    assert.equal((await passwordStep(plain, 'agent')).location, '/');
  });

  test('an administrator resets a user’s second factor (lost phone), journalled in the audit', async () => {
    const admin = new Browser(plain);
    admin.cookies.set('commun_session', (await createSession(runtime.db.kysely, runtime.config.session, ids.admin2!)).token);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await (await admin.get('/two-factor')).text())?.[1] ?? '';
    const consult = await (await admin.get(`/om/om_utilisateur/${ids.chef}`)).text();
    assert.match(consult, /Réinitialiser la double authentification/);
    // The user's page says whether it is on, never the secret.
    assert.match(consult, /<dt>Double authentification<\/dt><dd>activée le \d{2}\/\d{2}\/\d{4} \(10 code\(s\) de secours restant\(s\)\)<\/dd>/);
    assert.match(await (await admin.get(`/om/om_utilisateur/${ids.lucie}`)).text(), /<dt>Double authentification<\/dt><dd>non activée<\/dd>/);
    assert.match(await (await admin.get(`/om/om_utilisateur/${ids.annu}`)).text(), /<dt>Double authentification<\/dt><dd>relève de l’annuaire<\/dd>/);
    const reset = (userId: number) =>
      admin.postJson(`/api/v1/om/om_utilisateur/${userId}/reinitialiser_double_authentification`, {}, { 'X-CSRF-Token': csrf, Accept: 'application/json' });
    const done = await reset(ids.chef!);
    assert.equal(done.status, 200);
    assert.match(((await done.json()) as { message: string }).message, /La double authentification de chef est réinitialisée/);
    assert.deepEqual(await database().ownerQuery(`select 1 from om.om_double_authentification where om_utilisateur = ${ids.chef}`), []);
    assert.match(await (await admin.get(`/om/om_utilisateur/${ids.chef}`)).text(), /<dt>Double authentification<\/dt><dd>non activée<\/dd>/);
    const audit = await database().ownerQuery<{ login: string }>(
      `select login from om.om_audit where objet = 'om_utilisateur' and action = 'reinitialiser_double_authentification' and cle = '${ids.chef}'`,
    );
    assert.deepEqual(audit, [{ login: 'admin2' }]);
    const none = await reset(ids.lucie!);
    assert.equal(none.status, 422);
    assert.match(JSON.stringify(await none.json()), /n’a pas de double authentification/);
    // The administrator's page is again the enrolment, and for the strict instance the next sign-in asks for it.
    assert.equal((await passwordStep(strict, 'chef')).location, '/two-factor');
  });

  test('LDAP accounts are not concerned: the page says so', async () => {
    const browser = new Browser(plain);
    browser.cookies.set('commun_session', (await createSession(runtime.db.kysely, runtime.config.session, ids.annu!)).token);
    const html = await (await browser.get('/two-factor')).text();
    assert.match(html, /Votre compte est géré par l’annuaire de votre collectivité \(LDAP\)/);
    assert.ok(!html.includes('data:image/png'));
  });
});
