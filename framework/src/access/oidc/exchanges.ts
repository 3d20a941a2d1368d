/**
 * One-use login and logout transactions with a provider (`om.om_oidc_echange`). The table holds only
 * the SHA-256 of the state (like sessions): the state itself travels in the provider's redirect and
 * in a cookie of the browser that started the exchange. Taking an exchange deletes it.
 */
import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import { sha256Hex } from '../secrets.ts';

export type ExchangeKind = 'connexion' | 'deconnexion';

/** An agent has ten minutes to sign in at the provider. */
const EXCHANGE_MINUTES = 10;

export interface Exchange {
  readonly kind: ExchangeKind;
  readonly providerId: number;
  readonly nonce: string | undefined;
  readonly codeVerifier: string | undefined;
  readonly returnTo: string | undefined;
}

export async function storeExchange(db: Db, state: string, exchange: Exchange): Promise<void> {
  // Exchanges nobody came back for are removed as new ones start.
  await sql`delete from om.om_oidc_echange where expire_le <= now()`.execute(db);
  await sql`
    insert into om.om_oidc_echange (etat, nature, om_fournisseur_identite, nonce, verificateur, retour, expire_le)
    values (${sha256Hex(state)}, ${exchange.kind}, ${exchange.providerId}, ${exchange.nonce ?? null}, ${exchange.codeVerifier ?? null},
            ${exchange.returnTo?.slice(0, 500) ?? null}, now() + make_interval(mins => ${EXCHANGE_MINUTES}))`.execute(db);
}

interface Row {
  nature: string;
  om_fournisseur_identite: number;
  nonce: string | null;
  verificateur: string | null;
  retour: string | null;
  vivant: boolean;
}

/** The exchange of this state, if it is of this kind and has not expired; it is deleted either way. */
export async function takeExchange(db: Db, state: string, kind: ExchangeKind): Promise<Exchange | undefined> {
  if (state.length === 0 || state.length > 200) return undefined;
  const result = await sql<Row>`
    delete from om.om_oidc_echange where etat = ${sha256Hex(state)}
    returning nature, om_fournisseur_identite, nonce, verificateur, retour, expire_le > now() as vivant`.execute(db);
  const row = result.rows[0];
  if (!row || !row.vivant || row.nature !== kind) return undefined;
  return {
    kind,
    providerId: Number(row.om_fournisseur_identite),
    nonce: row.nonce ?? undefined,
    codeVerifier: row.verificateur ?? undefined,
    returnTo: row.retour ?? undefined,
  };
}

/** Housekeeping: removes the exchanges that expired. */
export async function purgeExpiredExchanges(db: Db): Promise<number> {
  const result = await sql`delete from om.om_oidc_echange where expire_le <= now()`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}
