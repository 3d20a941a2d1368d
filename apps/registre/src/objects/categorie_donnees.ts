// Catégorie de données (registre.categorie_donnees).
import type { ObjectOverride } from '../../../../framework/src/model/override.ts';
import { MENU_CATEGORY } from '../menu.ts';

export const categorieDonnees: ObjectOverride = {
  defaultSort: ['libelle'],
  screens: {
    menu: { rubrique: 'parametrage', category: MENU_CATEGORY, order: 30, label: 'Catégories de données' },
    listColumns: ['libelle', 'sensible'],
    widgets: { description: 'textarea' },
    help: { sensible: 'Donnée sensible au sens de l’article 9 du RGPD (santé, opinions, biométrie…).' },
  },
};
