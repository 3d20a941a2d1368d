/**
 * « Tester la découverte »: reads a provider's discovery document and its published keys, and says
 * in French what the administrator needs to know (endpoints, signing algorithms) or why it failed.
 * Does not need the client's variables: nothing is sent but two GET requests.
 */
import { ACCEPTED_ALGORITHMS, isAllowedDiscoveryUrl, type ClientAuthMethod } from '../../../access/oidc/index.ts';
import type { Locale } from '../../../i18n/index.ts';
import { identitePage } from './messages.ts';

const TIMEOUT_MILLISECONDS = 10_000;

export interface DiscoveryReport {
  readonly ok: boolean;
  /** The failure's reason, or the warnings of a document that was read. */
  readonly messages: readonly string[];
  /** Item label → value, in display order (empty when it failed). */
  readonly items: ReadonlyArray<readonly [string, string]>;
}

type Json = Record<string, unknown>;

const stringOf = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
const listOf = (value: unknown) => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);

async function getJson(url: string): Promise<{ ok: true; json: Json } | { ok: false; reason: 'unreachable' | 'status' | 'json'; detail: string }> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { Accept: 'application/json' }, redirect: 'error', signal: AbortSignal.timeout(TIMEOUT_MILLISECONDS) });
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : error instanceof Error ? error.message : String(error);
    return { ok: false, reason: 'unreachable', detail: cause };
  }
  if (!response.ok) return { ok: false, reason: 'status', detail: String(response.status) };
  try {
    const json: unknown = await response.json();
    if (typeof json !== 'object' || json === null || Array.isArray(json)) return { ok: false, reason: 'json', detail: '' };
    return { ok: true, json: json as Json };
  } catch {
    return { ok: false, reason: 'json', detail: '' };
  }
}

function failure(reason: string, locale: Locale): DiscoveryReport {
  return { ok: false, messages: [identitePage('discovery.failed', { reason }, locale)], items: [] };
}

/** « EC ES256 (1), RSA RS256 (1) »: the signing keys of a JWKS. */
function describeKeys(jwks: Json, locale: Locale): string {
  const counts = new Map<string, number>();
  for (const key of Array.isArray(jwks.keys) ? (jwks.keys as unknown[]) : []) {
    if (typeof key !== 'object' || key === null) continue;
    const { kty, alg, use } = key as { kty?: unknown; alg?: unknown; use?: unknown };
    if (use === 'enc') continue;
    const label = [typeof kty === 'string' ? kty : '?', typeof alg === 'string' ? alg : ''].filter((part) => part !== '').join(' ');
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  if (counts.size === 0) return identitePage('discovery.absent', undefined, locale);
  return [...counts].map(([label, count]) => `${label} (${count})`).join(', ');
}

export async function checkDiscovery(url: string, clientAuth: ClientAuthMethod, locale: Locale): Promise<DiscoveryReport> {
  if (!isAllowedDiscoveryUrl(url).ok) return failure(identitePage('discovery.badUrl', undefined, locale), locale);
  const document = await getJson(url);
  if (!document.ok) {
    if (document.reason === 'unreachable') return failure(identitePage('discovery.unreachable', { detail: document.detail }, locale), locale);
    if (document.reason === 'status') return failure(identitePage('discovery.httpStatus', { status: document.detail }, locale), locale);
    return failure(identitePage('discovery.notJson', undefined, locale), locale);
  }
  const json = document.json;
  const issuer = stringOf(json.issuer);
  for (const field of ['issuer', 'authorization_endpoint', 'token_endpoint', 'jwks_uri'] as const) {
    if (!stringOf(json[field])) return failure(identitePage('discovery.missing', { field }, locale), locale);
  }
  if (`${issuer?.replace(/\/+$/, '')}/.well-known/openid-configuration` !== url.replace(/\/+$/, '')) {
    return failure(identitePage('discovery.issuerMismatch', { issuer: issuer ?? '' }, locale), locale);
  }
  const jwksUri = stringOf(json.jwks_uri) ?? '';
  const jwks = isAllowedDiscoveryUrl(jwksUri).ok ? await getJson(jwksUri) : undefined;
  const idTokenAlgs = listOf(json.id_token_signing_alg_values_supported);
  const authMethods = listOf(json.token_endpoint_auth_methods_supported);
  const warnings: string[] = [];
  if (!idTokenAlgs.some((alg) => ACCEPTED_ALGORITHMS.includes(alg))) warnings.push(identitePage('discovery.noAsymmetric', undefined, locale));
  // The specification's default, when the document says nothing, is client_secret_basic.
  if (!(authMethods.length === 0 ? ['client_secret_basic'] : authMethods).includes(clientAuth)) {
    warnings.push(identitePage('discovery.authUnsupported', { method: clientAuth }, locale));
  }
  const absent = identitePage('discovery.absent', undefined, locale);
  const label = (key: Parameters<typeof identitePage>[0]) => identitePage(key, undefined, locale);
  const items: Array<readonly [string, string]> = [
    [label('discovery.issuer'), issuer ?? absent],
    [label('discovery.authorization'), stringOf(json.authorization_endpoint) ?? absent],
    [label('discovery.token'), stringOf(json.token_endpoint) ?? absent],
    [label('discovery.userinfo'), stringOf(json.userinfo_endpoint) ?? absent],
    [label('discovery.endSession'), stringOf(json.end_session_endpoint) ?? absent],
    [label('discovery.jwks'), jwksUri],
    [label('discovery.keys'), jwks?.ok ? describeKeys(jwks.json, locale) : label('discovery.keysUnreadable')],
    [label('discovery.idTokenAlgs'), idTokenAlgs.join(', ') || absent],
    [label('discovery.userinfoAlgs'), listOf(json.userinfo_signing_alg_values_supported).join(', ') || absent],
    [label('discovery.authMethods'), authMethods.join(', ') || absent],
    [label('discovery.acrValues'), listOf(json.acr_values_supported).join(', ') || absent],
  ];
  return { ok: true, messages: [identitePage('discovery.ok', undefined, locale), ...warnings], items };
}
