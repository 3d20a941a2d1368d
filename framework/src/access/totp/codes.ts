import { randomInt } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import { sha256Hex } from '../secrets.ts';

/**
 * The codes themselves: RFC 6238 TOTP as every authenticator app reads it (SHA-1, 6 digits,
 * 30 seconds, one step of tolerance either side for a phone's clock), and the recovery codes.
 */
const PERIOD = 30;
const DIGITS = 6;
const WINDOW = 1;
export const ISSUER = 'Commun';

/** A new shared secret (160 bits, as RFC 4226 recommends), base32. */
export const newTotpSecret = (): string => new Secret({ size: 20 }).base32;

const totpOf = (secret: string, login = '') =>
  new TOTP({ issuer: ISSUER, label: login, algorithm: 'SHA1', digits: DIGITS, period: PERIOD, secret: Secret.fromBase32(secret) });

/** The `otpauth://totp/…` address the QR code carries. */
export const otpauthUri = (secret: string, login: string): string => totpOf(secret, login).toString();

/** The key as a person types it: groups of four characters. */
export const groupedKey = (secret: string): string => secret.replace(/(.{4})(?=.)/g, '$1 ');

/** What a person typed, as a code: digits only (spaces and dashes dropped). */
export const normaliseTotp = (typed: string): string => typed.replace(/[\s-]/g, '');

export const looksLikeTotp = (typed: string): boolean => new RegExp(`^\\d{${DIGITS}}$`).test(normaliseTotp(typed));

/**
 * The time step a right code belongs to (now, or one step before or after), or undefined. The
 * caller refuses a step not later than the last one accepted: a code serves once.
 */
export function matchingStep(secret: string, typed: string, now = Date.now()): number | undefined {
  const token = normaliseTotp(typed);
  if (!looksLikeTotp(token)) return undefined;
  const delta = totpOf(secret).validate({ token, timestamp: now, window: WINDOW });
  return delta === null ? undefined : TOTP.counter({ period: PERIOD, timestamp: now }) + delta;
}

/** The code of a step (tests, and nothing else). */
export const codeAt = (secret: string, timestamp: number): string => totpOf(secret).generate({ timestamp });

// ---- recovery codes ------------------------------------------------------------------------------

export const RECOVERY_CODE_COUNT = 10;
/** No 0/O, 1/I/L, 2/Z, 5/S, 8/B: a code copied on paper is read back without doubt. */
const ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';
const GROUPS = 4;
const GROUP_LENGTH = 4;

/** A recovery code: 16 characters of a 25-letter alphabet (about 74 bits), `XXXX-XXXX-XXXX-XXXX`. */
export function newRecoveryCode(): string {
  const groups: string[] = [];
  for (let group = 0; group < GROUPS; group++) {
    let text = '';
    for (let index = 0; index < GROUP_LENGTH; index++) text += ALPHABET[randomInt(ALPHABET.length)];
    groups.push(text);
  }
  return groups.join('-');
}

/** What a person typed, as a recovery code: upper case, without spaces or dashes. */
export const normaliseRecoveryCode = (typed: string): string => typed.toUpperCase().replace(/[\s-]/g, '');

export const looksLikeRecoveryCode = (typed: string): boolean =>
  new RegExp(`^[${ALPHABET}]{${GROUPS * GROUP_LENGTH}}$`).test(normaliseRecoveryCode(typed));

/** What the database keeps of a recovery code. Its entropy makes a salt and a slow hash needless. */
export const recoveryCodeDigest = (typed: string): string => sha256Hex(normaliseRecoveryCode(typed));
