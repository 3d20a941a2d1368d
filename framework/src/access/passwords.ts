import { createHash } from 'node:crypto';
import { hash, parseOptions, verify, type Algorithm, type Options } from '@node-rs/argon2';
import { t, type Locale } from '../i18n/index.ts';
import { randomSecret, sameSecret } from './secrets.ts';

// `Algorithm` is a const enum that the package does not export at run time: use its value.
const ARGON2ID = 2 as Algorithm;

/** OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane. */
export const ARGON2_OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const satisfies Options;

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

const LEGACY_MD5 = /^[0-9a-f]{32}$/i;

/** Hashes a password with argon2id (salted, PHC string). */
export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export interface PasswordCheck {
  readonly ok: boolean;
  /** The password was right but is stored in an old form (openMairie md5, weaker argon2): rehash it now. */
  readonly needsRehash: boolean;
}

/** openMairie stored `md5(password)` in hex, unsalted. */
export function isLegacyMd5(stored: string): boolean {
  return LEGACY_MD5.test(stored);
}

function weakerThanPolicy(stored: string): boolean {
  try {
    const used = parseOptions(stored);
    return (
      used.algorithm !== ARGON2ID ||
      used.memoryCost < ARGON2_OPTIONS.memoryCost ||
      used.timeCost < ARGON2_OPTIONS.timeCost
    );
  } catch {
    return true;
  }
}

/** Checks a password against what `om_utilisateur.pwd` holds: an argon2 hash or a legacy md5. */
export async function verifyPassword(stored: string, password: string): Promise<PasswordCheck> {
  if (isLegacyMd5(stored)) {
    const ok = sameSecret(createHash('md5').update(password, 'utf8').digest('hex'), stored.toLowerCase());
    return { ok, needsRehash: ok };
  }
  if (!stored.startsWith('$argon2')) return { ok: false, needsRehash: false };
  let ok: boolean;
  try {
    ok = await verify(stored, password);
  } catch {
    ok = false;
  }
  return { ok, needsRehash: ok && weakerThanPolicy(stored) };
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the time of a real verification, for a login that does not exist, so that the answer's
 * delay does not tell which logins exist.
 */
export async function dummyVerify(password: string): Promise<void> {
  dummyHash ??= hashPassword(randomSecret(24));
  await verify(await dummyHash, password).catch(() => false);
}

function kindsOfCharacters(password: string): number {
  let lower = false;
  let upper = false;
  let digit = false;
  let other = false;
  for (const character of password) {
    if (/\p{Ll}/u.test(character)) lower = true;
    else if (/\p{Lu}/u.test(character)) upper = true;
    else if (/\p{Nd}/u.test(character)) digit = true;
    else other = true;
  }
  return [lower, upper, digit, other].filter(Boolean).length;
}

/**
 * The strength rule: at least 12 characters, at least three kinds among lower case, upper case,
 * digits and other characters, and not containing the login. Returns the problems, worded in
 * `locale`; an empty list means the password is acceptable.
 */
export function passwordProblems(password: string, login = '', locale?: Locale): string[] {
  const problems: string[] = [];
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) problems.push(t('access.passwordTooShort', { min: PASSWORD_MIN_LENGTH }, locale));
  if (length > PASSWORD_MAX_LENGTH) problems.push(t('access.passwordTooLong', { max: PASSWORD_MAX_LENGTH }, locale));
  if (kindsOfCharacters(password) < 3) problems.push(t('access.passwordTooSimple', undefined, locale));
  const name = login.trim().normalize('NFC').toLocaleLowerCase('fr');
  if (name.length > 0 && password.normalize('NFC').toLocaleLowerCase('fr').includes(name)) {
    problems.push(t('access.passwordContainsLogin', undefined, locale));
  }
  return problems;
}
