/**
 * « Agent » (courrier.agent): a user of the town in the mail registry — his service, or « tous
 * services » (the mail room, the direction), and whether tasks given to him come by e-mail. One
 * agent record per user. Named everywhere by the user's name and his service.
 */
import { sql } from 'kysely';
import { readAs } from '../../../../framework/src/db/index.ts';
import { Veto, type Choice, type ChoicesContext, type ObjectOverride, type PrepareContext } from '../../../../framework/src/model/override.ts';
import { parametrageMenu, RUBRIQUES_COURRIER } from './menu.ts';

export const MESSAGES_AGENT = {
  unUtilisateur: 'Cet utilisateur a déjà une fiche d’agent : modifiez-la plutôt que d’en créer une seconde.',
  serviceOuTous: 'Indiquez le service de l’agent, ou cochez « Tous services ».',
} as const;

const texte = (valeur: unknown): string => (valeur === null || valeur === undefined ? '' : String(valeur));

/** « MARTIN Claire — Urbanisme (URBA) », « DUPONT Marc — tous services ». */
export function nomAgent(row: Readonly<Record<string, unknown>>): string {
  const nom = texte(row.om_utilisateur__label) || `Agent ${texte(row.agent)}`;
  const service = texte(row.service__label);
  return row.tous_services === true && service === '' ? `${nom} — tous services` : service === '' ? nom : `${nom} — ${service}`;
}

/** The users of the collectivité as « Nom (login) », for the agent form. */
async function utilisateurs(context: ChoicesContext): Promise<readonly Choice[]> {
  return readAs(context.db, context.actor, async (db) => {
    const { rows } = await sql<{ om_utilisateur: number; nom: string; login: string }>`
      select om_utilisateur, nom, login from om.om_utilisateur order by nom collate "und-x-icu", login`.execute(db);
    return rows.map((row) => ({ value: String(row.om_utilisateur), label: `${row.nom} (${row.login})` }));
  });
}

/** One agent per user: said plainly before the generic uniqueness message. */
async function unAgentParUtilisateur(context: PrepareContext): Promise<void> {
  const merged = { ...context.previous, ...context.values };
  if (merged.service === null || merged.service === undefined) {
    if (merged.tous_services !== true) throw new Veto(MESSAGES_AGENT.serviceOuTous, { service: MESSAGES_AGENT.serviceOuTous });
  }
  if (merged.om_utilisateur === undefined || merged.om_utilisateur === null) return;
  const { rows } = await sql<{ agent: number }>`
    select agent from courrier.agent where om_utilisateur = ${Number(merged.om_utilisateur)} and agent is distinct from ${context.previous?.agent ?? null}::integer`.execute(context.trx);
  if (rows.length > 0) throw new Veto(MESSAGES_AGENT.unUtilisateur, { om_utilisateur: MESSAGES_AGENT.unUtilisateur });
}

export const agent: ObjectOverride = {
  choiceLabel: nomAgent,
  searchColumns: ['om_utilisateur', 'service'],
  defaultSort: ['om_utilisateur'],
  prepare: unAgentParUtilisateur,
  screens: {
    menu: parametrageMenu(RUBRIQUES_COURRIER.organisation, 2, 'Agents'),
    listColumns: ['om_utilisateur', 'service', 'tous_services', 'notification'],
    formLayout: [
      { fields: ['om_utilisateur'] },
      { legend: 'Service', fields: ['service', 'tous_services'], columns: 2 },
      { legend: 'Notifications', fields: ['notification'] },
    ],
    dynamicChoices: { om_utilisateur: utilisateurs },
    labels: { notification: 'Notification par courriel', tous_services: 'Tous services' },
    help: {
      service: 'Le service où il travaille : il en voit le courrier et reçoit ses tâches.',
      tous_services: 'Voit le courrier de tous les services (non confidentiel) : service courrier, direction.',
      notification: 'Reçoit par courriel les tâches qui lui sont confiées (à l’adresse de son compte) ; sinon, le courriel va au service.',
    },
  },
};
