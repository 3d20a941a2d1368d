import { sql } from 'kysely';
import { actorCache } from './actor-cache.ts';
import type { RuntimeConfig } from '../config/index.ts';
import type { Db } from '../db/connection.ts';
import { randomSecret, sha256Hex } from './secrets.ts';

/**
 * Browser sessions, in `om.om_session`. The cookie holds a random token; the table holds only its
 * SHA-256 (the session id), so a copy of the table opens no session. Times come from the database
 * clock. `om_session` has no `om_collectivite` column, so no row-level security applies to it.
 */
export type SessionPolicy = RuntimeConfig['session'];

export interface Session {
  /** SHA-256 hex of the cookie token: the row's key. */
  readonly id: string;
  readonly userId: number;
  readonly csrfToken: string;
  /** The collectivité a niveau-2 user chose to work in (undefined: their own). */
  readonly workingCollectivite: number | undefined;
}

export interface SessionDetails {
  address?: string | undefined;
  userAgent?: string | undefined;
  /** The identity provider the user signed in through (`om_fournisseur_identite`), and its ID token (for its logout). */
  identityProvider?: number | undefined;
  idToken?: string | undefined;
}

/** How often `vu_le` is written: at most once a minute per session. */
const TOUCH_SECONDS = 60;

export const sessionIdOf = (token: string) => sha256Hex(token);

interface SessionRow {
  om_session: string;
  om_utilisateur: number;
  csrf_token: string;
  collectivite_active: number | null;
}

const toSession = (row: SessionRow): Session => ({
  id: row.om_session,
  userId: Number(row.om_utilisateur),
  csrfToken: row.csrf_token,
  workingCollectivite: row.collectivite_active === null ? undefined : Number(row.collectivite_active),
});

/** Opens a session; returns the token for the cookie (shown nowhere else) and the session. */
export async function createSession(
  db: Db,
  policy: SessionPolicy,
  userId: number,
  details: SessionDetails = {},
): Promise<{ token: string; session: Session }> {
  const token = randomSecret(32);
  const id = sessionIdOf(token);
  const csrfToken = randomSecret(32);
  // The user's sessions that have ended are removed at the same time.
  await sql`
    delete from om.om_session
     where om_utilisateur = ${userId}
       and (expire_le <= now() or vu_le <= now() - make_interval(mins => ${policy.idleMinutes}))`.execute(db);
  await sql`
    insert into om.om_session (om_session, om_utilisateur, csrf_token, adresse, navigateur, expire_le, om_fournisseur_identite, jeton_identite)
    values (${id}, ${userId}, ${csrfToken}, ${details.address?.slice(0, 64) ?? null},
            ${details.userAgent?.slice(0, 300) ?? null}, now() + make_interval(hours => ${policy.absoluteHours}),
            ${details.identityProvider ?? null}, ${details.idToken ?? null})`.execute(db);
  return { token, session: { id, userId, csrfToken, workingCollectivite: undefined } };
}

/**
 * The session a cookie token opens, if it has not ended: neither idle for longer than the idle
 * limit nor older than its absolute limit. Marks it as seen (at most once a minute).
 */
export async function findSession(db: Db, policy: SessionPolicy, token: string): Promise<Session | undefined> {
  if (token.length === 0 || token.length > 200) return undefined;
  const id = sessionIdOf(token);
  const found = await sql<SessionRow & { stale: boolean }>`
    select om_session, om_utilisateur, csrf_token, collectivite_active,
           vu_le <= now() - make_interval(secs => ${TOUCH_SECONDS}) as stale
      from om.om_session
     where om_session = ${id}
       and expire_le > now()
       and vu_le > now() - make_interval(mins => ${policy.idleMinutes})`.execute(db);
  const row = found.rows[0];
  if (!row) return undefined;
  if (row.stale) await sql`update om.om_session set vu_le = now() where om_session = ${id}`.execute(db);
  return toSession(row);
}

/** Ends one session (logout). */
export async function revokeSession(db: Db, sessionId: string): Promise<void> {
  const ended = await sql<{ om_utilisateur: number }>`delete from om.om_session where om_session = ${sessionId} returning om_utilisateur`.execute(db);
  for (const row of ended.rows) actorCache.forgetUser(Number(row.om_utilisateur));
}

/** Ends every session of a user: called whenever their password changes. Returns how many ended. */
export async function revokeUserSessions(db: Db, userId: number): Promise<number> {
  actorCache.forgetUser(userId);
  const result = await sql`delete from om.om_session where om_utilisateur = ${userId}`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/** Records the collectivité a niveau-2 user chose (null: back to their own). The caller checks the niveau. */
export async function setWorkingCollectivite(db: Db, sessionId: string, collectivite: number | null): Promise<void> {
  const changed = await sql<{ om_utilisateur: number }>`update om.om_session set collectivite_active = ${collectivite}
    where om_session = ${sessionId} returning om_utilisateur`.execute(db);
  for (const row of changed.rows) actorCache.forgetUser(Number(row.om_utilisateur));
}
