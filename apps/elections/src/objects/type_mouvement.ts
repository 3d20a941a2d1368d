/** The types of movement (reference §3.3), editable, with their category, effect and card. */
import type { ObjectOverride } from '../../../../framework/src/model/override.ts';
import { CARTES, CATEGORIES_MOUVEMENT, EFFETS } from '../choices.ts';
import { parametrageMenu } from '../menu.ts';

export const typeMouvement: ObjectOverride = {
  defaultSort: ['categorie', 'type_mouvement'],
  screens: {
    menu: parametrageMenu('metier', 10, 'Types de mouvement'),
    choices: { categorie: CATEGORIES_MOUVEMENT, effet: EFFETS, carte: CARTES },
    advancedSearch: [{ field: 'categorie', kind: 'select' }, { field: 'effet', kind: 'select' }, { field: 'libelle' }],
  },
};
