/**
 * The authorization code flow with a provider. Start: PKCE (S256), a random state and nonce kept
 * in a one-use exchange, the levels required asked for as essential. Return: the exchange taken
 * (one use) by the state the browser carries, the code exchanged, the ID token's signature,
 * issuer, audience, nonce and expiry checked (asymmetric algorithms only), the userinfo fetched
 * (a signed one verified; ProConnect's must be signed), then the service's access rules, then the
 * account, then the session.
 */
import * as client from 'openid-client';
import type { Runtime } from '../../runtime.ts';
import { createSession, type Session } from '../sessions.ts';
import { recordAttempt } from '../throttle.ts';
import { findAccountById } from '../user-accounts.ts';
import { checkAccessRules } from './access-rules.ts';
import { ACCEPTED_ALGORITHMS, jwtAlgorithm, ProviderUnavailableError, providerConfiguration, takeUserinfoFormat } from './discovery.ts';
import { storeExchange, takeExchange } from './exchanges.ts';
import { identityFrom } from './identity.ts';
import { matchAccount } from './matching.ts';
import { oidcMessage } from './messages.ts';
import { findProviderById, isOffered, type ProviderRow } from './providers.ts';

export const SIGN_IN_CALLBACK_PATH = '/login/oidc/callback';
export const SIGN_OUT_CALLBACK_PATH = '/logout/oidc/callback';

export const callbackUrl = (runtime: Runtime, path: string) => `${runtime.config.baseUrl}${path}`;

/** The authorization request's `claims`: the levels required (essential), and the acr returned in any case. */
function claimsRequest(provider: ProviderRow): string | undefined {
  if (provider.requiredAcr.length > 0) return JSON.stringify({ id_token: { acr: { essential: true, values: provider.requiredAcr } } });
  return provider.modele === 'proconnect' ? JSON.stringify({ id_token: { acr: null } }) : undefined;
}

/** Starts a sign-in: the provider's authorization URL, and the state the browser must bring back. */
export async function startSignIn(runtime: Runtime, provider: ProviderRow, returnTo: string): Promise<{ url: string; state: string }> {
  const configuration = await providerConfiguration(provider);
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const parameters: Record<string, string> = {
    redirect_uri: callbackUrl(runtime, SIGN_IN_CALLBACK_PATH),
    scope: provider.scopes.split(/\s+/).includes('openid') ? provider.scopes : `openid ${provider.scopes}`.trim(),
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  };
  const claims = claimsRequest(provider);
  if (claims) parameters.claims = claims;
  if (provider.requiredAcr.length > 0) parameters.acr_values = provider.requiredAcr.join(' ');
  await storeExchange(runtime.db.kysely, state, { kind: 'connexion', providerId: provider.id, nonce, codeVerifier, returnTo });
  return { url: client.buildAuthorizationUrl(configuration, parameters).href, state };
}

export type SignInResult =
  | { readonly kind: 'signedIn'; readonly userId: number; readonly token: string; readonly session: Session; readonly returnTo: string }
  | { readonly kind: 'held'; readonly message: string }
  | { readonly kind: 'refused'; readonly status: 400 | 403 | 502; readonly message: string };

export interface CallbackRequest {
  /** The query string the provider sent back (`?code=…&state=…`, or `?error=…`). */
  readonly search: string;
  /** The state this browser was given when it started (its cookie); the query's must be the same. */
  readonly browserState: string | undefined;
  readonly address: string;
  readonly userAgent: string | undefined;
}

class SignInRefusal extends Error {}

