/**
 * The local OpenID Connect provider the federated sign-in tests rely on: configured like ProConnect
 * (discovery, EC keys, client_secret_post, PKCE, signed userinfo, acr, logout round trip).
 */
import assert from 'node:assert/strict';
import { createHash, createPublicKey, randomBytes, verify, type JsonWebKey } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { PROCONNECT_ACR, startTestOidcProvider, type TestAgent, type TestOidcProvider } from './support/oidc-provider.ts';

const REDIRECT = 'http://127.0.0.1:9/login/oidc/callback';
const AFTER_LOGOUT = 'http://127.0.0.1:9/logout/oidc/callback';
const AGENT: TestAgent = {
  sub: 'agent-1',
  email: 'claire.dupont@mairie-exemple.fr',
  given_name: 'Claire',
  usual_name: 'Dupont',
  siret: '21130055300016',
  organization_label: 'Mairie d’Exemple',
  roles: ['agent'],
  acr: PROCONNECT_ACR.selfAsserted2fa,
};

interface Discovery {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  userinfo_endpoint: string;
  end_session_endpoint: string;
  jwks_uri: string;
  id_token_signing_alg_values_supported: string[];
  token_endpoint_auth_methods_supported: string[];
  acr_values_supported: string[];
}

type Jwt = { header: { alg: string; kid: string }; payload: Record<string, unknown>; signed: Buffer; signature: Buffer };

function decodeJwt(token: string): Jwt {
  const [header = '', payload = '', signature = ''] = token.split('.');
  return {
    header: JSON.parse(Buffer.from(header, 'base64url').toString('utf8')),
    payload: JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')),
    signed: Buffer.from(`${header}.${payload}`),
    signature: Buffer.from(signature, 'base64url'),
  };
}

function verifiedPayload(token: string, keys: JsonWebKey[]): Record<string, unknown> {
  const jwt = decodeJwt(token);
  const jwk = keys.find((key) => (key as { kid?: string }).kid === jwt.header.kid);
  assert.ok(jwk, 'signing key published');
  const key = createPublicKey({ key: jwk, format: 'jwk' });
  const valid =
    jwt.header.alg === 'ES256'
      ? verify('sha256', jwt.signed, { key, dsaEncoding: 'ieee-p1363' }, jwt.signature)
      : verify('sha256', jwt.signed, key, jwt.signature);
  assert.ok(valid, 'signature verified');
  return jwt.payload;
}

