/**
 * A real OpenID Connect provider for the federated sign-in tests: `oidc-provider` configured like
 * ProConnect (issuer under /api/v2, its routes, client_secret_post, ID tokens and userinfo signed
 * ES256 or RS256, its claims and assurance levels), on a free port of 127.0.0.1, keys generated at
 * start. No consent screen: the grant is given at once, as ProConnect does for a relying party.
 *
 * HTTP tests call `signInAs(agent)` so an authorization request completes without a form, and use
 * `authorize(url)` / `endSession(url)` to follow the provider's own redirects (with its cookies)
 * up to the redirect back to the application. Browser tests leave `signInAs` unset and fill the
 * provider's form (« Identifiant », « Se connecter »).
 */
import { createPrivateKey, generateKeyPairSync, randomBytes, sign, type JsonWebKey } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Configuration, default as ProviderClass, JWK, KoaContextWithOIDC } from 'oidc-provider';

export interface TestAgent {
  sub: string;
  email: string;
  given_name: string;
  usual_name: string;
  uid?: string;
  siret: string;
  idp_id?: string;
  organization_label?: string;
  roles?: string[];
  /** The level this agent's sign-in yields (ID token `acr`); eidas1 when unset. */
  acr?: string;
}

export interface RecordedLogout {
  idTokenHint?: string;
  state?: string;
  postLogoutRedirectUri?: string;
}

export interface TestOidcProvider {
  readonly issuer: string;
  readonly discoveryUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** The next authorization requests complete at once as this agent (HTTP tests); undefined: the provider shows its login form. */
  signInAs(agent: TestAgent | undefined): void;
  /**
   * ID tokens issued from now on live this many seconds. 0 or less: they are issued already expired
   * (backdated: `exp` five minutes in the past, beyond any clock tolerance), still validly signed.
   */
  setIdTokenTtl(seconds: number): void;
  /** End-session requests received, for assertions. */
  readonly logouts: readonly RecordedLogout[];
  /**
   * Follows an authorization URL through the provider (keeping its cookies) and returns the URL it
   * finally redirects to: the application's redirect_uri with `code` and `state` (or `error`).
   * Needs `signInAs(agent)` first.
   */
  authorize(authorizationUrl: string): Promise<string>;
  /** Follows an end-session URL through the provider's confirmation and returns the post-logout redirect URL. */
  endSession(endSessionUrl: string): Promise<string>;
  stop(): Promise<void>;
}

/** ProConnect's assurance levels (acr), lowest first. */
export const PROCONNECT_ACR = {
  eidas1: 'eidas1',
  selfAsserted: 'https://proconnect.gouv.fr/assurance/self-asserted',
  selfAsserted2fa: 'https://proconnect.gouv.fr/assurance/self-asserted-2fa',
  consistencyChecked: 'https://proconnect.gouv.fr/assurance/consistency-checked',
  consistencyChecked2fa: 'https://proconnect.gouv.fr/assurance/consistency-checked-2fa',
} as const;

const MOUNT = '/api/v2';
const CLIENT_ID = 'commun-test';

/** Each claim is also a scope of its own, as on ProConnect; the level (acr, amr) comes with every ID token. */
const CLAIMS: Record<string, string[]> = {
  openid: ['sub', 'acr', 'amr'],
  email: ['email'],
  given_name: ['given_name'],
  usual_name: ['usual_name'],
  uid: ['uid'],
  siret: ['siret'],
  idp_id: ['idp_id'],
  organization_label: ['organization_label'],
  roles: ['roles'],
};

function signingKey(algorithm: 'ES256' | 'RS256'): JWK {
  const { privateKey } =
    algorithm === 'ES256' ? generateKeyPairSync('ec', { namedCurve: 'P-256' }) : generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk: JsonWebKey = privateKey.export({ format: 'jwk' });
  return { ...jwk, alg: algorithm, use: 'sig', kid: `test-${algorithm.toLowerCase()}-${randomBytes(4).toString('hex')}` } as JWK;
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

function readForm(request: IncomingMessage): Promise<URLSearchParams> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(new URLSearchParams(Buffer.concat(chunks).toString('utf8'))));
    request.on('error', reject);
  });
}

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character] ?? character);

