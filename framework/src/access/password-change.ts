import { sql, type Transaction } from 'kysely';
import type { Db, Schema } from '../db/connection.ts';
import { writeAs } from '../db/tenant-context.ts';
import { SYSTEM_ACTOR } from './actor.ts';
import { t, type Locale } from '../i18n/index.ts';
import { hashPassword, passwordProblems, verifyPassword } from './passwords.ts';
import { endUserAccess } from './end-user-access.ts';
import { findAccountById, storePasswordHash } from './user-accounts.ts';

/** The permission to change one's own password (openMairie's `password`, granted to every profile). */
export const OWN_PASSWORD_PERMISSION = 'password';

export interface PasswordChangeInput {
  readonly current: string;
  readonly next: string;
  readonly confirmation: string;
}

/** A refusal, with the form field it is about (the fields are the same in pages and in the API). */
export interface PasswordError {
  readonly field: 'current' | 'password' | 'confirmation';
  readonly message: string;
}

export type PasswordChangeResult = { readonly ok: true } | { readonly ok: false; readonly errors: readonly PasswordError[] };

/** Problems with a new password typed twice: confirmation, then the strength rule. */
export function newPasswordErrors(next: string, confirmation: string, login: string, locale?: Locale): PasswordError[] {
  const errors: PasswordError[] = passwordProblems(next, login, locale).map((message) => ({ field: 'password', message }));
  if (next !== confirmation) errors.push({ field: 'confirmation', message: t('access.confirmationMismatch', undefined, locale) });
  return errors;
}

/**
 * Applies a new password hash inside a transaction from `writeAs(…, SYSTEM_ACTOR)`: stores it,
 * ends every session and revokes every API token of the user, and cancels their pending reset links.
 */
export async function applyPasswordHash(trx: Transaction<Schema>, userId: number, passwordHash: string): Promise<void> {
  await storePasswordHash(trx, userId, passwordHash);
  await endUserAccess(trx, userId);
  await sql`update om.om_password_reset set utilise_le = now() where om_utilisateur = ${userId} and utilise_le is null`.execute(trx);
}

/**
 * Sets a new password (after any check of who may do it) in one transaction. The caller opens a
 * new session for the browser it is answering, if any.
 */
export async function storeNewPassword(db: Db, userId: number, password: string): Promise<void> {
  const passwordHash = await hashPassword(password);
  await writeAs(db, SYSTEM_ACTOR, (trx) => applyPasswordHash(trx, userId, passwordHash));
}

/**
 * A user changes their own password: current one, then the new one twice, checked against the
 * strength rule. Refusals are worded in `locale`.
 */
export async function changePassword(db: Db, userId: number, input: PasswordChangeInput, locale?: Locale): Promise<PasswordChangeResult> {
  const account = await findAccountById(db, userId);
  const wrongCurrent: PasswordError = { field: 'current', message: t('access.currentPasswordWrong', undefined, locale) };
  if (!account) return { ok: false, errors: [wrongCurrent] };
  if (account.type === 'LDAP') return { ok: false, errors: [{ field: 'current', message: t('access.ldapPasswordChange', undefined, locale) }] };
  if (!(await verifyPassword(account.passwordHash, input.current)).ok) return { ok: false, errors: [wrongCurrent] };
  const errors = newPasswordErrors(input.next, input.confirmation, account.login, locale);
  if (input.next === input.current) errors.unshift({ field: 'password', message: t('access.passwordUnchanged', undefined, locale) });
  if (errors.length > 0) return { ok: false, errors };
  await storeNewPassword(db, userId, input.next);
  return { ok: true };
}
