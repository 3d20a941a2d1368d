import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { authenticate } from '../src/access/login.ts';
import { findSession } from '../src/access/sessions.ts';
import { checkThrottle } from '../src/access/throttle.ts';
import type { Runtime } from '../src/runtime.ts';
import { describeEachDatabase } from './support/databases.ts';
import { createUser, testRuntime } from './support/auth.ts';

const GENERIC = 'Identifiant ou mot de passe incorrect.';
const PASSWORD = 'Mot-de-passe-42';

describeEachDatabase('login', (database) => {
  let runtime: Runtime;

  before(async () => {
    runtime = testRuntime(database(), {
      COMMUN_LOGIN_MAX_FAILURES: '3',
      COMMUN_LOGIN_MAX_FAILURES_PER_ADDRESS: '6',
      COMMUN_LOGIN_WINDOW_MINUTES: '15',
    });
    await createUser(database(), { login: 'agent', password: PASSWORD });
    await createUser(database(), { login: 'ancien', password: 'admin', legacyMd5: true });
    await createUser(database(), { login: 'annuaire', type: 'LDAP' });
    for (const login of ['lucie', 'marc', 'nadia', 'olivier']) await createUser(database(), { login, password: PASSWORD });
  });

  test('a right password opens a session', async () => {
    const result = await authenticate(runtime, 'agent', PASSWORD, '198.51.100.1');
    assert.equal(result.ok, true);
    if (!result.ok) return;
    const session = await findSession(runtime.db.kysely, runtime.config.session, result.token);
    assert.equal(session?.userId, result.userId);
    assert.equal(session?.id, result.session.id);
  });

  test('a wrong password and an unknown login get the same message', async () => {
    const wrong = await authenticate(runtime, 'agent', 'pas-le-bon', '198.51.100.2');
    const unknown = await authenticate(runtime, 'personne', 'pas-le-bon', '198.51.100.2');
    assert.deepEqual(wrong, { ok: false, reason: 'invalid', message: GENERIC });
    assert.deepEqual(unknown, { ok: false, reason: 'invalid', message: GENERIC });
  });

  test('a legacy md5 password works once and is rehashed with argon2id', async () => {
    const before = await database().ownerQuery<{ pwd: string }>(`select pwd from om.om_utilisateur where login = 'ancien'`);
    assert.match(before[0]!.pwd, /^[0-9a-f]{32}$/);
    assert.equal((await authenticate(runtime, 'ancien', 'admin', '198.51.100.3')).ok, true);
    const after = await database().ownerQuery<{ pwd: string }>(`select pwd from om.om_utilisateur where login = 'ancien'`);
    assert.match(after[0]!.pwd, /^\$argon2id\$/);
    assert.equal((await authenticate(runtime, 'ancien', 'admin', '198.51.100.3')).ok, true, 'the new hash verifies the same password');
    assert.equal((await authenticate(runtime, 'ancien', 'Admin', '198.51.100.3')).ok, false);
  });

  test('an LDAP account is refused with a clear message', async () => {
    const result = await authenticate(runtime, 'annuaire', PASSWORD, '198.51.100.4');
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.equal(result.reason, 'ldap');
    assert.match(result.message, /LDAP/);
  });

  test('an empty login or password is refused without any check', async () => {
    const result = await authenticate(runtime, '  ', PASSWORD, '198.51.100.5');
    assert.equal(result.ok, false);
    if (!result.ok) assert.equal(result.reason, 'missing');
  });

  test('a login is blocked after too many failures, even with the right password', async () => {
    for (let attempt = 0; attempt < 3; attempt++) assert.equal((await authenticate(runtime, 'lucie', 'faux', '198.51.100.10')).ok, false);
    const blocked = await authenticate(runtime, 'lucie', PASSWORD, '198.51.100.11');
    assert.equal(blocked.ok, false);
    if (blocked.ok) return;
    assert.equal(blocked.reason, 'throttled');
    assert.equal(blocked.message, 'Trop de tentatives de connexion. Réessayez dans 15 minutes.');
    // Other logins from the same address are not concerned; « Lucie » is the same login.
    assert.equal((await authenticate(runtime, 'marc', PASSWORD, '198.51.100.10')).ok, true);
    assert.equal((await authenticate(runtime, 'LUCIE', PASSWORD, '198.51.100.12')).ok, false);
  });

  test('the block ends when the failures leave the window', async () => {
    await database().asOwner(`update om.om_login_attempt set tente_le = tente_le - interval '10 minutes' where login = 'lucie'`);
    const decision = await checkThrottle(runtime.db.kysely, runtime.config.login, 'lucie', '198.51.100.13');
    assert.deepEqual(decision, { blocked: true, retryAfterMinutes: 5, message: 'Trop de tentatives de connexion. Réessayez dans 5 minutes.' });
    await database().asOwner(`update om.om_login_attempt set tente_le = tente_le - interval '5 minutes' where login = 'lucie'`);
    assert.equal((await authenticate(runtime, 'lucie', PASSWORD, '198.51.100.13')).ok, true);
  });

  test('a success clears the failures of the login', async () => {
    for (let attempt = 0; attempt < 2; attempt++) await authenticate(runtime, 'nadia', 'faux', '198.51.100.20');
    assert.equal((await authenticate(runtime, 'nadia', PASSWORD, '198.51.100.20')).ok, true);
    for (let attempt = 0; attempt < 2; attempt++) await authenticate(runtime, 'nadia', 'faux', '198.51.100.20');
    assert.equal((await authenticate(runtime, 'nadia', PASSWORD, '198.51.100.20')).ok, true);
  });

  test('an address is blocked after too many failures, whatever the login', async () => {
    const address = '203.0.113.66';
    for (const login of ['x1', 'x2', 'x3', 'x4', 'x5', 'x6']) await authenticate(runtime, login, 'faux', address);
    const blocked = await authenticate(runtime, 'olivier', PASSWORD, address);
    assert.equal(blocked.ok, false);
    if (!blocked.ok) assert.equal(blocked.reason, 'throttled');
    // A success from that address (another account) does not clear it.
    assert.equal((await authenticate(runtime, 'olivier', PASSWORD, address)).ok, false);
    assert.equal((await authenticate(runtime, 'olivier', PASSWORD, '203.0.113.67')).ok, true);
  });

  test('blocked attempts are not recorded, and no password is checked', async () => {
    const count = async () =>
      Number((await database().ownerQuery<{ n: number }>(`select count(*)::int as n from om.om_login_attempt where adresse = '203.0.113.66'`))[0]?.n);
    const before = await count();
    await authenticate(runtime, 'olivier', PASSWORD, '203.0.113.66');
    assert.equal(await count(), before);
  });
});