function page(title: string, body: string): string {
  return `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><main>${body}</main></body></html>`;
}

function loginPage(uid: string, error?: string): string {
  const alert = error ? `<p role="alert">${escapeHtml(error)}</p>` : '';
  return page(
    'Connexion — fournisseur d’identité de test',
    `<h1>Fournisseur d’identité de test</h1>${alert}
<form method="post" action="${MOUNT}/interaction/${encodeURIComponent(uid)}/login">
<p><label for="identifiant">Identifiant</label> <input id="identifiant" name="identifiant" autocomplete="username" required></p>
<p><button type="submit">Se connecter</button></p>
</form>`,
  );
}

function sendHtml(response: ServerResponse, status: number, html: string): void {
  response.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(html);
}

/**
 * Loads oidc-provider and builds the provider without its start-up warnings (Node 20 is below the
 * runtime it recommends; the in-memory adapter is what a test wants): they would only be noise.
 */
async function quietly<T>(build: (module: typeof import('oidc-provider')) => T): Promise<T> {
  const warn = console.warn;
  console.warn = () => undefined;
  try {
    return build(await import('oidc-provider'));
  } finally {
    console.warn = warn;
  }
}

/** Re-signs an ID token with `iat`/`exp` in the past (the expired-token tests, without waiting). */
function backdated(token: string, privateJwk: JWK, seconds: number): string {
  const [header = '', payload = ''] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
  const now = Math.floor(Date.now() / 1000);
  claims.exp = now - 300 + seconds;
  claims.iat = now - 360 + seconds;
  if (typeof claims.auth_time === 'number') claims.auth_time = claims.iat;
  const signed = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
  const key = createPrivateKey({ key: privateJwk as JsonWebKey, format: 'jwk' });
  const signature = privateJwk.alg === 'ES256' ? sign('sha256', Buffer.from(signed), { key, dsaEncoding: 'ieee-p1363' }) : sign('sha256', Buffer.from(signed), key);
  return `${signed}.${signature.toString('base64url')}`;
}

