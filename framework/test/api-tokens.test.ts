import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { before, test } from 'node:test';
import type { Hono } from 'hono';
import { authenticateBearer, createApiToken, listApiTokens, revokeApiToken } from '../src/access/api-tokens.ts';
import type { Runtime } from '../src/runtime.ts';
import type { AppEnv } from '../src/web/env.ts';
import { describeEachDatabase } from './support/databases.ts';
import { Browser, createUser, testApp, testRuntime } from './support/auth.ts';

const PASSWORD = 'Mot-de-passe-42';
const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

describeEachDatabase('API tokens', (database) => {
  let runtime: Runtime;
  let app: Hono<AppEnv>;
  let paul: number;
  let rose: number;
  const db = () => runtime.db.kysely;

  before(async () => {
    runtime = testRuntime(database());
    app = testApp(runtime);
    paul = await createUser(database(), { login: 'paul', password: PASSWORD, profil: 3 });
    rose = await createUser(database(), { login: 'rose', password: PASSWORD, profil: 3 });
  });

  test('the full token is returned once; the table keeps its SHA-256 and prefix only', async () => {
    const { token, info } = await createApiToken(db(), paul, 'Export nocturne');
    assert.match(token, /^cmn_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/);
    assert.equal(info.prefix, token.slice(0, 12));
    assert.equal(info.label, 'Export nocturne');
    assert.equal(info.revokedAt, null);
    assert.match(info.createdAt, /^\d{4}-\d{2}-\d{2}T/);
    const rows = await database().ownerQuery<Record<string, unknown>>(`select * from om.om_api_token where om_api_token = ${info.id}`);
    assert.equal(rows[0]?.empreinte, sha256(token));
    assert.equal(rows[0]?.prefixe, token.slice(4, 12));
    assert.ok(!JSON.stringify(rows).includes(token.slice(13)), 'the secret is stored nowhere');
    const listed = await listApiTokens(db(), paul);
    assert.ok(!JSON.stringify(listed).includes(token.slice(13)));
  });

  test('a token authenticates its owner and records its use', async () => {
    const { token, info } = await createApiToken(db(), paul, 'script');
    const actor = await authenticateBearer(db(), token);
    assert.equal(actor?.userId, paul);
    assert.equal(actor?.via, 'token');
    assert.ok(actor?.permissions.has('edition'));
    const [used] = (await listApiTokens(db(), paul)).filter((item) => item.id === info.id);
    assert.ok(used?.lastUsedAt);
  });

  test('revoked, expired, unknown or malformed tokens are refused', async () => {
    const revoked = await createApiToken(db(), paul, 'révoqué');
    assert.equal(await revokeApiToken(db(), rose, revoked.info.id), false, 'not someone else’s');
    assert.equal(await revokeApiToken(db(), paul, revoked.info.id), true);
    assert.equal(await revokeApiToken(db(), paul, revoked.info.id), false, 'already revoked');
    assert.equal(await authenticateBearer(db(), revoked.token), undefined);

    const expired = await createApiToken(db(), paul, 'expiré', new Date(Date.now() + 60_000));
    assert.ok(await authenticateBearer(db(), expired.token));
    await database().asOwner(`update om.om_api_token set expire_le = now() - interval '1 second' where om_api_token = ${expired.info.id}`);
    assert.equal(await authenticateBearer(db(), expired.token), undefined);

    const good = await createApiToken(db(), paul, 'bon');
    const forged = `${good.token.slice(0, -1)}${good.token.endsWith('A') ? 'B' : 'A'}`;
    assert.equal(await authenticateBearer(db(), forged), undefined);
    assert.equal(await authenticateBearer(db(), 'cmn_x'), undefined);
    assert.equal(await authenticateBearer(db(), ''), undefined);
  });

  test('managing one’s tokens through the API', async () => {
    const browser = new Browser(app);
    const anonymous = (await (await browser.get('/api/v1/csrf')).json()) as { csrfToken: string };
    const { csrfToken } = (await (await browser.postJson('/api/v1/login', { login: 'rose', password: PASSWORD }, { 'X-CSRF-Token': anonymous.csrfToken })).json()) as {
      csrfToken: string;
    };
    const headers = { 'X-CSRF-Token': csrfToken };

    assert.equal((await browser.postJson('/api/v1/me/tokens', { libelle: 'sans jeton CSRF' })).status, 403);
    assert.equal((await browser.postJson('/api/v1/me/tokens', { libelle: '' }, headers)).status, 400);
    assert.equal((await browser.postJson('/api/v1/me/tokens', { libelle: 'passé', expire_le: '2001-01-01' }, headers)).status, 422);
    assert.equal((await browser.postJson('/api/v1/me/tokens', { libelle: 'faux', expire_le: '2030-02-30' }, headers)).status, 422);

    const created = await browser.postJson('/api/v1/me/tokens', { libelle: 'Tableur', expire_le: '2099-12-31' }, headers);
    assert.equal(created.status, 201);
    const body = (await created.json()) as { id: number; jeton: string; prefixe: string; expire_le: string; message: string };
    assert.match(body.jeton, /^cmn_/);
    assert.equal(body.prefixe, body.jeton.slice(0, 12));
    assert.match(body.expire_le, /^(2099-12-31|2100-01-01)T/);
    assert.match(body.message, /ne sera plus jamais affiché/);

    const list = (await (await browser.get('/api/v1/me/tokens')).json()) as { data: { id: number; prefixe: string }[] };
    assert.equal(list.data.length, 1);
    assert.ok(!JSON.stringify(list).includes(body.jeton.slice(13)), 'the list never shows the secret');

    // The token works, is exempt from CSRF, but cannot mint another token.
    const bearer = { Authorization: `Bearer ${body.jeton}` };
    assert.equal((await browser.get('/api/v1/me/tokens', bearer)).status, 200);
    const minted = await browser.postJson('/api/v1/me/tokens', { libelle: 'rebond' }, bearer);
    assert.equal(minted.status, 403);

    // Someone else's token is « not found ».
    const paulsToken = await createApiToken(db(), paul, 'de paul');
    assert.equal((await browser.request(`/api/v1/me/tokens/${paulsToken.info.id}`, { method: 'DELETE', headers })).status, 404);
    assert.ok(await authenticateBearer(db(), paulsToken.token));

    assert.equal((await browser.request(`/api/v1/me/tokens/${body.id}`, { method: 'DELETE' })).status, 403, 'CSRF applies to DELETE');
    assert.equal((await browser.request(`/api/v1/me/tokens/${body.id}`, { method: 'DELETE', headers })).status, 204);
    assert.equal((await browser.get('/api/v1/me', bearer)).status, 401);
    const after = (await (await browser.get('/api/v1/me/tokens')).json()) as { data: { revoque_le: string | null }[] };
    assert.ok(after.data[0]?.revoque_le);
  });

  test('managing tokens needs the api_token permission', async () => {
    await database().asOwner(`delete from om.om_droit where libelle = 'api_token'`);
    try {
      const { token } = await createApiToken(db(), rose, 'encore');
      const browser = new Browser(app);
      assert.equal((await browser.get('/api/v1/me/tokens', { Authorization: `Bearer ${token}` })).status, 403);
    } finally {
      await database().asOwner(`insert into om.om_droit (libelle, om_profil) values ('api_token', 5)`);
    }
  });
});
