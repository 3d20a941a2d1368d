import { sql } from 'kysely';
import type { Logger } from 'pino';
import type { Db } from '../db/connection.ts';
import { t, type Locale } from '../i18n/index.ts';
import type { Mailer } from '../runtime.ts';
import { RESET_REQUESTS_PER_HOUR, RESET_VALIDITY_MINUTES, resetLink } from './password-reset.ts';
import { randomSecret, sha256Hex } from './secrets.ts';
import { endUserAccess } from './end-user-access.ts';

/** What sending a reset link needs from the runtime. */
export interface ResetDelivery {
  readonly mailer: Mailer;
  readonly logger: Pick<Logger, 'error'>;
  readonly baseUrl: string;
  /** Language of the e-mail (the runtime's). */
  readonly locale: Locale;
}

export interface ResetAccount {
  readonly id: number;
  readonly nom: string;
  readonly login: string;
  readonly email: string;
}

/** `throttled`: too many links asked for this account in the last hour; `failed`: the e-mail could not be sent. */
export type AdministratorResetOutcome = 'sent' | 'throttled' | 'failed';

/**
 * Password reset asked by an administrator: the same one-hour, single-use link as a forgotten
 * password (same table, same hourly limit), sent with a text saying who asked, and every session
 * and API token of the user ended. Runs in the caller's transaction: when the e-mail cannot be sent, the caller
 * rolls back and nothing is left behind.
 */
export async function sendResetLinkAsAdministrator(trx: Db, delivery: ResetDelivery, account: ResetAccount): Promise<AdministratorResetOutcome> {
  const recent = await sql<{ n: number }>`
    select count(*)::integer as n from om.om_password_reset
     where om_utilisateur = ${account.id} and cree_le > now() - interval '1 hour'`.execute(trx);
  if (Number(recent.rows[0]?.n ?? 0) >= RESET_REQUESTS_PER_HOUR) return 'throttled';
  const token = randomSecret(32);
  await sql`
    insert into om.om_password_reset (empreinte, om_utilisateur, expire_le)
    values (${sha256Hex(token)}, ${account.id}, now() + make_interval(mins => ${RESET_VALIDITY_MINUTES}))`.execute(trx);
  const { locale } = delivery;
  try {
    await delivery.mailer.send({
      to: account.email,
      subject: t('access.resetMailSubject', undefined, locale),
      text: t('admin.utilisateur.resetMailText', { nom: account.nom, login: account.login, link: resetLink(delivery.baseUrl, token) }, locale),
    });
  } catch (error) {
    delivery.logger.error({ err: error, userId: account.id }, 'réinitialisation du mot de passe par un administrateur : échec de l’envoi du message');
    return 'failed';
  }
  await endUserAccess(trx, account.id);
  return 'sent';
}
