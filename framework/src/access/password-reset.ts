import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';
import { writeAs } from '../db/tenant-context.ts';
import type { Runtime } from '../runtime.ts';
import { SYSTEM_ACTOR } from './actor.ts';
import { findAccountById, findAccountsByLoginOrEmail, type UserAccount } from './user-accounts.ts';
import { t, type Locale } from '../i18n/index.ts';
import { hashPassword } from './passwords.ts';
import { applyPasswordHash, newPasswordErrors, type PasswordError } from './password-change.ts';
import { randomSecret, sha256Hex } from './secrets.ts';

/** A reset link works for one hour, once. */
export const RESET_VALIDITY_MINUTES = 60;
/** Requests per account and per hour beyond which no more e-mail is sent (mailbox flooding). */
export const RESET_REQUESTS_PER_HOUR = 3;

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{20,100}$/;

export const resetLink = (baseUrl: string, token: string) => `${baseUrl}/password/reset/${token}`;

async function recentRequests(db: Db, userId: number): Promise<number> {
  const result = await sql<{ n: number }>`
    select count(*)::integer as n from om.om_password_reset
     where om_utilisateur = ${userId} and cree_le > now() - interval '1 hour'`.execute(db);
  return Number(result.rows[0]?.n ?? 0);
}

async function sendLink(runtime: Runtime, account: UserAccount): Promise<void> {
  const db = runtime.db.kysely;
  if (account.type !== 'DB' || account.email.trim() === '') return;
  if ((await recentRequests(db, account.id)) >= RESET_REQUESTS_PER_HOUR) {
    runtime.logger.warn({ userId: account.id }, 'réinitialisation du mot de passe : trop de demandes, aucun message envoyé');
    return;
  }
  const token = randomSecret(32);
  await sql`
    insert into om.om_password_reset (empreinte, om_utilisateur, expire_le)
    values (${sha256Hex(token)}, ${account.id}, now() + make_interval(mins => ${RESET_VALIDITY_MINUTES}))`.execute(db);
  const link = resetLink(runtime.config.baseUrl, token);
  const { locale } = runtime.config;
  await runtime.mailer.send({
    to: account.email,
    subject: t('access.resetMailSubject', undefined, locale),
    text: t('access.resetMailText', { nom: account.nom, login: account.login, link }, locale),
  });
}

/**
 * Forgotten password: sends a reset link to every account whose login or e-mail matches. The
 * answer is always the same message, returned before any e-mail goes out, so that neither its
 * text nor its delay tells whether an account exists. `sent` settles when the work is done
 * (errors are logged, never thrown); tests wait for it, pages do not.
 */
export function requestPasswordReset(runtime: Runtime, loginOrEmail: string): { message: string; sent: Promise<void> } {
  const value = loginOrEmail.trim();
  const sent = (async () => {
    if (value.length === 0 || value.length > 100) return;
    for (const account of await findAccountsByLoginOrEmail(runtime.db.kysely, value)) await sendLink(runtime, account);
  })().catch((error: unknown) => {
    runtime.logger.error({ err: error }, 'réinitialisation du mot de passe : échec de l’envoi du message');
  });
  return { message: t('access.resetRequested', undefined, runtime.config.locale), sent };
}

/** The account a reset token is for, while the token is unused and not expired. */
export async function findResetAccount(db: Db, token: string): Promise<UserAccount | undefined> {
  if (!TOKEN_SHAPE.test(token)) return undefined;
  const result = await sql<{ om_utilisateur: number }>`
    select om_utilisateur from om.om_password_reset
     where empreinte = ${sha256Hex(token)} and utilise_le is null and expire_le > now()`.execute(db);
  const row = result.rows[0];
  return row ? findAccountById(db, Number(row.om_utilisateur)) : undefined;
}

export type ResetResult =
  | { readonly ok: true; readonly userId: number }
  /** `expired`: the link is unknown, used or expired (show `access.resetLinkInvalid`). */
  | { readonly ok: false; readonly expired: true }
  | { readonly ok: false; readonly expired: false; readonly errors: readonly PasswordError[] };

/**
 * Uses a reset link: checks the new password (twice, strength rule), then in one transaction marks
 * the link used (only one use can win), stores the password and ends the user's sessions.
 * Refusals are worded in `locale`.
 */
export async function resetPassword(db: Db, token: string, next: string, confirmation: string, locale?: Locale): Promise<ResetResult> {
  const account = await findResetAccount(db, token);
  if (!account || account.type !== 'DB') return { ok: false, expired: true };
  const errors = newPasswordErrors(next, confirmation, account.login, locale);
  if (errors.length > 0) return { ok: false, expired: false, errors };
  const passwordHash = await hashPassword(next);
  const claimed = await writeAs(db, SYSTEM_ACTOR, async (trx) => {
    const used = await sql`
      update om.om_password_reset set utilise_le = now()
       where empreinte = ${sha256Hex(token)} and utilise_le is null and expire_le > now()`.execute(trx);
    if (Number(used.numAffectedRows ?? 0) !== 1) return false;
    await applyPasswordHash(trx, account.id, passwordHash);
    return true;
  });
  if (!claimed) return { ok: false, expired: true };
  return { ok: true, userId: account.id };
}
