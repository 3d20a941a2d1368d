import { hashPassword, passwordProblems } from '../access/passwords.ts';
import { revokeUserSessions } from '../access/sessions.ts';
import { t } from '../i18n/index.ts';
import type { FieldErrors, ObjectOverride } from '../model/override.ts';
import { Veto } from '../model/override.ts';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Users: the password hash never leaves the database; an administrator sets a password through
 * the `password` input, which is checked for strength and hashed with argon2id.
 */
export const omUtilisateur: ObjectOverride = {
  hiddenFields: ['pwd'],
  extraInputs: ['password'],
  defaultSort: ['nom'],
  searchColumns: ['nom', 'login', 'email'],

  async prepare({ action, input, values, previous, locale }) {
    const password = input.password;
    if (password === undefined || password === null || password === '') {
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
    // A new password ends every open session of the user.
    if (action === 'update' && values.pwd !== undefined && typeof previous?.om_utilisateur === 'number') {
      await revokeUserSessions(trx, previous.om_utilisateur);
    }
  },
};
