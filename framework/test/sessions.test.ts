import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { before, test } from 'node:test';
import { loadActor } from '../src/access/load-actor.ts';
import {
  createSession,
  findSession,
  revokeSession,
  revokeUserSessions,
  setWorkingCollectivite,
} from '../src/access/sessions.ts';
import { describeEachDatabase } from './support/databases.ts';
import { createUser } from './support/auth.ts';

const policy = { idleMinutes: 60, absoluteHours: 12 };
const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

describeEachDatabase('sessions and actors', (database) => {
  let agent: number;
  let consultant: number;
  let admin: number;
  let multi: number;
  const db = () => database().db.kysely;

  before(async () => {
    agent = await createUser(database(), { login: 'agent', profil: 3, collectivite: 1 });
    consultant = await createUser(database(), { login: 'consultant', profil: 5, collectivite: 1 });
    admin = await createUser(database(), { login: 'chef', profil: 1, collectivite: 1 });
    multi = await createUser(database(), { login: 'syndicat', profil: 2, collectivite: 2 });
    await database().asOwner(`insert into om.om_collectivite (om_collectivite, libelle, niveau) values (3, 'Bourg-la-Reine', '1')`);
  });

  test('the table stores only the SHA-256 of the cookie token', async () => {
    const { token, session } = await createSession(db(), policy, agent, { address: '192.0.2.1', userAgent: 'test' });
    assert.match(token, /^[A-Za-z0-9_-]{43}$/);
    assert.equal(session.id, sha256(token));
    const rows = await database().ownerQuery<{ om_session: string; csrf_token: string }>(
      `select om_session, csrf_token from om.om_session where om_utilisateur = ${agent}`,
    );
    assert.ok(rows.some((row) => row.om_session === sha256(token)));
    assert.ok(rows.every((row) => row.om_session !== token));
    assert.deepEqual(await findSession(db(), policy, token), session);
    assert.equal(await findSession(db(), policy, `${token}x`), undefined);
    assert.equal(await findSession(db(), policy, ''), undefined);
  });

  test('a session idle for longer than the idle limit has ended', async () => {
    const { token, session } = await createSession(db(), policy, agent);
    await database().asOwner(`update om.om_session set vu_le = now() - interval '59 minutes' where om_session = '${session.id}'`);
    assert.ok(await findSession(db(), policy, token), 'still open after 59 minutes');
    await database().asOwner(`update om.om_session set vu_le = now() - interval '61 minutes' where om_session = '${session.id}'`);
    assert.equal(await findSession(db(), policy, token), undefined);
  });

  test('a session older than its absolute limit has ended, however active', async () => {
    const { token, session } = await createSession(db(), policy, agent);
    const rows = await database().ownerQuery<{ hours: number }>(
      `select round(extract(epoch from expire_le - cree_le) / 3600)::int as hours from om.om_session where om_session = '${session.id}'`,
    );
    assert.equal(rows[0]?.hours, 12);
    await database().asOwner(`update om.om_session set expire_le = now() - interval '1 second', vu_le = now() where om_session = '${session.id}'`);
    assert.equal(await findSession(db(), policy, token), undefined);
  });

  test('vu_le is refreshed at most once a minute', async () => {
    const { token, session } = await createSession(db(), policy, agent);
    const seen = async () =>
      (await database().ownerQuery<{ age: number }>(`select extract(epoch from now() - vu_le)::int as age from om.om_session where om_session = '${session.id}'`))[0]?.age;
    await database().asOwner(`update om.om_session set vu_le = now() - interval '30 seconds' where om_session = '${session.id}'`);
    await findSession(db(), policy, token);
    assert.ok((await seen())! >= 29, 'not written again within the minute');
    await database().asOwner(`update om.om_session set vu_le = now() - interval '5 minutes' where om_session = '${session.id}'`);
    await findSession(db(), policy, token);
    assert.ok((await seen())! <= 1, 'written after a minute');
  });

  test('revoking one session, then all the sessions of a user', async () => {
    const one = await createSession(db(), policy, consultant);
    const two = await createSession(db(), policy, consultant);
    const other = await createSession(db(), policy, agent);
    await revokeSession(db(), one.session.id);
    assert.equal(await findSession(db(), policy, one.token), undefined);
    assert.ok(await findSession(db(), policy, two.token));
    await createSession(db(), policy, consultant);
    assert.equal(await revokeUserSessions(db(), consultant), 2);
    assert.equal(await findSession(db(), policy, two.token), undefined);
    assert.ok(await findSession(db(), policy, other.token), 'other users keep their sessions');
  });

  test('permissions follow the profile hierarchy', async () => {
    const consultation = await loadActor(db(), consultant);
    assert.deepEqual([...consultation!.permissions].sort(), ['api_token', 'password']);
    const utilisateur = await loadActor(db(), agent);
    assert.deepEqual([...utilisateur!.permissions].sort(), ['api_token', 'edition', 'password']);
    const administrateur = await loadActor(db(), admin);
    assert.ok(administrateur!.permissions.has('om_utilisateur'));
    assert.ok(administrateur!.permissions.has('om_etat'));
    assert.ok(administrateur!.permissions.has('password'));
    assert.equal(administrateur!.profileLabel, 'ADMINISTRATEUR');
    assert.equal(administrateur!.hierarchy, 5);
    assert.equal(await loadActor(db(), 999_999), undefined);
  });

  test('a niveau-1 user always works in their own collectivité', async () => {
    const actor = await loadActor(db(), agent, 2);
    assert.equal(actor?.niveau, '1');
    assert.equal(actor?.collectivite, 1);
    assert.equal(actor?.workingCollectivite, 1);
    assert.equal(actor?.via, 'session');
  });

  test('a niveau-2 user works in the collectivité chosen for the session', async () => {
    const { token, session } = await createSession(db(), policy, multi);
    const plain = await loadActor(db(), multi, session.workingCollectivite);
    assert.equal(plain?.niveau, '2');
    assert.equal(plain?.workingCollectivite, 2);
    await setWorkingCollectivite(db(), session.id, 3);
    const found = await findSession(db(), policy, token);
    assert.equal(found?.workingCollectivite, 3);
    assert.equal((await loadActor(db(), multi, found?.workingCollectivite))?.workingCollectivite, 3);
    // A collectivité that does not exist (any more): back to their own.
    assert.equal((await loadActor(db(), multi, 42))?.workingCollectivite, 2);
    await setWorkingCollectivite(db(), session.id, null);
    assert.equal((await findSession(db(), policy, token))?.workingCollectivite, undefined);
  });
});
