/**
 * A task announced by e-mail (openCourrier's notification, parameter `notification_courriel`): to its
 * agent when he wants it (`notification`) and his account has an address, else to its service's
 * address; nothing when neither has one. Queued in the framework's outbox inside the write's
 * transaction (a refused or rolled-back write sends nothing), with a link to the task.
 */
import { sql } from 'kysely';
import type { Db } from '../../../../framework/src/db/connection.ts';
import { queueMail } from '../../../../framework/src/mail/index.ts';
import { parametresCourrier } from '../core/parametres.ts';
import { dateFr } from './dates.ts';

interface TacheANotifier {
  readonly tache: number;
  readonly libelle: string;
  readonly date_butoir: string | null;
  readonly numero: string;
  readonly objet: string;
  readonly service_libelle: string;
  readonly service_courriel: string | null;
  readonly agent_courriel: string | null;
  readonly agent_nom: string | null;
  readonly om_collectivite: number;
}

export const sujetNotification = (libelle: string): string => `Courrier : nouvelle tâche — ${libelle}`;

export const lienTache = (tache: number): string => `/courrier/tache/${tache}`;

const vide = (valeur: string | null | undefined): boolean => valeur === null || valeur === undefined || valeur.trim() === '';

export function texteNotification(tache: TacheANotifier): string {
  const destinataire = tache.agent_nom ? `${tache.agent_nom} (service ${tache.service_libelle})` : `le service ${tache.service_libelle}`;
  return [
    `Une tâche du registre du courrier est confiée à ${destinataire} :`,
    `« ${tache.libelle} »`,
    '',
    `Courrier n° ${tache.numero} : ${tache.objet}`,
    `Date butoir : ${tache.date_butoir ? dateFr(tache.date_butoir) : 'aucune'}`,
    '',
    'Consulter la tâche : [lien]',
  ].join('\n');
}

async function lireTache(trx: Db, tache: number): Promise<TacheANotifier | undefined> {
  const { rows } = await sql<TacheANotifier>`
    select t.tache, t.libelle, to_char(t.date_butoir, 'YYYY-MM-DD') as date_butoir, c.numero, c.objet,
           s.libelle as service_libelle, s.courriel as service_courriel,
           case when a.notification then u.email end as agent_courriel, u.nom as agent_nom, t.om_collectivite
      from courrier.tache t
      join courrier.courrier c on c.courrier = t.courrier
      join courrier.service s on s.service = t.service
      left join courrier.agent a on a.agent = t.agent
      left join om.om_utilisateur u on u.om_utilisateur = a.om_utilisateur
     where t.tache = ${tache}`.execute(trx);
  const row = rows[0];
  return row ? { ...row, tache: Number(row.tache), om_collectivite: Number(row.om_collectivite) } : undefined;
}

/**
 * Queues the e-mail of a task just created or given to another service or agent, when the
 * collectivité's parameter allows it; returns the address written to, or undefined.
 */
export async function notifierTache(trx: Db, tache: number): Promise<string | undefined> {
  const lue = await lireTache(trx, tache);
  if (!lue) return undefined;
  if (!(await parametresCourrier(trx, lue.om_collectivite)).notificationCourriel) return undefined;
  const destinataire = !vide(lue.agent_courriel) ? lue.agent_courriel : lue.service_courriel;
  if (destinataire === null || vide(destinataire)) return undefined;
  await queueMail(trx, { to: destinataire, subject: sujetNotification(lue.libelle), text: texteNotification(lue), link: lienTache(lue.tache), collectivite: lue.om_collectivite });
  await sql`update courrier.tache set notifie_le = now() where tache = ${lue.tache}`.execute(trx);
  return destinataire.trim();
}
