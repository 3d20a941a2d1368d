import { sendResetLinkAsAdministrator } from '../access/admin-password-reset.ts';
import { mayChangePasswords } from '../access/end-user-access.ts';
import { t } from '../i18n/index.ts';
import type { CustomAction } from '../model/override.ts';
import { Veto } from '../model/override.ts';
import { ServiceError } from '../records/errors.ts';

/**
 * « Réinitialiser le mot de passe » on a user (permission `om_utilisateur_reinitialiser`): e-mails
 * the user a reset link and ends their sessions and API tokens. Asked in a session, never with an
 * API token. Not offered for LDAP accounts (their password is the directory's).
 */
export function passwordResetAction(): CustomAction {
  return {
    label: t('admin.utilisateur.resetLabel'),
    permissionSuffix: 'reinitialiser',
    order: 10,
    condition: (record) => record.om_type !== 'LDAP',
    async run({ actor, trx, record, locale, services }) {
      if (!mayChangePasswords(actor)) throw new ServiceError('forbidden', t('apiSafety.passwordNeedsSession', undefined, locale));
      const nom = String(record.nom ?? '');
      const email = String(record.email ?? '').trim();
      const mail = services;
      if (!mail) throw new Veto(t('admin.utilisateur.resetUnavailable', undefined, locale));
      if (email === '') throw new Veto(t('admin.utilisateur.resetNoEmail', { nom }, locale));
      const account = { id: Number(record.om_utilisateur), nom, login: String(record.login ?? ''), email };
      const outcome = await sendResetLinkAsAdministrator(trx, mail, account);
      if (outcome === 'throttled') throw new Veto(t('admin.utilisateur.resetThrottled', { nom }, locale));
      if (outcome === 'failed') throw new Veto(t('admin.utilisateur.resetFailed', { email }, locale));
      return { message: t('admin.utilisateur.resetSent', { nom, email }, locale) };
    },
  };
}