/** A minimal cookie jar for following the provider's redirects outside a browser. */
class CookieJar {
  private readonly cookies = new Map<string, string>();

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  store(response: Response): void {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';');
      const separator = pair.indexOf('=');
      const name = pair.slice(0, separator).trim();
      const value = pair.slice(separator + 1);
      if (value === '' || /expires=thu, 01 jan 1970/i.test(cookie)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}

export async function startTestOidcProvider(options: {
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  agents: TestAgent[];
  signing?: 'ES256' | 'RS256';
}): Promise<TestOidcProvider> {
  const algorithm = options.signing ?? 'ES256';
  const agents = new Map(options.agents.map((agent) => [agent.sub, agent]));
  const clientSecret = randomBytes(24).toString('base64url');
  const logouts: RecordedLogout[] = [];
  let automaticAgent: TestAgent | undefined;
  let idTokenTtl = 60 * 60;

  const privateJwk = signingKey(algorithm);
  const server = createServer();
  const port = await listen(server);
  const origin = `http://127.0.0.1:${port}`;
  const issuer = `${origin}${MOUNT}`;

  const provider: ProviderClass = await quietly(({ default: Provider, interactionPolicy }) => {
    // The application checks the level itself (it may require 2FA): the provider returns the agent's
    // level whatever was asked, instead of looping back to its login form.
    const policy = interactionPolicy.base();
    const loginPrompt = policy.get('login');
    loginPrompt?.checks.remove('essential_acrs');
    loginPrompt?.checks.remove('essential_acr');

    const configuration: Configuration = {
      clients: [
        {
          client_id: CLIENT_ID,
          client_secret: clientSecret,
          redirect_uris: options.redirectUris,
          post_logout_redirect_uris: options.postLogoutRedirectUris,
          grant_types: ['authorization_code'],
          response_types: ['code'],
          token_endpoint_auth_method: 'client_secret_post',
          id_token_signed_response_alg: algorithm,
          userinfo_signed_response_alg: algorithm,
        },
      ],
      jwks: { keys: [privateJwk] },
      routes: { authorization: '/authorize', token: '/token', userinfo: '/userinfo', end_session: '/session/end', jwks: '/jwks' },
      scopes: Object.keys(CLAIMS),
      claims: CLAIMS,
      acrValues: Object.values(PROCONNECT_ACR),
      responseTypes: ['code'],
      clientAuthMethods: ['client_secret_post', 'client_secret_basic'],
      pkce: { required: () => true },
      cookies: { keys: [randomBytes(32).toString('hex')] },
      features: {
        devInteractions: { enabled: false },
        claimsParameter: { enabled: true },
        jwtUserinfo: { enabled: true },
        rpInitiatedLogout: {
          enabled: true,
          // The browser leaves the provider at once, as on ProConnect: the form submits itself.
          logoutSource: async (ctx: KoaContextWithOIDC, form: string) => {
            ctx.type = 'html';
            ctx.body = page(
              'Déconnexion — fournisseur d’identité de test',
              `<h1>Déconnexion</h1>${form.replace('</form>', '<input type="hidden" name="logout" value="yes"/></form>')}` +
                '<p><button type="submit" form="op.logoutForm">Se déconnecter</button></p>' +
                '<script>document.forms[0].submit()</script>',
            );
          },
          postLogoutSuccessSource: async (ctx: KoaContextWithOIDC) => {
            ctx.type = 'html';
            ctx.body = page('Déconnecté', '<h1>Vous êtes déconnecté.</h1>');
          },
        },
      },
      ttl: {
        AccessToken: 60 * 60,
        AuthorizationCode: 60,
        IdToken: () => Math.max(idTokenTtl, 1),
        Interaction: 10 * 60,
        Session: 60 * 60,
        Grant: 60 * 60,
      },
      interactions: { policy, url: (_ctx, interaction) => `${MOUNT}/interaction/${interaction.uid}` },
      clientBasedCORS: () => false,
      renderError: async (ctx, out) => {
        ctx.type = 'html';
        ctx.body = page('Erreur', `<h1>Erreur</h1><p>${escapeHtml(String(out.error))} : ${escapeHtml(String(out.error_description ?? ''))}</p>`);
      },
      findAccount: async (_ctx, sub) => {
        const agent = agents.get(sub);
        if (!agent) return undefined;
        return {
          accountId: sub,
          claims: async () => ({
            sub,
            email: agent.email,
            given_name: agent.given_name,
            usual_name: agent.usual_name,
            uid: agent.uid ?? sub,
            siret: agent.siret,
            idp_id: agent.idp_id ?? 'fia1v2',
            organization_label: agent.organization_label ?? '',
            roles: agent.roles ?? [],
          }),
        };
      },
    };

    return new Provider(issuer, configuration);
  });
  // An unknown interaction, a bad code…: expected in the error tests, not worth a line in the output.
  provider.on('server_error', () => undefined);
  provider.use(async (ctx, next) => {
    await next();
    const body = ctx.body as { id_token?: unknown } | undefined;
    if (idTokenTtl <= 0 && ctx.oidc?.route === 'token' && typeof body?.id_token === 'string') body.id_token = backdated(body.id_token, privateJwk, idTokenTtl);
  });
  const providerCallback = provider.callback();

  /** Signs the agent in and grants every requested scope and claim (no consent screen). */
  async function finishSignIn(request: IncomingMessage, response: ServerResponse, agent: TestAgent): Promise<void> {
    const details = await provider.interactionDetails(request, response);
    const clientId = String(details.params.client_id);
    const grant = new provider.Grant({ accountId: agent.sub, clientId });
    grant.addOIDCScope(String(details.params.scope ?? 'openid'));
    const requestedClaims = details.params.claims ? (JSON.parse(String(details.params.claims)) as Record<string, Record<string, unknown> | undefined>) : {};
    const claimNames = new Set([...Object.keys(requestedClaims.id_token ?? {}), ...Object.keys(requestedClaims.userinfo ?? {})]);
    if (claimNames.size > 0) grant.addOIDCClaims([...claimNames]);
    const grantId = await grant.save();
    const acr = agent.acr ?? PROCONNECT_ACR.eidas1;
    await provider.interactionFinished(
      request,
      response,
      { login: { accountId: agent.sub, acr, amr: acr.endsWith('-2fa') ? ['pwd', 'mfa'] : ['pwd'] }, consent: { grantId } },
      { mergeWithLastSubmission: false },
    );
  }

  async function handleInteraction(request: IncomingMessage, response: ServerResponse, path: string): Promise<void> {
    const match = /^\/interaction\/([^/]+)(\/login)?$/.exec(path);
    if (!match) return sendHtml(response, 404, page('Introuvable', '<h1>Page introuvable</h1>'));
    const uid = decodeURIComponent(match[1] ?? '');
    if (request.method === 'POST' && match[2]) {
      const form = await readForm(request);
      const agent = agents.get(form.get('identifiant')?.trim() ?? '');
      if (!agent) return sendHtml(response, 200, loginPage(uid, 'Identifiant inconnu.'));
      return finishSignIn(request, response, agent);
    }
    if (automaticAgent) return finishSignIn(request, response, automaticAgent);
    return sendHtml(response, 200, loginPage(uid));
  }

  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    const url = request.url ?? '/';
    if (!url.startsWith(`${MOUNT}/`) && url !== MOUNT) return sendHtml(response, 404, page('Introuvable', '<h1>Page introuvable</h1>'));
    const path = url.slice(MOUNT.length) || '/';
    const pathname = path.split('?')[0] ?? '/';
    if (pathname.startsWith('/interaction/')) {
      handleInteraction(request, response, pathname).catch(() => {
        if (!response.headersSent) sendHtml(response, 400, page('Erreur', '<h1>Cette connexion a expiré ou n’existe pas.</h1>'));
        else response.end();
      });
      return;
    }
    if (pathname === '/session/end' && request.method === 'GET') {
      const query = new URL(url, origin).searchParams;
      logouts.push({
        idTokenHint: query.get('id_token_hint') ?? undefined,
        state: query.get('state') ?? undefined,
        postLogoutRedirectUri: query.get('post_logout_redirect_uri') ?? undefined,
      });
    }
    // Mounted like Express would: oidc-provider derives its mount path from originalUrl.
    Object.assign(request, { originalUrl: url });
    request.url = path;
    providerCallback(request, response);
  });

  /** Follows redirects that stay on the provider; returns the first URL that leaves it. */
  async function follow(start: string, jar: CookieJar): Promise<string> {
    let next = start;
    for (let hop = 0; hop < 10; hop += 1) {
      if (!next.startsWith(`${issuer}/`)) return next;
      const response = await fetch(next, { redirect: 'manual', headers: { Cookie: jar.header() } });
      jar.store(response);
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        next = new URL(location, next).href;
        continue;
      }
      const html = await response.text();
      // The logout confirmation (or the no-session form_post): submit the form the provider rendered.
      const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
      if (!action) throw new Error(`Le fournisseur de test s’est arrêté sur ${next} (HTTP ${response.status}) : ${html.slice(0, 300)}`);
      const fields = new URLSearchParams();
      for (const input of html.matchAll(/<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g)) fields.set(input[1] ?? '', input[2] ?? '');
      fields.set('logout', 'yes');
      const posted = await fetch(new URL(action, next).href, {
        method: 'POST',
        redirect: 'manual',
        headers: { Cookie: jar.header(), 'Content-Type': 'application/x-www-form-urlencoded' },
        body: fields.toString(),
      });
      jar.store(posted);
      const afterPost = posted.headers.get('location');
      if (!afterPost) throw new Error(`Le fournisseur de test n’a pas redirigé après ${action} (HTTP ${posted.status}).`);
      next = new URL(afterPost, action.startsWith('http') ? action : next).href;
    }
    throw new Error('Trop de redirections chez le fournisseur de test.');
  }

  return {
    issuer,
    discoveryUrl: `${issuer}/.well-known/openid-configuration`,
    clientId: CLIENT_ID,
    clientSecret,
    logouts,
    signInAs(agent) {
      if (agent) agents.set(agent.sub, agent);
      automaticAgent = agent;
    },
    setIdTokenTtl(seconds) {
      idTokenTtl = seconds;
    },
    authorize: (authorizationUrl) => follow(authorizationUrl, new CookieJar()),
    endSession: (endSessionUrl) => follow(endSessionUrl, new CookieJar()),
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
