/** « État de tâche » (courrier.tache_etat): non traité (NT, the reply task's), en cours, traité, sans suite… */
import type { ObjectOverride } from '../../../../framework/src/model/override.ts';
import { parametrageMenu, RUBRIQUES_COURRIER } from './menu.ts';

export const tacheEtat: ObjectOverride = {
  defaultSort: ['libelle'],
  searchColumns: ['code', 'libelle'],
  screens: {
    menu: parametrageMenu(RUBRIQUES_COURRIER.referentiels, 21, 'États de tâche'),
    listColumns: ['code', 'libelle', 'om_validite_debut', 'om_validite_fin'],
    help: { code: 'NT : l’état des tâches de réponse créées automatiquement.' },
  },
};
