/**
 * The openid-client configuration of each provider, discovered once and kept (an hour at most, and
 * dropped at the first failure so that the next sign-in discovers again). Every configuration checks
 * signatures — ID tokens and signed userinfo — against the provider's published keys
 * (`enableNonRepudiationChecks`: openid-client alone would only decode an ID token received over
 * TLS). Plain http is allowed only for a provider on this machine (tests, development).
 */
import * as client from 'openid-client';
import { clientCredentials, type ProviderRow } from './providers.ts';

/** Asymmetric algorithms only: an HMAC signed with the client secret proves nothing about the provider. */
export const ACCEPTED_ALGORITHMS: readonly string[] = ['RS256', 'ES256'];

const CACHE_MILLISECONDS = 60 * 60 * 1000;
const TIMEOUT_SECONDS = 10;
/** Seconds of difference between clocks tolerated on exp / nbf. */
const CLOCK_TOLERANCE_SECONDS = 5;

export class ProviderUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ProviderUnavailableError';
  }
}

/** How a userinfo response came, per access token (read once by the sign-in that asked for it). */
const userinfoFormats = new Map<string, { jwt: boolean; alg: string | undefined }>();

interface Entry {
  readonly key: string;
  readonly at: number;
  readonly configuration: Promise<client.Configuration>;
}

const cache = new Map<number, Entry>();
/** Seconds this server's clock is behind the providers' (negative: ahead), for a server whose clock drifts. */
const clockSkewSeconds = Number(process.env.COMMUN_OIDC_DECALAGE_HORLOGE ?? 0) || 0;

/** Forgets the discovered configuration of a provider (after an administrator changed it), or of all. */
export function forgetProviderConfiguration(providerId?: number): void {
  if (providerId === undefined) cache.clear();
  else cache.delete(providerId);
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** https, or http on this machine only. */
export function isAllowedDiscoveryUrl(value: string): { ok: true; insecure: boolean } | { ok: false } {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { ok: false };
  }
  if (url.protocol === 'https:') return { ok: true, insecure: false };
  if (url.protocol === 'http:' && LOOPBACK.has(url.hostname)) return { ok: true, insecure: true };
  return { ok: false };
}

function bearerOf(init: RequestInit | undefined): string | undefined {
  const headers = new Headers(init?.headers);
  const authorization = headers.get('authorization') ?? '';
  const match = /^(?:Bearer|DPoP) (.+)$/i.exec(authorization);
  return match?.[1];
}

function headerAlgorithm(jwt: string): string | undefined {
  try {
    const header: unknown = JSON.parse(Buffer.from(jwt.split('.')[0] ?? '', 'base64url').toString('utf8'));
    return typeof header === 'object' && header !== null && typeof (header as { alg?: unknown }).alg === 'string'
      ? (header as { alg: string }).alg
      : undefined;
  } catch {
    return undefined;
  }
}

export const jwtAlgorithm = headerAlgorithm;

/** fetch, noting how the userinfo endpoint answered (JSON or a signed JWT, and with which algorithm). */
function observingFetch(userinfoEndpoint: () => string | undefined): client.CustomFetch {
  return async (url, options) => {
    const response = await fetch(url, options as RequestInit);
    if (userinfoEndpoint() !== undefined && url === userinfoEndpoint()) {
      const token = bearerOf(options as RequestInit);
      const type = response.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
      if (token !== undefined) {
        const jwt = type === 'application/jwt';
        const alg = jwt ? headerAlgorithm(await response.clone().text()) : undefined;
        // Read back at once by the sign-in that asked; one that failed in between leaves its entry: keep the map small.
        if (userinfoFormats.size > 1000) userinfoFormats.clear();
        userinfoFormats.set(token, { jwt, alg });
      }
    }
    return response;
  };
}

/** How the userinfo response for this access token came (and forgets it). */
export function takeUserinfoFormat(accessToken: string): { jwt: boolean; alg: string | undefined } | undefined {
  const format = userinfoFormats.get(accessToken);
  userinfoFormats.delete(accessToken);
  return format;
}

async function discover(provider: ProviderRow): Promise<client.Configuration> {
  const credentials = clientCredentials(provider.code);
  if (!credentials) throw new ProviderUnavailableError(`variables du client absentes pour le fournisseur ${provider.code}`);
  const allowed = isAllowedDiscoveryUrl(provider.discoveryUrl);
  if (!allowed.ok) throw new ProviderUnavailableError(`adresse de découverte refusée (https exigé) : ${provider.discoveryUrl}`);
  const auth = provider.clientAuth === 'client_secret_basic'
    ? client.ClientSecretBasic(credentials.clientSecret)
    : client.ClientSecretPost(credentials.clientSecret);
  let endpoint: string | undefined;
  const metadata: Partial<client.ClientMetadata> = {
    [client.clockTolerance]: CLOCK_TOLERANCE_SECONDS,
    [client.clockSkew]: clockSkewSeconds,
  };
  const configuration = await client.discovery(new URL(provider.discoveryUrl), credentials.clientId, metadata, auth, {
    timeout: TIMEOUT_SECONDS,
    [client.customFetch]: observingFetch(() => endpoint),
    execute: allowed.insecure ? [client.allowInsecureRequests, client.enableNonRepudiationChecks] : [client.enableNonRepudiationChecks],
  });
  const server = configuration.serverMetadata();
  endpoint = server.userinfo_endpoint;
  // A discovery document that names another issuer could hand out another provider's tokens.
  const expected = `${server.issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
  if (provider.discoveryUrl.replace(/\/+$/, '') !== expected) {
    throw new ProviderUnavailableError(`l’émetteur ${server.issuer} ne correspond pas à l’adresse de découverte ${provider.discoveryUrl}`);
  }
  if (!server.jwks_uri) throw new ProviderUnavailableError(`le fournisseur ${provider.code} ne publie pas ses clés (jwks_uri)`);
  return configuration;
}

/** The provider's configuration, discovered at first use (or when its settings changed). */
export function providerConfiguration(provider: ProviderRow): Promise<client.Configuration> {
  const credentials = clientCredentials(provider.code);
  const key = JSON.stringify([provider.discoveryUrl, provider.clientAuth, credentials?.clientId, credentials?.clientSecret]);
  const cached = cache.get(provider.id);
  if (cached && cached.key === key && Date.now() - cached.at < CACHE_MILLISECONDS) return cached.configuration;
  const configuration = discover(provider);
  cache.set(provider.id, { key, at: Date.now(), configuration });
  configuration.catch(() => {
    if (cache.get(provider.id)?.configuration === configuration) cache.delete(provider.id);
  });
  return configuration;
}
