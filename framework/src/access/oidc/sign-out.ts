/**
 * « Se déconnecter » from a session opened through a provider: the session ends here first, then
 * the browser goes to the provider's end_session_endpoint with the ID token as id_token_hint and
 * a new state (a one-use 'deconnexion' exchange), and comes back to /logout/oidc/callback, which
 * checks that state.
 */
import { sql } from 'kysely';
import * as client from 'openid-client';
import type { Runtime } from '../../runtime.ts';
import { providerConfiguration } from './discovery.ts';
import { storeExchange, takeExchange } from './exchanges.ts';
import { findProviderById } from './providers.ts';
import { callbackUrl, SIGN_OUT_CALLBACK_PATH } from './sign-in.ts';

/** The provider's logout URL for this session, if it was opened through a provider that offers one; call before ending the session. */
export async function startSignOut(runtime: Runtime, sessionId: string): Promise<{ url: string; state: string } | undefined> {
  const db = runtime.db.kysely;
  const found = await sql<{ om_fournisseur_identite: number | null; jeton_identite: string | null }>`
    select om_fournisseur_identite, jeton_identite from om.om_session where om_session = ${sessionId}`.execute(db);
  const row = found.rows[0];
  if (!row || row.om_fournisseur_identite === null || !row.jeton_identite) return undefined;
  const provider = await findProviderById(db, Number(row.om_fournisseur_identite));
  if (!provider) return undefined;
  let configuration: client.Configuration;
  try {
    configuration = await providerConfiguration(provider);
  } catch (error) {
    // The local session ends anyway: the agent is told only « déconnecté de ce service ».
    runtime.logger.warn({ provider: provider.code, err: error }, 'déconnexion fédérée : fournisseur injoignable');
    return undefined;
  }
  if (!configuration.serverMetadata().end_session_endpoint) return undefined;
  const state = client.randomState();
  await storeExchange(db, state, { kind: 'deconnexion', providerId: provider.id, nonce: undefined, codeVerifier: undefined, returnTo: undefined });
  const url = client.buildEndSessionUrl(configuration, {
    id_token_hint: row.jeton_identite,
    state,
    post_logout_redirect_uri: callbackUrl(runtime, SIGN_OUT_CALLBACK_PATH),
  });
  return { url: url.href, state };
}

/** Whether the provider's return after logout carries the state this browser was sent with (the exchange is used up). */
export async function completeSignOut(runtime: Runtime, search: string, browserState: string | undefined): Promise<boolean> {
  const state = new URLSearchParams(search).get('state') ?? '';
  if (state === '' || state !== browserState) return false;
  return (await takeExchange(runtime.db.kysely, state, 'deconnexion')) !== undefined;
}
