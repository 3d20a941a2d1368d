/**
 * The agent's choice (om_utilisateur.notification_quotidienne) and the signed opt-out link of the
 * e-mail: `<user>.<HMAC-SHA256 of the purpose and the user, keyed by the instance's key>` (migration
 * 0031), so that the link switches off that agent's e-mail and nothing else, without signing in.
 */
import { createHmac } from 'node:crypto';
import { sql } from 'kysely';
import { SYSTEM_ACTOR, type Actor } from '../access/actor.ts';
import { sameSecret } from '../access/secrets.ts';
import type { Db } from '../db/connection.ts';
import { readAs, writeAs } from '../db/tenant-context.ts';

/** Where the e-mail's opt-out link points (GET: a confirmation; POST: done). */
export const OPT_OUT_PATH = '/notifications/desabonnement';

const PURPOSE = 'notification-quotidienne:desabonnement:';

async function signingKey(db: Db): Promise<string> {
  const { rows } = await readAs(db, SYSTEM_ACTOR, (connection) => sql<{ cle: string }>`select cle from om.om_notification_cle`.execute(connection));
  const key = rows[0]?.cle;
  if (!key) throw new Error('clé de signature des notifications absente (migration 0031)');
  return key;
}

const signature = (key: string, userId: number): string => createHmac('sha256', key).update(`${PURPOSE}${userId}`, 'utf8').digest('base64url');

export async function optOutToken(db: Db, userId: number): Promise<string> {
  return `${userId}.${signature(await signingKey(db), userId)}`;
}

/** The user the token was made for, or undefined for anything else (malformed, altered). */
export async function verifyOptOutToken(db: Db, token: string): Promise<number | undefined> {
  const match = /^([1-9]\d{0,9})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return undefined;
  const userId = Number(match[1]);
  if (!Number.isSafeInteger(userId) || userId > 2_147_483_647) return undefined;
  return sameSecret(signature(await signingKey(db), userId), match[2] as string) ? userId : undefined;
}

export const optOutUrl = (baseUrl: string, token: string): string => `${baseUrl.replace(/\/+$/, '')}${OPT_OUT_PATH}?jeton=${encodeURIComponent(token)}`;

/** Turns the e-mail off for the user a valid token names (the link works without signing in); whether it found him. */
export async function optOutWithToken(db: Db, token: string): Promise<boolean> {
  const userId = await verifyOptOutToken(db, token);
  if (userId === undefined) return false;
  // The framework acts: the visitor is not signed in, the token is the authorisation, for this one switch.
  await writeAs(db, SYSTEM_ACTOR, (trx) => sql`update om.om_utilisateur set notification_quotidienne = false where om_utilisateur = ${userId}`.execute(trx));
  return true;
}

export interface OwnPreference {
  readonly enabled: boolean;
  readonly email: string;
}

/** The signed-in agent's own choice and address. */
export async function ownPreference(db: Db, actor: Actor): Promise<OwnPreference> {
  const { rows } = await readAs(db, SYSTEM_ACTOR, (connection) =>
    sql<{ notification_quotidienne: boolean; email: string | null }>`
      select notification_quotidienne, email from om.om_utilisateur where om_utilisateur = ${actor.userId}`.execute(connection));
  const row = rows[0];
  return { enabled: row?.notification_quotidienne ?? false, email: row?.email?.trim() ?? '' };
}

/** The signed-in agent changes his own choice (his row only: no other permission is needed). */
export async function setOwnPreference(db: Db, actor: Actor, enabled: boolean): Promise<void> {
  await writeAs(db, SYSTEM_ACTOR, (trx) => sql`update om.om_utilisateur set notification_quotidienne = ${enabled} where om_utilisateur = ${actor.userId}`.execute(trx));
}