/** Finishes a sign-in from the provider's redirect. Never throws: every failure is a French message (the detail is logged). */
export async function completeSignIn(runtime: Runtime, request: CallbackRequest): Promise<SignInResult> {
  const { locale } = runtime.config;
  const db = runtime.db.kysely;
  const query = new URLSearchParams(request.search);
  const state = query.get('state') ?? '';
  const refused = (status: 400 | 403 | 502, message: string): SignInResult => ({ kind: 'refused', status, message });

  // The state must be the one this browser started with: a link forged by someone else opens nothing.
  const exchange = state !== '' && state === request.browserState ? await takeExchange(db, state, 'connexion') : undefined;
  if (!exchange) {
    runtime.logger.warn({ stateGiven: state !== '', browserState: request.browserState !== undefined }, 'connexion fédérée : état inconnu, expiré ou d’un autre navigateur');
    return refused(400, oidcMessage('signIn.expired', undefined, locale));
  }
  const provider = await findProviderById(db, exchange.providerId);
  if (!provider || !isOffered(provider)) return refused(400, oidcMessage('signIn.unknownProvider', undefined, locale));

  const error = query.get('error');
  if (error !== null) {
    runtime.logger.info({ provider: provider.code, error, description: query.get('error_description') }, 'connexion fédérée : erreur renvoyée par le fournisseur');
    return refused(error === 'access_denied' ? 400 : 502, oidcMessage(error === 'access_denied' ? 'signIn.cancelled' : 'signIn.failed', undefined, locale));
  }

  let idToken: string;
  let idTokenClaims: Record<string, unknown>;
  let userinfo: Record<string, unknown> = {};
  try {
    const configuration = await providerConfiguration(provider);
    const currentUrl = new URL(`${callbackUrl(runtime, SIGN_IN_CALLBACK_PATH)}?${query.toString()}`);
    const tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
      pkceCodeVerifier: exchange.codeVerifier,
      expectedState: state,
      expectedNonce: exchange.nonce,
      idTokenExpected: true,
    });
    idToken = tokens.id_token ?? '';
    const algorithm = jwtAlgorithm(idToken);
    if (!ACCEPTED_ALGORITHMS.includes(algorithm ?? '')) throw new SignInRefusal(`algorithme du jeton d’identité refusé : ${algorithm}`);
    const claims = tokens.claims();
    if (!claims) throw new SignInRefusal('jeton d’identité absent');
    idTokenClaims = { ...claims };
    if (configuration.serverMetadata().userinfo_endpoint) {
      userinfo = { ...(await client.fetchUserInfo(configuration, tokens.access_token, claims.sub)) };
      const format = takeUserinfoFormat(tokens.access_token);
      if (format?.jwt && !ACCEPTED_ALGORITHMS.includes(format.alg ?? '')) throw new SignInRefusal(`algorithme des informations utilisateur refusé : ${format.alg}`);
      if (provider.modele === 'proconnect' && !format?.jwt) throw new SignInRefusal('informations utilisateur non signées (ProConnect les signe)');
    }
  } catch (failure) {
    const unreachable = failure instanceof ProviderUnavailableError || (failure instanceof TypeError && /fetch/i.test(failure.message))
      || (failure instanceof Error && (failure.name === 'AbortError' || failure.name === 'TimeoutError'));
    runtime.logger.warn(
      { provider: provider.code, err: failure, code: (failure as { code?: unknown }).code, cause: (failure as { cause?: unknown }).cause },
      'connexion fédérée en échec',
    );
    return refused(502, oidcMessage(unreachable ? 'signIn.unreachable' : 'signIn.failed', undefined, locale));
  }

  const identity = identityFrom(provider, idTokenClaims, userinfo);
  const rules = checkAccessRules(provider, identity, locale);
  if (!rules.ok) {
    runtime.logger.info({ provider: provider.code, rule: rules.rule, acr: identity.acr, roles: identity.roles }, 'connexion fédérée refusée par les règles d’accès');
    return refused(403, rules.message);
  }
  const outcome = await matchAccount(runtime, provider, identity);
  if (outcome.kind === 'held') return outcome;
  if (outcome.kind === 'refused') {
    runtime.logger.info({ provider: provider.code, reason: outcome.reason }, 'connexion fédérée refusée');
    return refused(403, outcome.message);
  }
  const account = await findAccountById(db, outcome.userId);
  if (!account?.active) return refused(403, oidcMessage('signIn.disabled', undefined, locale));
  await recordAttempt(db, runtime.config.login, account.login, request.address, true);
  const { token, session } = await createSession(db, runtime.config.session, account.id, {
    address: request.address,
    userAgent: request.userAgent,
    identityProvider: provider.id,
    idToken,
  });
  runtime.logger.info({ provider: provider.code, userId: account.id, how: outcome.how, acr: identity.acr }, 'connexion fédérée');
  return { kind: 'signedIn', userId: account.id, token, session, returnTo: exchange.returnTo ?? '/' };
}
