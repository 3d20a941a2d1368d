import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { actorCache } from './actor-cache.ts';
import type { Db } from '../db/connection.ts';
import type { Actor } from './actor.ts';
import { loadActor } from './load-actor.ts';
import { randomSecret, sha256Hex } from './secrets.ts';

/**
 * Personal API tokens, sent as `Authorization: Bearer cmn_<prefix>_<secret>`. The full token is
 * shown once, when it is created; the table keeps its SHA-256 and its 8-character prefix (to tell
 * tokens apart in a list). `om_api_token` has no `om_collectivite` column: no row-level security.
 */
export interface ApiTokenInfo {
  readonly id: number;
  readonly label: string;
  /** `cmn_<8 characters>`: enough to recognise a token, useless to use it. */
  readonly prefix: string;
  readonly createdAt: string;
  readonly lastUsedAt: string | null;
  readonly expiresAt: string | null;
  readonly revokedAt: string | null;
}

/** The permission to list, create and revoke one's own tokens (granted to every profile by the initial data). */
export const OWN_TOKENS_PERMISSION = 'api_token';

const TOKEN_SHAPE = /^cmn_([0-9a-f]{8})_([A-Za-z0-9_-]{43})$/;
/** `utilise_le` is written at most once a minute per token. */
const TOUCH_SECONDS = 60;

interface TokenRow {
  om_api_token: number;
  libelle: string;
  prefixe: string;
  cree_le: unknown;
  utilise_le: unknown;
  expire_le: unknown;
  revoque_le: unknown;
}

/** Both drivers give timestamps with time zone as dates; the API shows them as ISO strings. */
function isoOrNull(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const date = value instanceof Date ? value : new Date(String(value));
  return Number.isNaN(date.getTime()) ? String(value) : date.toISOString();
}

const toInfo = (row: TokenRow): ApiTokenInfo => ({
  id: Number(row.om_api_token),
  label: row.libelle,
  prefix: `cmn_${row.prefixe}`,
  createdAt: isoOrNull(row.cree_le) ?? '',
  lastUsedAt: isoOrNull(row.utilise_le),
  expiresAt: isoOrNull(row.expire_le),
  revokedAt: isoOrNull(row.revoque_le),
});

const columns = sql`om_api_token, libelle, prefixe, cree_le, utilise_le, expire_le, revoque_le`;

/** Creates a token for a user. `token` is the only copy of the secret: show it once. */
export async function createApiToken(
  db: Db,
  userId: number,
  label: string,
  expiresAt: Date | null = null,
): Promise<{ token: string; info: ApiTokenInfo }> {
  const prefix = randomBytes(4).toString('hex');
  const token = `cmn_${prefix}_${randomSecret(32)}`;
  const result = await sql<TokenRow>`
    insert into om.om_api_token (om_utilisateur, libelle, empreinte, prefixe, expire_le)
    values (${userId}, ${label.slice(0, 100)}, ${sha256Hex(token)}, ${prefix}, ${expiresAt?.toISOString() ?? null}::timestamptz)
    returning ${columns}`.execute(db);
  const row = result.rows[0];
  if (!row) throw new Error('om_api_token: insert returned no row');
  return { token, info: toInfo(row) };
}

/** A user's tokens, newest first; never the secret. */
export async function listApiTokens(db: Db, userId: number): Promise<ApiTokenInfo[]> {
  const result = await sql<TokenRow>`
    select ${columns} from om.om_api_token where om_utilisateur = ${userId}
     order by cree_le desc, om_api_token desc`.execute(db);
  return result.rows.map(toInfo);
}

/** Revokes one of the user's own tokens; false when there is no such active token of theirs. */
export async function revokeApiToken(db: Db, userId: number, tokenId: number): Promise<boolean> {
  const result = await sql`
    update om.om_api_token set revoque_le = now()
     where om_api_token = ${tokenId} and om_utilisateur = ${userId} and revoque_le is null`.execute(db);
  actorCache.forgetUser(userId);
  return Number(result.numAffectedRows ?? 0) === 1;
}

/**
 * Revokes every active token of a user, in the caller's transaction when `db` is one: whenever
 * their password changes or is reset. Returns how many were revoked.
 */
export async function revokeUserApiTokens(db: Db, userId: number): Promise<number> {
  actorCache.forgetUser(userId);
  const result = await sql`update om.om_api_token set revoque_le = now() where om_utilisateur = ${userId} and revoque_le is null`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/** The actor a bearer token stands for, if the token is well formed, known, not revoked and not expired. */
export async function authenticateBearer(db: Db, token: string): Promise<Actor | undefined> {
  if (!TOKEN_SHAPE.test(token)) return undefined;
  const digest = sha256Hex(token);
  const result = await sql<{ om_api_token: number; om_utilisateur: number; stale: boolean }>`
    select om_api_token, om_utilisateur,
           (utilise_le is null or utilise_le <= now() - make_interval(secs => ${TOUCH_SECONDS})) as stale
      from om.om_api_token
     where empreinte = ${digest} and revoque_le is null and (expire_le is null or expire_le > now())`.execute(db);
  const row = result.rows[0];
  if (!row) return undefined;
  if (row.stale) await sql`update om.om_api_token set utilise_le = now() where om_api_token = ${row.om_api_token}`.execute(db);
  return loadActor(db, Number(row.om_utilisateur), undefined, 'token');
}
