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
import type { ChallengeStep } from './totp/challenge.ts';
import { totpMessage } from './totp/messages.ts';
import { secondStepOf, signInWithCode } from './totp/second-step.ts';

/** `code`: the second factor's code was wrong (or could not be checked). */
export type AuthFailureReason = 'missing' | 'invalid' | 'throttled' | 'ldap' | 'code';

/**
 * The password was right but the account has a second step to pass before any session opens: a
 * code (`code`), or setting up the second factor the instance requires of it (`inscription`).
 */
export interface SecondFactorPending {
  readonly ok: false;
  readonly reason: 'second_factor';
  readonly step: ChallengeStep;
  readonly userId: number;
  readonly message: string;
}

export type AuthResult =
  | { readonly ok: true; readonly userId: number; readonly token: string; readonly session: Session }
  | { readonly ok: false; readonly reason: AuthFailureReason; readonly message: string }
  | SecondFactorPending;

export interface SignInDetails extends Omit<SessionDetails, 'address'> {
  /** The second factor's code, sent with the password (API); without it, a second step is answered. */
  readonly code?: string | undefined;
}

const failure = (reason: AuthFailureReason, message: string): AuthResult => ({ ok: false, reason, message });

/**
 * Checks a login and password and opens a session. Whatever went wrong (unknown login, wrong
 * password), the answer is the same message after about the same time. A legacy md5 password is
 * rehashed with argon2id at its first successful use. A database account with a second factor
 * (or required to have one) gets no session from its password alone: see `SecondFactorPending`.
 */
export async function authenticate(
  runtime: Runtime,
  login: string,
  password: string,
  address: string,
  details: SignInDetails = {},
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
  if (account.type === 'OIDC') {
    // Created by an identity provider: only the provider signs it in (its level and role rules
    // would be bypassed by a password an administrator might have set on the form).
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
  const { code, ...sessionDetails } = details;
  const step = await secondStepOf(runtime, account);
  if (step === 'code' && code !== undefined) return signInWithCode(runtime, account.id, code, address, sessionDetails);
  if (step !== undefined) {
    const message = totpMessage(step === 'code' ? 'signIn.required' : 'signIn.enrolmentRequired', undefined, locale);
    return { ok: false, reason: 'second_factor', step, userId: account.id, message };
  }
  await recordAttempt(db, policy, name, address, true);
  const { token, session } = await createSession(db, runtime.config.session, account.id, { ...sessionDetails, address });
  return { ok: true, userId: account.id, token, session };
}
