import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import { randomSecret, sha256Hex } from '../secrets.ts';

/**
 * A sign-in waiting for its second factor (`om.om_verification_connexion`): the password was
 * right, no session is open yet. The browser holds a random token (a cookie), the table its
 * SHA-256, bound to the user, for a few minutes. `code`: a code is asked; `inscription`: the
 * instance requires a second factor this user has not set up, and no session opens before he does.
 */
export type ChallengeStep = 'code' | 'inscription';

export interface Challenge {
  readonly id: string;
  readonly userId: number;
  readonly step: ChallengeStep;
  /** Where to go once signed in (a path of this site). */
  readonly cameFrom: string;
}

const LIFETIME_MINUTES: Record<ChallengeStep, number> = { code: 5, inscription: 10 };

export interface ChallengeDetails {
  readonly cameFrom?: string | undefined;
  readonly address?: string | undefined;
  readonly userAgent?: string | undefined;
}

/** Opens a challenge; returns the token for the cookie. The user's older challenges end. */
export async function openChallenge(db: Db, userId: number, step: ChallengeStep, details: ChallengeDetails = {}): Promise<string> {
  const token = randomSecret(32);
  const cameFrom = details.cameFrom?.startsWith('/') && details.cameFrom.length <= 500 ? details.cameFrom : '/';
  await sql`delete from om.om_verification_connexion where om_utilisateur = ${userId} or expire_le <= now()`.execute(db);
  await sql`insert into om.om_verification_connexion (om_verification_connexion, om_utilisateur, etape, retour, adresse, navigateur, expire_le)
    values (${sha256Hex(token)}, ${userId}, ${step}, ${cameFrom}, ${details.address?.slice(0, 64) ?? null},
            ${details.userAgent?.slice(0, 300) ?? null}, now() + make_interval(mins => ${LIFETIME_MINUTES[step]}))`.execute(db);
  return token;
}

/** The challenge a cookie token names, if it has not expired. */
export async function findChallenge(db: Db, token: string | undefined): Promise<Challenge | undefined> {
  if (token === undefined || token.length === 0 || token.length > 200) return undefined;
  const found = await sql<{ om_verification_connexion: string; om_utilisateur: number; etape: ChallengeStep; retour: string }>`
    select om_verification_connexion, om_utilisateur, etape, retour from om.om_verification_connexion
     where om_verification_connexion = ${sha256Hex(token)} and expire_le > now()`.execute(db);
  const row = found.rows[0];
  return row ? { id: row.om_verification_connexion, userId: Number(row.om_utilisateur), step: row.etape, cameFrom: row.retour } : undefined;
}

/**
 * Ends a challenge; true only for the call that removed it, so that two requests racing with the
 * same token cannot both open a session.
 */
export async function closeChallenge(db: Db, id: string): Promise<boolean> {
  const closed = await sql`delete from om.om_verification_connexion where om_verification_connexion = ${id}`.execute(db);
  return Number(closed.numAffectedRows ?? 0) === 1;
}

/** Ends every challenge of a user (his second factor was reset, his account disabled). */
export async function closeUserChallenges(db: Db, userId: number): Promise<void> {
  await sql`delete from om.om_verification_connexion where om_utilisateur = ${userId}`.execute(db);
}
