/**
 * E-mails of the visa circuit, through the framework's outbox (written in the action's
 * transaction: a refused or rolled-back action sends nothing): the viser whose step becomes
 * current, and the author of a mail refused at visa. Only when the parameter
 * `notification_courriel` is on and the person has an e-mail address.
 */
import { sql } from 'kysely';
import type { Db } from '../../../../framework/src/db/connection.ts';
import { queueMail } from '../../../../framework/src/mail/index.ts';
import { parametresCourrier } from '../core/parametres.ts';
import type { EtapeVisa } from './circuit.ts';

export interface CourrierNotifie {
  readonly courrier: number;
  readonly numero: string;
  readonly objet: string;
  readonly collectivite: number;
  /** Login of the author (`cree_par`). */
  readonly auteur: string;
}

const lienDuCourrier = (courrier: number) => `/courrier/courrier/${courrier}`;

async function notificationsActives(trx: Db, collectivite: number): Promise<boolean> {
  return (await parametresCourrier(trx, collectivite)).notificationCourriel;
}

/** The viser of `etape` is told his visa is awaited. Returns whether a message was queued. */
export async function notifierViseur(trx: Db, courrier: CourrierNotifie, etape: EtapeVisa): Promise<boolean> {
  if (!etape.courriel || !etape.notification || !(await notificationsActives(trx, courrier.collectivite))) return false;
  await queueMail(trx, {
    to: etape.courriel,
    subject: `Courrier : visa attendu — ${courrier.numero}`,
    text: `Le courrier de départ n° ${courrier.numero} (« ${courrier.objet} ») attend votre visa (étape ${etape.rang} du circuit).\n\nPour le viser ou le refuser : [lien]`,
    link: lienDuCourrier(courrier.courrier),
    collectivite: courrier.collectivite,
  });
  return true;
}

/** The author of a refused mail is told why. Returns whether a message was queued. */
export async function notifierRefus(trx: Db, courrier: CourrierNotifie, etape: EtapeVisa, motif: string): Promise<boolean> {
  if (!(await notificationsActives(trx, courrier.collectivite))) return false;
  const { rows } = await sql<{ email: string | null }>`select nullif(email, '') as email from om.om_utilisateur where login = ${courrier.auteur}`.execute(trx);
  const email = rows[0]?.email;
  if (!email) return false;
  await queueMail(trx, {
    to: email,
    subject: `Courrier : visa refusé — ${courrier.numero}`,
    text: `Le courrier de départ n° ${courrier.numero} (« ${courrier.objet} ») a été refusé au visa par ${etape.viseur} (étape ${etape.rang}).\n\nMotif : ${motif}\n\nPour le corriger et le soumettre de nouveau : [lien]`,
    link: lienDuCourrier(courrier.courrier),
    collectivite: courrier.collectivite,
  });
  return true;
}
