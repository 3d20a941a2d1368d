/**
 * The agent's choice (om_utilisateur.notification_quotidienne) and the signed opt-out link of the
 * e-mail: `<user>.<day>.<HMAC-SHA256 of the purpose, the user and the day>`, keyed by the instance
 * key (config/instance-key.ts, never in the database: a copy of the database or of a backup cannot
 * forge links). `day` is the day it was issued (days since 1970-01-01 UTC); the link switches off
 * that agent's e-mail and nothing else, without signing in, until OPT_OUT_VALIDITY_DAYS days after
 * that day. Tokens of the old form (no day, key of the database, migration 0031) are invalid.
 */
import { createHmac } from 'node:crypto';
import { sql } from 'kysely';
import { SYSTEM_ACTOR, type Actor } from '../access/actor.ts';
import { sameSecret } from '../access/secrets.ts';
import { instanceKey, type InstanceKeySource } from '../config/instance-key.ts';
import type { Db } from '../db/connection.ts';
import { readAs, writeAs } from '../db/tenant-context.ts';

/** Where the e-mail's opt-out link points (GET: a confirmation; POST: done). */
export const OPT_OUT_PATH = '/notifications/desabonnement';

/** Days a link stays valid after the day it was issued. */
export const OPT_OUT_VALIDITY_DAYS = 60;

const PURPOSE = 'notification-quotidienne:desabonnement:';
const DAY_MS = 86_400_000;

/** Days since 1970-01-01 UTC. */
export const dayNumber = (now: number): number => Math.floor(now / DAY_MS);

const signature = (source: InstanceKeySource, userId: number, day: number): string =>
  createHmac('sha256', instanceKey(source, 'notifications')).update(`${PURPOSE}${userId}.${day}`, 'utf8').digest('base64url');

export function optOutToken(source: InstanceKeySource, userId: number, now = Date.now()): string {
  const day = dayNumber(now);
  return `${userId}.${day}.${signature(source, userId, day)}`;
}

/** `valid`: the user it was made for; `expired`: authentic but too old; `invalid`: malformed, altered, or of the old form without a day. */
export type OptOutCheck = { readonly status: 'valid'; readonly userId: number } | { readonly status: 'expired' | 'invalid' };

const INVALID: OptOutCheck = { status: 'invalid' };

export function verifyOptOutToken(source: InstanceKeySource, token: string, now = Date.now()): OptOutCheck {
  const match = /^([1-9]\d{0,9})\.(0|[1-9]\d{0,6})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return INVALID;
  const userId = Number(match[1]);
  const day = Number(match[2]);
  if (userId > 2_147_483_647) return INVALID;
  if (!sameSecret(signature(source, userId, day), match[3] as string)) return INVALID;
  const age = dayNumber(now) - day;
  // A day after today: only a server whose clock runs ahead signs it; one day of tolerance.
  if (age < -1) return INVALID;
  return age > OPT_OUT_VALIDITY_DAYS ? { status: 'expired' } : { status: 'valid', userId };
}

export const optOutUrl = (baseUrl: string, token: string): string => `${baseUrl.replace(/\/+$/, '')}${OPT_OUT_PATH}?jeton=${encodeURIComponent(token)}`;

/** Turns the e-mail off for the user a valid token names (the link works without signing in); the token's check. */
export async function optOutWithToken(db: Db, source: InstanceKeySource, token: string, now = Date.now()): Promise<OptOutCheck> {
  const check = verifyOptOutToken(source, token, now);
  if (check.status !== 'valid') return check;
  // The framework acts: the visitor is not signed in, the token is the authorisation, for this one switch.
  await writeAs(db, SYSTEM_ACTOR, (trx) => sql`update om.om_utilisateur set notification_quotidienne = false where om_utilisateur = ${check.userId}`.execute(trx));
  return check;
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
