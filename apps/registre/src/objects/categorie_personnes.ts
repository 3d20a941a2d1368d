// Catégorie de personnes concernées (registre.categorie_personnes).
import type { ObjectOverride } from '../../../../framework/src/model/override.ts';
import { MENU_CATEGORY } from '../menu.ts';

export const categoriePersonnes: ObjectOverride = {
  defaultSort: ['libelle'],
  screens: {
    menu: { rubrique: 'parametrage', category: MENU_CATEGORY, order: 40, label: 'Catégories de personnes' },
    listColumns: ['libelle'],
    widgets: { description: 'textarea' },
  },
};
