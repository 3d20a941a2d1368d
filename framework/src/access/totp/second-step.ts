import type { Runtime } from '../../runtime.ts';
import { loadActor } from '../load-actor.ts';
import { createSession, type Session, type SessionDetails } from '../sessions.ts';
import { checkThrottle, recordAttempt } from '../throttle.ts';
import type { UserAccount } from '../user-accounts.ts';
import { findAccountById } from '../user-accounts.ts';
import { closeChallenge, type Challenge, type ChallengeStep } from './challenge.ts';
import { totpMessage } from './messages.ts';
import { secondFactorRequired } from './policy.ts';
import { activate, hasActiveSecondFactor, useCode } from './store.ts';

/**
 * The second step of a password sign-in. A wrong code counts in the login throttle exactly as a
 * wrong password does (same login, same address), and the password step records no success while
 * a code is still due: knowing the password buys no fresh attempts at the code.
 */
export type SecondStepFailure = { readonly ok: false; readonly reason: 'missing' | 'code' | 'throttled' | 'invalid'; readonly message: string };
export type SecondStepResult =
  | { readonly ok: true; readonly userId: number; readonly token: string; readonly session: Session; readonly recoveryCodes?: readonly string[] }
  | SecondStepFailure;

const fail = (reason: SecondStepFailure['reason'], message: string): SecondStepFailure => ({ ok: false, reason, message });

/**
 * What a database account still needs after its password: nothing, a code (its second factor is
 * active), or to set one up (the instance requires it of him). LDAP accounts: their directory decides.
 */
export async function secondStepOf(runtime: Runtime, account: UserAccount): Promise<ChallengeStep | undefined> {
  if (account.type !== 'DB') return undefined;
  const db = runtime.db.kysely;
  if (await hasActiveSecondFactor(db, account.id)) return 'code';
  if (runtime.config.twoFactor.required === 'aucun') return undefined;
  const actor = await loadActor(db, account.id);
  return actor && secondFactorRequired(runtime.config.twoFactor, actor) ? 'inscription' : undefined;
}

/** The account behind a second step, still allowed in, and the throttle's verdict. */
async function stillAllowed(runtime: Runtime, userId: number, address: string): Promise<UserAccount | SecondStepFailure> {
  const { locale, login: policy } = runtime.config;
  const account = await findAccountById(runtime.db.kysely, userId);
  if (!account || !account.active || account.type !== 'DB') return fail('invalid', totpMessage('signIn.expired', undefined, locale));
  const throttle = await checkThrottle(runtime.db.kysely, policy, account.login, address, locale);
  return throttle.blocked ? fail('throttled', throttle.message) : account;
}

async function openSession(runtime: Runtime, account: UserAccount, address: string, details: Omit<SessionDetails, 'address'>) {
  const db = runtime.db.kysely;
  await recordAttempt(db, runtime.config.login, account.login, address, true);
  return createSession(db, runtime.config.session, account.id, { ...details, address });
}

/**
 * Checks a code (TOTP or recovery) for an account whose password was just checked, and opens a
 * session when it is right. `challenge`, when the code comes from the page: ended with the
 * session, and only one request may end it.
 */
export async function signInWithCode(
  runtime: Runtime,
  userId: number,
  typed: string,
  address: string,
  details: Omit<SessionDetails, 'address'> = {},
  challenge?: Challenge,
): Promise<SecondStepResult> {
  const { locale, login: policy } = runtime.config;
  const db = runtime.db.kysely;
  const account = await stillAllowed(runtime, userId, address);
  if ('ok' in account) return account;
  if (typed.trim() === '') return fail('missing', totpMessage('signIn.codeRequired', undefined, locale));
  const check = await useCode(db, runtime.config, userId, typed.slice(0, 40));
  if (check === 'wrong' || check === 'unreadable') {
    await recordAttempt(db, policy, account.login, address, false);
    if (check === 'unreadable') runtime.logger.error({ userId }, 'secret de double authentification illisible : la clé de l’instance a changé ?');
    return fail('code', totpMessage(check === 'wrong' ? 'signIn.wrongCode' : 'signIn.unreadable', undefined, locale));
  }
  if (challenge && !(await closeChallenge(db, challenge.id))) return fail('invalid', totpMessage('signIn.expired', undefined, locale));
  if (check === 'recovery') runtime.logger.info({ userId }, 'connexion avec un code de secours');
  const { token, session } = await openSession(runtime, account, address, details);
  return { ok: true, userId, token, session };
}

/**
 * The required enrolment of a sign-in: the first code confirms the second factor, then the session
 * opens and the recovery codes are handed over, this once.
 */
export async function signInByEnrolling(
  runtime: Runtime,
  challenge: Challenge,
  typed: string,
  address: string,
  details: Omit<SessionDetails, 'address'> = {},
): Promise<SecondStepResult> {
  const { locale, login: policy } = runtime.config;
  const db = runtime.db.kysely;
  const account = await stillAllowed(runtime, challenge.userId, address);
  if ('ok' in account) return account;
  if (typed.trim() === '') return fail('missing', totpMessage('signIn.codeRequired', undefined, locale));
  const recoveryCodes = await activate(db, runtime.config, account.id, typed.slice(0, 40));
  if (!recoveryCodes) {
    await recordAttempt(db, policy, account.login, address, false);
    return fail('code', totpMessage('enrol.wrongCode', undefined, locale));
  }
  if (!(await closeChallenge(db, challenge.id))) return fail('invalid', totpMessage('signIn.expired', undefined, locale));
  const { token, session } = await openSession(runtime, account, address, details);
  return { ok: true, userId: account.id, token, session, recoveryCodes };
}
