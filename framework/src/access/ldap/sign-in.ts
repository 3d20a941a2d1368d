/**
 * Sign-in against the directory: the service account finds the user's entry with an escaped filter,
 * then a second connection binds as that entry with the given password, so the directory's own
 * password policy decides (expiry, lockout, disabled accounts). Nothing here tells whether a login
 * exists: an unknown entry, an ambiguous one and a wrong password all give the same refusal.
 */
import { InvalidCredentialsError, PasswordPolicyControl } from 'ldapts';
import type { Locale } from '../../i18n/index.ts';
import type { Logger } from '../../logger.ts';
import { refusalFromAdMessage, refusalFromPolicyError, refusalMessage, type BindRefusal } from './bind-reasons.ts';
import { closeClient, openClient, withServiceClient } from './client.ts';
import type { LdapConfig } from './config.ts';
import { findUserEntries } from './directory-users.ts';
import { annuaireMessage } from './messages.ts';

export type DirectorySignIn =
  | { readonly ok: true; readonly dn: string }
  | { readonly ok: false; readonly refusal: BindRefusal | 'unreachable'; readonly message: string };

const refused = (refusal: BindRefusal, locale?: Locale): DirectorySignIn => ({ ok: false, refusal, message: refusalMessage(refusal, locale) });

/** Binds as the entry whose login attribute is `login`; the caller has checked that the password is not empty. */
export async function signInWithDirectory(config: LdapConfig, login: string, password: string, logger: Pick<Logger, 'warn'>, locale?: Locale): Promise<DirectorySignIn> {
  // An empty password would be an « unauthenticated bind », which directories accept.
  if (password.length === 0) return refused('invalid', locale);
  let entries: { dn: string }[];
  try {
    entries = await withServiceClient(config, (client) => findUserEntries(client, config, login));
  } catch (error) {
    logger.warn({ err: error, url: config.url }, 'annuaire LDAP injoignable (recherche de l’utilisateur)');
    return { ok: false, refusal: 'unreachable', message: annuaireMessage('signIn.unreachable', undefined, locale) };
  }
  const [entry] = entries;
  if (!entry || entries.length > 1) return refused('invalid', locale);

  let client;
  try {
    client = await openClient(config);
  } catch (error) {
    logger.warn({ err: error, url: config.url }, 'annuaire LDAP injoignable (connexion de l’utilisateur)');
    return { ok: false, refusal: 'unreachable', message: annuaireMessage('signIn.unreachable', undefined, locale) };
  }
  const policy = new PasswordPolicyControl();
  try {
    await client.bind(entry.dn, password, config.kind === 'openldap' ? policy : undefined);
    return { ok: true, dn: entry.dn };
  } catch (error) {
    if (error instanceof InvalidCredentialsError) {
      const refusal = refusalFromPolicyError(policy.value?.error) ?? (config.kind === 'ad' ? refusalFromAdMessage(error.message) : 'invalid');
      return refused(refusal, locale);
    }
    logger.warn({ err: error, url: config.url }, 'annuaire LDAP : liaison de l’utilisateur en échec');
    return { ok: false, refusal: 'unreachable', message: annuaireMessage('signIn.unreachable', undefined, locale) };
  } finally {
    await closeClient(client);
  }
}
