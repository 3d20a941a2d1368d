// Sous-traitant (registre.sous_traitant) and its contract dates.
import type { ObjectOverride } from '../../../../framework/src/model/override.ts';
import { MENU_CATEGORY } from '../menu.ts';

export const sousTraitant: ObjectOverride = {
  defaultSort: ['libelle'],
  screens: {
    menu: { rubrique: 'parametrage', category: MENU_CATEGORY, order: 60, label: 'Sous-traitants' },
    listColumns: ['libelle', 'contact', 'contrat_debut', 'contrat_fin'],
    advancedSearch: [{ field: 'libelle' }, { field: 'contrat_fin', label: 'Fin du contrat' }],
    formLayout: [
      { legend: 'Sous-traitant', fields: ['libelle', 'adresse', 'contact'] },
      { legend: 'Contrat', fields: ['contrat_debut', 'contrat_fin'], columns: 2 },
    ],
    help: { contrat_fin: 'Le contrat doit comporter les clauses de l’article 28 du RGPD.' },
  },
};
