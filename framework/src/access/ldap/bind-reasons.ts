/**
 * Why a directory refused a bind, as a French message. Active Directory says it in the text of its
 * « invalid credentials » error (`…AcceptSecurityContext error, data 775, v4563`); OpenLDAP's
 * ppolicy overlay says it in the password policy response control. A plain wrong password (or an
 * unknown user: AD's 525) stays the generic message, so that nothing tells whether a login exists.
 */
import { PasswordPolicyError } from 'ldapts';
import type { Locale } from '../../i18n/index.ts';
import { annuaireMessage } from './messages.ts';

export type BindRefusal = 'invalid' | 'notPermittedNow' | 'notPermittedHere' | 'passwordExpired' | 'accountDisabled' | 'accountExpired' | 'mustReset' | 'locked';

const AD_SUB_CODES: Readonly<Record<string, BindRefusal>> = {
  '525': 'invalid',
  '52e': 'invalid',
  '530': 'notPermittedNow',
  '531': 'notPermittedHere',
  '532': 'passwordExpired',
  '533': 'accountDisabled',
  '701': 'accountExpired',
  '773': 'mustReset',
  '775': 'locked',
};

/** AD's sub-error code in a bind error's text (`data 52e`), lower case, if there is one. */
export function adSubCode(message: string): string | undefined {
  return /\bdata ([0-9a-f]{3,4})\b/i.exec(message)?.[1]?.toLowerCase();
}

/** The refusal an AD bind error's text names (unknown or absent codes: the generic refusal). */
export function refusalFromAdMessage(message: string): BindRefusal {
  const code = adSubCode(message);
  return (code && AD_SUB_CODES[code]) || 'invalid';
}

/** The refusal ppolicy's response control names (its `error` field), if any. */
export function refusalFromPolicyError(error: number | undefined): BindRefusal | undefined {
  switch (error) {
    case PasswordPolicyError.PasswordExpired:
      return 'passwordExpired';
    case PasswordPolicyError.AccountLocked:
      return 'locked';
    case PasswordPolicyError.ChangeAfterReset:
      return 'mustReset';
    default:
      return undefined;
  }
}

export function refusalMessage(refusal: BindRefusal, locale?: Locale): string {
  return annuaireMessage(`signIn.${refusal}`, undefined, locale);
}
