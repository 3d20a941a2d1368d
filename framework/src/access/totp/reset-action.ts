import { sql } from 'kysely';
import type { CustomAction } from '../../model/override.ts';
import { Veto } from '../../model/override.ts';
import { ServiceError } from '../../records/errors.ts';
import { t } from '../../i18n/index.ts';
import { mayChangePasswords } from '../end-user-access.ts';
import { totpMessage } from './messages.ts';

/**
 * « Réinitialiser la double authentification » on a user (lost phone): removes the second factor
 * and its recovery codes, and ends the sign-ins waiting for a code. Same permission as resetting
 * a password (`om_utilisateur_reinitialiser`), asked in a session, never with an API token; the
 * record service journals it in the audit (action `reinitialiser_double_authentification`).
 */
export function twoFactorResetAction(): CustomAction {
  return {
    label: totpMessage('admin.resetLabel'),
    permissionSuffix: 'reinitialiser',
    order: 20,
    condition: (record) => record.om_type === 'DB',
    unavailableMessage: (_record, locale) => totpMessage('admin.resetNotDb', undefined, locale),
    async run({ actor, trx, record, locale }) {
      if (!mayChangePasswords(actor)) throw new ServiceError('forbidden', t('apiSafety.passwordNeedsSession', undefined, locale));
      const userId = Number(record.om_utilisateur);
      const nom = String(record.nom ?? '');
      const removed = await sql`delete from om.om_double_authentification where om_utilisateur = ${userId}`.execute(trx);
      await sql`delete from om.om_verification_connexion where om_utilisateur = ${userId}`.execute(trx);
      if (Number(removed.numAffectedRows ?? 0) === 0) throw new Veto(totpMessage('admin.resetNone', { nom }, locale));
      return { message: totpMessage('admin.resetDone', { nom }, locale) };
    },
  };
}
