/**
 * The password check of an `om_type = 'LDAP'` account, for `authenticate`: the directory's answer
 * as a login failure reason and its French message, and whether it counts against the login's
 * throttle (a directory that does not answer is nobody's failed attempt).
 */
import { t } from '../../i18n/index.ts';
import type { Runtime } from '../../runtime.ts';
import { dummyVerify } from '../passwords.ts';
import { annuaireMessage } from './messages.ts';
import { directoryConfigOf } from './runtime-config.ts';
import { signInWithDirectory } from './sign-in.ts';

export type DirectoryPasswordCheck =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: 'invalid' | 'ldap'; readonly message: string; readonly counts: boolean };

export async function checkDirectoryPassword(runtime: Runtime, login: string, password: string): Promise<DirectoryPasswordCheck> {
  const locale = runtime.config.locale;
  let config;
  try {
    config = directoryConfigOf(runtime);
  } catch (error) {
    runtime.logger.error({ err: error }, 'configuration de l’annuaire LDAP incorrecte');
  }
  if (!config) {
    await dummyVerify(password);
    return { ok: false, reason: 'ldap', message: annuaireMessage('signIn.notConfigured', undefined, locale), counts: true };
  }
  const outcome = await signInWithDirectory(config, login, password, runtime.logger, locale);
  if (outcome.ok) return { ok: true };
  if (outcome.refusal === 'invalid') return { ok: false, reason: 'invalid', message: t('access.invalidCredentials', undefined, locale), counts: true };
  return { ok: false, reason: 'ldap', message: outcome.message, counts: outcome.refusal !== 'unreachable' };
}
