import { hashPassword, PASSWORD_MIN_LENGTH, passwordProblems } from '../access/passwords.ts';
import { endUserAccess, mayChangePasswords } from '../access/end-user-access.ts';
import { t } from '../i18n/index.ts';
import type { FieldErrors, ObjectOverride } from '../model/override.ts';
import { Veto } from '../model/override.ts';
import { ServiceError } from '../records/errors.ts';
import { passwordResetAction } from './password-reset-action.ts';
import { annuaireMessage } from '../access/ldap/messages.ts';
import { twoFactorResetAction } from '../access/totp/reset-action.ts';
import { twoFactorFact } from '../access/totp/fact.ts';
import { notificationMessage } from '../notifications/messages.ts';

/** An e-mail address as the framework accepts one: something@domain.tld, no spaces. */
export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Users: the password hash never leaves the database; an administrator sets a password through
 * the `password` input, which is checked for strength and hashed with argon2id, or sends the user
 * a reset link (with the runtime's mailer, given to actions). Nobody deletes their own account.
 */
export const omUtilisateur: ObjectOverride = {
  hiddenFields: ['pwd'],
  extraInputs: ['password'],
  defaultSort: ['nom'],
  searchColumns: ['nom', 'login', 'email'],
  canDelete: (record, actor) => Number(record.om_utilisateur) !== actor.userId,
  actions: { reinitialiser: passwordResetAction(), reinitialiser_double_authentification: twoFactorResetAction() },
  facts: twoFactorFact,
  screens: {
    menu: { rubrique: 'administration', category: t('admin.menu.users'), order: 50, label: t('admin.menu.utilisateurs') },
    listColumns: ['nom', 'login', 'email', 'om_profil', 'om_collectivite', 'om_type', 'actif'],
    advancedSearch: [{ field: 'login' }, { field: 'nom' }, { field: 'om_profil' }, { field: 'om_collectivite' }],
    widgets: { email: 'email', password: 'password', om_type: 'select' },
    choices: {
      om_type: [
        { value: 'DB', label: t('admin.utilisateur.typeDb') },
        { value: 'LDAP', label: t('admin.utilisateur.typeLdap') },
      ],
    },
    labels: { password: t('objects.utilisateur.passwordLabel'), notification_quotidienne: notificationMessage('userForm.label') },
    extraFields: [{ name: 'password', whenCreating: true, whenEditing: true, requiredWhenCreating: true }],
    formLayout: [
      { legend: t('admin.utilisateur.legendIdentite'), fields: ['nom', 'email'], columns: 2 },
      { legend: t('admin.utilisateur.legendConnexion'), fields: ['login', 'om_type', 'password', 'actif'] },
      { legend: t('admin.utilisateur.legendRattachement'), fields: ['om_collectivite', 'om_profil'], columns: 2 },
      { legend: notificationMessage('userForm.legend'), fields: ['notification_quotidienne'] },
    ],
    help: {
      login: t('admin.utilisateur.helpLogin'),
      om_type: t('admin.utilisateur.helpType'),
      password: t('admin.utilisateur.helpPassword', { min: PASSWORD_MIN_LENGTH }),
      om_collectivite: t('admin.utilisateur.helpCollectivite'),
      om_profil: t('admin.utilisateur.helpProfil'),
      actif: annuaireMessage('userForm.helpActif'),
      notification_quotidienne: notificationMessage('userForm.help'),
    },
    subForms: { titles: { om_api_token: t('admin.menu.apiTokens') }, hidden: ['om_password_reset', 'om_session'] },
  },

  async prepare({ actor, action, input, values, previous, locale }) {
    const password = input.password;
    const setsPassword = password !== undefined && password !== null && password !== '';
    // Creating an account with its first password is not changing one: a script may still do it.
    if (setsPassword && action === 'update' && !mayChangePasswords(actor)) throw new ServiceError('forbidden', t('apiSafety.passwordNeedsSession', undefined, locale));
    if (!setsPassword) {
      if (action === 'create' && values.om_type !== 'LDAP') {
        const label = t('objects.utilisateur.passwordLabel', undefined, locale);
        throw new Veto(t('objects.utilisateur.passwordRequired', undefined, locale), { password: t('records.rules.required', { label }, locale) });
      }
      if (action === 'create') values.pwd = '!';
      return;
    }
    if (typeof password !== 'string') {
      throw new Veto(t('objects.utilisateur.passwordInvalid', undefined, locale), { password: t('objects.utilisateur.passwordNotText', undefined, locale) });
    }
    const login = String(values.login ?? previous?.login ?? '');
    const problems = passwordProblems(password, login, locale);
    if (problems.length > 0) throw new Veto(problems.join(' '), { password: problems.join(' ') });
    values.pwd = await hashPassword(password);
  },

  validate({ values, locale }) {
    const errors: FieldErrors = {};
    if (typeof values.email === 'string' && !EMAIL.test(values.email)) {
      errors.email = t('objects.utilisateur.email', undefined, locale);
    }
    if (typeof values.login === 'string' && !/^[\p{L}\p{N}._@-]+$/u.test(values.login)) {
      errors.login = t('objects.utilisateur.login', undefined, locale);
    }
    return errors;
  },

  beforeWrite({ action, actor, previous, locale }) {
    if (action === 'delete' && previous?.om_utilisateur === actor.userId) {
      throw new Veto(t('objects.utilisateur.ownAccount', undefined, locale));
    }
  },

  async afterWrite({ action, trx, values, previous }) {
    // A new password ends every open session and revokes every API token of the user.
    if (action === 'update' && values.pwd !== undefined && typeof previous?.om_utilisateur === 'number') {
      await endUserAccess(trx, previous.om_utilisateur);
    }
    // So does disabling the account.
    if (action === 'update' && values.actif === false && previous?.actif !== false && typeof previous?.om_utilisateur === 'number') {
      await endUserAccess(trx, previous.om_utilisateur);
    }
  },
};
