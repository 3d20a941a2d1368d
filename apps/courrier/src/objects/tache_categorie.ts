/** « Catégorie de tâche » (courrier.tache_categorie): attente de réponse (REP, the reply task's), intervention, information… */
import type { ObjectOverride } from '../../../../framework/src/model/override.ts';
import { parametrageMenu, RUBRIQUES_COURRIER } from './menu.ts';

export const tacheCategorie: ObjectOverride = {
  defaultSort: ['libelle'],
  searchColumns: ['code', 'libelle'],
  screens: {
    menu: parametrageMenu(RUBRIQUES_COURRIER.referentiels, 20, 'Catégories de tâche'),
    listColumns: ['code', 'libelle', 'om_validite_debut', 'om_validite_fin'],
    help: { code: 'REP : la catégorie des tâches de réponse créées automatiquement.' },
  },
};
