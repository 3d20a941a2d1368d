/**
 * Signatures are verified, not merely decoded: a provider on this machine that answers the token
 * request with an ID token signed by a key it does not publish, with `alg: none`, or with an HMAC
 * of the client secret, opens no session; the same token properly signed does (the control that
 * shows the refusals come from the signature). Also: ProConnect's userinfo must come signed.
 */
import assert from 'node:assert/strict';
import { createHmac, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import type { Hono } from 'hono';
import { pino } from 'pino';
import type { Runtime } from '../src/runtime.ts';
import type { AppEnv } from '../src/web/env.ts';
import { Browser, createUser, testApp, testRuntime } from './support/auth.ts';
import { describeEachDatabase } from './support/databases.ts';

const BASE = 'http://commun.test';
const CLIENT_ID = 'client-faux';
const CLIENT_SECRET = randomBytes(24).toString('base64url');

type Mode = 'good' | 'other-key' | 'none' | 'hs256' | 'json-userinfo';

const published = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const unpublished = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const KID = 'cle-publiee';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

function jwt(mode: Mode, claims: Record<string, unknown>): string {
  const alg = mode === 'none' ? 'none' : mode === 'hs256' ? 'HS256' : 'ES256';
  const input = `${b64({ alg, kid: KID, typ: 'JWT' })}.${b64(claims)}`;
  if (mode === 'none') return `${input}.`;
  if (mode === 'hs256') return `${input}.${createHmac('sha256', CLIENT_SECRET).update(input).digest('base64url')}`;
  const key: KeyObject = mode === 'other-key' ? unpublished.privateKey : published.privateKey;
  return `${input}.${sign('sha256', Buffer.from(input), { key, dsaEncoding: 'ieee-p1363' }).toString('base64url')}`;
}

/** A provider that signs what the test says, and remembers the nonce of the last authorization request. */
class RogueProvider {
  mode: Mode = 'good';
  nonce = '';
  issuer = '';
  private server: Server | undefined;

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      const url = new URL(request.url ?? '/', this.issuer);
      const json = (body: unknown, type = 'application/json') => {
        response.writeHead(200, { 'Content-Type': type });
        response.end(typeof body === 'string' ? body : JSON.stringify(body));
      };
      if (url.pathname === '/.well-known/openid-configuration') {
        return json({
          issuer: this.issuer,
          authorization_endpoint: `${this.issuer}/authorize`,
          token_endpoint: `${this.issuer}/token`,
          userinfo_endpoint: `${this.issuer}/userinfo`,
          jwks_uri: `${this.issuer}/jwks`,
          end_session_endpoint: `${this.issuer}/session/end`,
          id_token_signing_alg_values_supported: ['ES256', 'RS256', 'HS256', 'none'],
          userinfo_signing_alg_values_supported: ['ES256'],
          response_types_supported: ['code'],
          subject_types_supported: ['public'],
          token_endpoint_auth_methods_supported: ['client_secret_post'],
        });
      }
      if (url.pathname === '/jwks') return json({ keys: [{ ...published.publicKey.export({ format: 'jwk' }), kid: KID, alg: 'ES256', use: 'sig' }] });
      const now = Math.floor(Date.now() / 1000);
      const claims = { iss: this.issuer, sub: 'agent-faux', aud: CLIENT_ID, iat: now, exp: now + 300, email: 'agent.faux@ville.test', siret: '21750001600019' };
      if (url.pathname === '/token') {
        return json({ access_token: `jeton-${this.mode}`, token_type: 'Bearer', expires_in: 60, id_token: jwt(this.mode, { ...claims, nonce: this.nonce }) });
      }
      if (url.pathname === '/userinfo') {
        if (this.mode === 'json-userinfo') return json({ sub: 'agent-faux', email: 'agent.faux@ville.test' });
        return json(jwt('good', { ...claims, given_name: 'Agent', usual_name: 'Faux' }), 'application/jwt');
      }
      response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.issuer = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => {
      this.server?.closeAllConnections();
      this.server?.close(() => resolve());
    });
  }
}

const rogue = new RogueProvider();

before(async () => {
  await rogue.start();
  for (const code of ['faux', 'faux-pc']) {
    process.env[`COMMUN_OIDC_${code.toUpperCase().replace('-', '_')}_CLIENT_ID`] = CLIENT_ID;
    process.env[`COMMUN_OIDC_${code.toUpperCase().replace('-', '_')}_CLIENT_SECRET`] = CLIENT_SECRET;
  }
});

after(async () => {
  await rogue.stop();
  for (const code of ['FAUX', 'FAUX_PC']) {
    delete process.env[`COMMUN_OIDC_${code}_CLIENT_ID`];
    delete process.env[`COMMUN_OIDC_${code}_CLIENT_SECRET`];
  }
});

describeEachDatabase('federated sign-in: signatures are verified', (database) => {
  let runtime: Runtime;
  let app: Hono<AppEnv>;
  const logs: string[] = [];

  before(async () => {
    runtime = { ...testRuntime(database(), { COMMUN_BASE_URL: BASE }), logger: pino({ level: 'warn' }, { write: (line: string) => void logs.push(line) }) };
    app = testApp(runtime);
    await createUser(database(), { login: 'afaux', email: 'agent.faux@ville.test' });
    await database().asOwner(`
      insert into om.om_fournisseur_identite (code, libelle, modele, url_decouverte, rattachement_par_courriel)
      values ('faux', 'Fournisseur de test', 'oidc', '${rogue.issuer}/.well-known/openid-configuration', true),
             ('faux-pc', 'ProConnect de test', 'proconnect', '${rogue.issuer}/.well-known/openid-configuration', true)`);
  });

  /** One sign-in through the rogue provider in this mode: the callback's status, and whether a session opened. */
  async function attempt(mode: Mode, code = 'faux'): Promise<{ status: number; signedIn: boolean; log: string }> {
    rogue.mode = mode;
    const mark = logs.length;
    const browser = new Browser(app);
    const start = await browser.get(`/login/oidc/${code}`);
    assert.equal(start.status, 303, await start.text());
    const authorization = new URL(start.headers.get('location') ?? '');
    rogue.nonce = authorization.searchParams.get('nonce') ?? '';
    const state = authorization.searchParams.get('state') ?? '';
    const callback = await browser.get(`/login/oidc/callback?code=code-${mode}&state=${encodeURIComponent(state)}`);
    const home = await browser.get('/');
    return { status: callback.status, signedIn: home.status === 200, log: logs.slice(mark).join('\n') };
  }

  test('a properly signed ID token opens the session (control)', async () => {
    assert.deepEqual(await attempt('good'), { status: 303, signedIn: true, log: '' });
  });

  test('an ID token signed with a key the provider does not publish is refused', async () => {
    const result = await attempt('other-key');
    assert.deepEqual([result.status, result.signedIn], [502, false]);
    assert.match(result.log, /JWT signature verification failed|signature/i);
  });

  test('an unsigned ID token (alg none) and an HMAC of the client secret are refused', async () => {
    for (const mode of ['none', 'hs256'] as const) {
      const result = await attempt(mode);
      assert.deepEqual([mode, result.status, result.signedIn], [mode, 502, false]);
      assert.match(result.log, /connexion fédérée en échec/);
    }
  });

  test('ProConnect’s userinfo must come signed', async () => {
    assert.equal((await attempt('good', 'faux-pc')).signedIn, true);
    const result = await attempt('json-userinfo', 'faux-pc');
    assert.deepEqual([result.status, result.signedIn], [502, false]);
    assert.match(result.log, /informations utilisateur non signées/);
  });
});
