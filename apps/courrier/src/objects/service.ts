/**
 * « Service » (courrier.service): the services of the town in a hierarchy (service père), where the
 * mail is routed and the tasks given. A service may not be its own parent, nor the child of one of
 * its sub-services (the hierarchy would loop). Its agents, its mail and its tasks are its tabs.
 */
import type { FieldErrors, ObjectOverride, WriteContext } from '../../../../framework/src/model/override.ts';
import { sousServices } from '../core/agents.ts';
import { parametrageMenu, RUBRIQUES_COURRIER } from './menu.ts';

export const MESSAGE_PARENT_BOUCLE = 'Le service père ne peut être ni le service lui-même ni l’un de ses sous-services.';

async function validerService(context: WriteContext): Promise<FieldErrors> {
  const { action, previous, values, trx } = context;
  if (action !== 'update' || values.service_parent === undefined || values.service_parent === null || !previous) return {};
  const descendants = await sousServices(trx, Number(previous.service));
  return descendants.includes(Number(values.service_parent)) ? { service_parent: MESSAGE_PARENT_BOUCLE } : {};
}

/** « Urbanisme (URBA) ». */
const nomService = (row: Readonly<Record<string, unknown>>): string => `${String(row.libelle ?? '')} (${String(row.code ?? '')})`;

export const service: ObjectOverride = {
  choiceLabel: nomService,
  defaultSort: ['libelle'],
  searchColumns: ['code', 'libelle', 'courriel'],
  validate: validerService,
  screens: {
    menu: parametrageMenu(RUBRIQUES_COURRIER.organisation, 1, 'Services'),
    listColumns: ['code', 'libelle', 'service_parent', 'diffusion', 'courriel'],
    formLayout: [
      { fields: ['code', 'libelle', 'service_parent'], columns: 2 },
      { legend: 'Diffusion et notifications', fields: ['diffusion', 'courriel'], columns: 2 },
      { legend: 'Validité', fields: ['om_validite_debut', 'om_validite_fin'], columns: 2, collapsible: true },
    ],
    widgets: { courriel: 'email' },
    subForms: {
      order: ['agent', 'courrier', 'tache'],
      titles: { agent: 'Agents', courrier: 'Courriers', tache: 'Tâches', service: 'Sous-services' },
      hidden: ['copie', 'courrier_archive'],
    },
    help: {
      service_parent: 'Le service dont il dépend : ses tâches peuvent être confiées à ce service (paramètre service_tache).',
      courriel: 'Reçoit les tâches confiées au service quand aucun agent ne les reçoit lui-même.',
    },
  },
};

