import type { Runtime } from '../runtime.ts';
import { writeAs } from '../db/tenant-context.ts';
import { SYSTEM_ACTOR } from './actor.ts';
import { t } from '../i18n/index.ts';
import { holdsNul } from '../db/nul-bytes.ts';
import { dummyVerify, hashPassword, verifyPassword } from './passwords.ts';
import { createSession, type Session, type SessionDetails } from './sessions.ts';
import { checkThrottle, recordAttempt } from './throttle.ts';
import { findAccountByLogin, storePasswordHash } from './user-accounts.ts';
import { checkDirectoryPassword } from './ldap/password-check.ts';
import { annuaireMessage } from './ldap/messages.ts';

export type AuthFailureReason = 'missing' | 'invalid' | 'throttled' | 'ldap';

export type AuthResult =
  | { readonly ok: true; readonly userId: number; readonly token: string; readonly session: Session }
  | { readonly ok: false; readonly reason: AuthFailureReason; readonly message: string };

const failure = (reason: AuthFailureReason, message: string): AuthResult => ({ ok: false, reason, message });

/**
 * Checks a login and password and opens a session. Whatever went wrong (unknown login, wrong
 * password), the answer is the same message after about the same time. A legacy md5 password is
 * rehashed with argon2id at its first successful use.
 */
export async function authenticate(
  runtime: Runtime,
  login: string,
  password: string,
  address: string,
  details: Omit<SessionDetails, 'address'> = {},
): Promise<AuthResult> {
  const db = runtime.db.kysely;
  const { login: policy, locale } = runtime.config;
  const name = login.trim();
  if (name.length === 0 || password.length === 0) return failure('missing', t('access.missingCredentials', undefined, locale));
  // No login holds a NUL byte, and the database could not even look one up.
  if (holdsNul(name) || holdsNul(password)) return failure('missing', t('inputChecks.nul.login', undefined, locale));

  const throttle = await checkThrottle(db, policy, name, address, locale);
  if (throttle.blocked) return failure('throttled', throttle.message);

  const account = name.length <= 30 ? await findAccountByLogin(db, name) : undefined;
  if (!account) {
    await dummyVerify(password);
    await recordAttempt(db, policy, name, address, false);
    return failure('invalid', t('access.invalidCredentials', undefined, locale));
  }
  if (account.type === 'LDAP') {
    // The directory's own policy decides; its refusals (expired, locked…) are named, a wrong
    // password or an entry it does not know gets the same message as here.
    const directory = await checkDirectoryPassword(runtime, account.login, password);
    if (!directory.ok) {
      if (directory.counts) await recordAttempt(db, policy, name, address, false);
      return failure(directory.reason, directory.message);
    }
  } else {
    const check = await verifyPassword(account.passwordHash, password);
    if (!check.ok) {
      await recordAttempt(db, policy, name, address, false);
      return failure('invalid', t('access.invalidCredentials', undefined, locale));
    }
    if (check.needsRehash) {
      const rehashed = await hashPassword(password);
      await writeAs(db, SYSTEM_ACTOR, (trx) => storePasswordHash(trx, account.id, rehashed));
      runtime.logger.info({ userId: account.id }, 'mot de passe réencodé en argon2id');
    }
  }
  // Said only to whoever gave the right password: it tells nothing to someone guessing.
  if (!account.active) {
    await recordAttempt(db, policy, name, address, false);
    return failure('invalid', annuaireMessage('signIn.disabled', undefined, locale));
  }
  await recordAttempt(db, policy, name, address, true);
  const { token, session } = await createSession(db, runtime.config.session, account.id, { ...details, address });
  return { ok: true, userId: account.id, token, session };
}