describe('local OpenID Connect provider (ProConnect-like)', () => {
  let provider: TestOidcProvider;
  let discovery: Discovery;
  let keys: JsonWebKey[];

  before(async () => {
    provider = await startTestOidcProvider({ redirectUris: [REDIRECT], postLogoutRedirectUris: [AFTER_LOGOUT], agents: [AGENT] });
    discovery = (await (await fetch(provider.discoveryUrl)).json()) as Discovery;
    keys = ((await (await fetch(discovery.jwks_uri)).json()) as { keys: JsonWebKey[] }).keys;
  });
  after(() => provider?.stop());

  /** One full sign-in: authorization (PKCE, state, nonce), code exchange with client_secret_post. */
  async function signIn(extra: Record<string, string> = {}) {
    const verifier = randomBytes(32).toString('base64url');
    const state = randomBytes(8).toString('hex');
    const nonce = randomBytes(8).toString('hex');
    const authorization = new URL(discovery.authorization_endpoint);
    for (const [name, value] of Object.entries({
      client_id: provider.clientId,
      response_type: 'code',
      redirect_uri: REDIRECT,
      scope: 'openid email given_name usual_name uid siret idp_id organization_label roles',
      state,
      nonce,
      code_challenge: createHash('sha256').update(verifier).digest('base64url'),
      code_challenge_method: 'S256',
      ...extra,
    }))
      authorization.searchParams.set(name, value);
    provider.signInAs(AGENT);
    const back = new URL(await provider.authorize(authorization.href));
    assert.equal(`${back.origin}${back.pathname}`, REDIRECT);
    assert.equal(back.searchParams.get('state'), state);
    const code = back.searchParams.get('code');
    assert.ok(code, `code returned (${back.search})`);
    const tokenResponse = await fetch(discovery.token_endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        redirect_uri: REDIRECT,
        code_verifier: verifier,
        client_id: provider.clientId,
        client_secret: provider.clientSecret,
      }).toString(),
    });
    assert.equal(tokenResponse.status, 200, await tokenResponse.clone().text());
    const tokens = (await tokenResponse.json()) as { id_token: string; access_token: string };
    return { tokens, nonce };
  }

  test('discovery answers with ProConnect’s paths, client_secret_post, ES256 and its levels; JWKS has an EC key', () => {
    assert.equal(discovery.issuer, provider.issuer);
    assert.match(provider.issuer, /^http:\/\/127\.0\.0\.1:\d+\/api\/v2$/);
    assert.equal(discovery.authorization_endpoint, `${provider.issuer}/authorize`);
    assert.equal(discovery.token_endpoint, `${provider.issuer}/token`);
    assert.equal(discovery.userinfo_endpoint, `${provider.issuer}/userinfo`);
    assert.equal(discovery.end_session_endpoint, `${provider.issuer}/session/end`);
    assert.ok(discovery.token_endpoint_auth_methods_supported.includes('client_secret_post'));
    assert.ok(discovery.id_token_signing_alg_values_supported.includes('ES256'));
    assert.ok(discovery.acr_values_supported.includes(PROCONNECT_ACR.consistencyChecked2fa));
    assert.equal(keys.length, 1);
    assert.equal(keys[0]?.kty, 'EC');
    assert.equal(keys[0]?.d, undefined, 'no private part published');
  });

  test('a sign-in yields a signed ID token (nonce, acr) and a signed JWT userinfo with the agent’s claims', async () => {
    const { tokens, nonce } = await signIn();
    const idToken = verifiedPayload(tokens.id_token, keys);
    assert.equal(decodeJwt(tokens.id_token).header.alg, 'ES256');
    assert.equal(idToken.sub, AGENT.sub);
    assert.equal(idToken.nonce, nonce);
    assert.equal(idToken.acr, AGENT.acr);
    assert.equal(idToken.iss, provider.issuer);

    const userinfo = await fetch(discovery.userinfo_endpoint, { headers: { Authorization: `Bearer ${tokens.access_token}` } });
    assert.equal(userinfo.status, 200);
    assert.match(userinfo.headers.get('content-type') ?? '', /^application\/jwt/);
    const claims = verifiedPayload(await userinfo.text(), keys);
    assert.equal(claims.sub, AGENT.sub);
    assert.equal(claims.siret, AGENT.siret);
    assert.equal(claims.usual_name, 'Dupont');
    assert.equal(claims.email, AGENT.email);
    assert.deepEqual(claims.roles, ['agent']);
    assert.equal(claims.organization_label, 'Mairie d’Exemple');
  });

  test('setIdTokenTtl(0) issues ID tokens already expired', async () => {
    provider.setIdTokenTtl(0);
    try {
      const { tokens } = await signIn();
      const idToken = verifiedPayload(tokens.id_token, keys);
      assert.ok(Number(idToken.exp) <= Math.floor(Date.now() / 1000), 'expired');
    } finally {
      provider.setIdTokenTtl(3600);
    }
  });

  test('end session with id_token_hint and state comes back to the post-logout URI with the state, and is recorded', async () => {
    const { tokens } = await signIn();
    const endSession = new URL(discovery.end_session_endpoint);
    endSession.searchParams.set('id_token_hint', tokens.id_token);
    endSession.searchParams.set('state', 'etat-de-deconnexion');
    endSession.searchParams.set('post_logout_redirect_uri', AFTER_LOGOUT);
    const back = new URL(await provider.endSession(endSession.href));
    assert.equal(`${back.origin}${back.pathname}`, AFTER_LOGOUT);
    assert.equal(back.searchParams.get('state'), 'etat-de-deconnexion');
    assert.deepEqual(provider.logouts.at(-1), { idTokenHint: tokens.id_token, state: 'etat-de-deconnexion', postLogoutRedirectUri: AFTER_LOGOUT });
  });

  test('without signInAs the provider shows its accessible login form', async () => {
    provider.signInAs(undefined);
    const authorization = new URL(discovery.authorization_endpoint);
    for (const [name, value] of Object.entries({
      client_id: provider.clientId,
      response_type: 'code',
      redirect_uri: REDIRECT,
      scope: 'openid',
      state: 's',
      nonce: 'n',
      code_challenge: createHash('sha256').update('v'.repeat(43)).digest('base64url'),
      code_challenge_method: 'S256',
    }))
      authorization.searchParams.set(name, value);
    const first = await fetch(authorization, { redirect: 'manual' });
    assert.equal(first.status, 303);
    const cookies = first.headers.getSetCookie().map((cookie) => cookie.split(';')[0]).join('; ');
    const form = await fetch(new URL(first.headers.get('location') ?? '', authorization), { headers: { Cookie: cookies } });
    const html = await form.text();
    assert.match(html, /<label for="identifiant">Identifiant<\/label>/);
    assert.match(html, /<button type="submit">Se connecter<\/button>/);
  });
});

test('the RS256 option publishes an RSA key and signs ID tokens with it', async () => {
  const rsa = await startTestOidcProvider({ redirectUris: [REDIRECT], postLogoutRedirectUris: [], agents: [AGENT], signing: 'RS256' });
  try {
    const discovery = (await (await fetch(rsa.discoveryUrl)).json()) as Discovery;
    const keys = ((await (await fetch(discovery.jwks_uri)).json()) as { keys: JsonWebKey[] }).keys;
    assert.deepEqual(keys.map((key) => key.kty), ['RSA']);
    const verifier = randomBytes(32).toString('base64url');
    const authorization = new URL(discovery.authorization_endpoint);
    for (const [name, value] of Object.entries({
      client_id: rsa.clientId,
      response_type: 'code',
      redirect_uri: REDIRECT,
      scope: 'openid siret',
      state: 'etat',
      nonce: 'nonce',
      code_challenge: createHash('sha256').update(verifier).digest('base64url'),
      code_challenge_method: 'S256',
    }))
      authorization.searchParams.set(name, value);
    rsa.signInAs(AGENT);
    const code = new URL(await rsa.authorize(authorization.href)).searchParams.get('code') ?? '';
    const tokens = (await (
      await fetch(discovery.token_endpoint, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: verifier, client_id: rsa.clientId, client_secret: rsa.clientSecret }).toString(),
      })
    ).json()) as { id_token: string };
    assert.equal(decodeJwt(tokens.id_token).header.alg, 'RS256');
    assert.equal(verifiedPayload(tokens.id_token, keys).sub, AGENT.sub);
  } finally {
    await rsa.stop();
  }
});
