import { sql } from 'kysely';
import { instanceKey, type InstanceKeySource } from '../../config/instance-key.ts';
import type { Db } from '../../db/connection.ts';
import {
  RECOVERY_CODE_COUNT,
  looksLikeRecoveryCode,
  matchingStep,
  newRecoveryCode,
  newTotpSecret,
  recoveryCodeDigest,
} from './codes.ts';
import { open, seal } from './secret-box.ts';

/**
 * A user's second factor in `om.om_double_authentification` and `om.om_code_secours`: the TOTP
 * secret sealed with the instance key, the last time step accepted, the recovery codes' digests.
 * Technical tables without row-level security (like `om_session`): only this module writes them.
 */
const keyOf = (source: InstanceKeySource) => instanceKey(source, 'totp');
const ownerOf = (userId: number) => `om_utilisateur:${userId}`;

export interface TwoFactorStatus {
  /** Confirmed with a first code: sign-in asks for a code. */
  readonly active: boolean;
  readonly activatedAt: Date | undefined;
  /** Recovery codes not used yet. */
  readonly recoveryCodesLeft: number;
}

interface Row {
  secret_chiffre: string;
  active_le: Date | string | null;
  dernier_pas: number | string | null;
}

async function rowOf(db: Db, userId: number): Promise<Row | undefined> {
  const found = await sql<Row>`select secret_chiffre, active_le, dernier_pas from om.om_double_authentification
    where om_utilisateur = ${userId}`.execute(db);
  return found.rows[0];
}

export async function twoFactorStatus(db: Db, userId: number): Promise<TwoFactorStatus> {
  const row = await rowOf(db, userId);
  if (!row || row.active_le === null) return { active: false, activatedAt: undefined, recoveryCodesLeft: 0 };
  const left = await sql<{ n: number | string }>`select count(*) as n from om.om_code_secours
    where om_utilisateur = ${userId} and utilise_le is null`.execute(db);
  return { active: true, activatedAt: new Date(row.active_le), recoveryCodesLeft: Number(left.rows[0]?.n ?? 0) };
}

export const hasActiveSecondFactor = async (db: Db, userId: number): Promise<boolean> => (await twoFactorStatus(db, userId)).active;

/**
 * The secret to show for enrolment: the one of an enrolment already begun (a page reloaded keeps
 * the QR code the phone scanned), else a new one. Undefined when the second factor is already active.
 */
export async function beginEnrolment(db: Db, source: InstanceKeySource, userId: number): Promise<string | undefined> {
  const key = keyOf(source);
  const row = await rowOf(db, userId);
  if (row && row.active_le !== null) return undefined;
  const begun = row ? open(key, row.secret_chiffre, ownerOf(userId)) : undefined;
  if (begun) return begun;
  const secret = newTotpSecret();
  await sql`insert into om.om_double_authentification (om_utilisateur, secret_chiffre) values (${userId}, ${seal(key, secret, ownerOf(userId))})
    on conflict (om_utilisateur) do update set secret_chiffre = excluded.secret_chiffre, cree_le = now()
    where om.om_double_authentification.active_le is null`.execute(db);
  return secret;
}

/**
 * Confirms an enrolment with a first code from the app: the second factor becomes active and ten
 * recovery codes are made, returned in clear this once. Undefined when the code is wrong (or no
 * enrolment was begun).
 */
export async function activate(db: Db, source: InstanceKeySource, userId: number, typed: string, now = Date.now()): Promise<string[] | undefined> {
  const row = await rowOf(db, userId);
  if (!row || row.active_le !== null) return undefined;
  const secret = open(keyOf(source), row.secret_chiffre, ownerOf(userId));
  const step = secret === undefined ? undefined : matchingStep(secret, typed, now);
  if (step === undefined) return undefined;
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  const activated = await db.transaction().execute(async (trx) => {
    const done = await sql`update om.om_double_authentification set active_le = now(), dernier_pas = ${step}
      where om_utilisateur = ${userId} and active_le is null`.execute(trx);
    if (Number(done.numAffectedRows ?? 0) !== 1) return false;
    await storeRecoveryCodes(trx, userId, codes);
    return true;
  });
  return activated ? codes : undefined;
}

/** The recovery codes' digests replace the previous ones (all of them, used or not). */
async function storeRecoveryCodes(trx: Db, userId: number, codes: readonly string[]): Promise<void> {
  await sql`delete from om.om_code_secours where om_utilisateur = ${userId}`.execute(trx);
  for (const code of codes) {
    await sql`insert into om.om_code_secours (om_utilisateur, empreinte) values (${userId}, ${recoveryCodeDigest(code)})`.execute(trx);
  }
}

/** Ten new recovery codes for an active second factor (the old ones stop working), in clear this once. */
export async function renewRecoveryCodes(db: Db, userId: number): Promise<string[] | undefined> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  const renewed = await db.transaction().execute(async (trx) => {
    const active = await sql`select 1 from om.om_double_authentification where om_utilisateur = ${userId} and active_le is not null for update`.execute(trx);
    if (active.rows.length === 0) return false;
    await storeRecoveryCodes(trx, userId, codes);
    return true;
  });
  return renewed ? codes : undefined;
}

export type CodeCheck = 'totp' | 'recovery' | 'wrong' | 'unreadable';

/**
 * Checks a code of an active second factor and uses it up: a TOTP code whose time step is not
 * later than the last one accepted is refused (no replay, even within its 30 seconds), a recovery
 * code is marked used. `unreadable`: the secret no longer opens (the instance key changed).
 */
export async function useCode(db: Db, source: InstanceKeySource, userId: number, typed: string, now = Date.now()): Promise<CodeCheck> {
  const row = await rowOf(db, userId);
  if (!row || row.active_le === null) return 'wrong';
  if (looksLikeRecoveryCode(typed)) {
    const used = await sql`update om.om_code_secours set utilise_le = now()
      where om_utilisateur = ${userId} and empreinte = ${recoveryCodeDigest(typed)} and utilise_le is null`.execute(db);
    return Number(used.numAffectedRows ?? 0) === 1 ? 'recovery' : 'wrong';
  }
  const secret = open(keyOf(source), row.secret_chiffre, ownerOf(userId));
  if (secret === undefined) return 'unreadable';
  const step = matchingStep(secret, typed, now);
  if (step === undefined) return 'wrong';
  // One statement: two requests carrying the same code cannot both pass.
  const accepted = await sql`update om.om_double_authentification set dernier_pas = ${step}
    where om_utilisateur = ${userId} and active_le is not null and (dernier_pas is null or dernier_pas < ${step})`.execute(db);
  return Number(accepted.numAffectedRows ?? 0) === 1 ? 'totp' : 'wrong';
}

/** Removes the second factor (its owner turning it off, or an administrator's reset); true when there was one. */
export async function removeSecondFactor(db: Db, userId: number): Promise<boolean> {
  const removed = await sql`delete from om.om_double_authentification where om_utilisateur = ${userId}`.execute(db);
  return Number(removed.numAffectedRows ?? 0) > 0;
}
