// Surcharge de « Catégories de courrier » (courrier.categorie) : menu et écrans.
import type { ObjectOverride } from '../../../../framework/src/model/override.ts';
import { parametrageMenu, RUBRIQUES_COURRIER } from './menu.ts';

export const categorie: ObjectOverride = {
  defaultSort: ['libelle'],
  screens: {
    menu: parametrageMenu(RUBRIQUES_COURRIER.referentiels, 4, 'Catégories de courrier'),
    help: { delai_reponse: 'Jours pour répondre à un courrier de cette catégorie ; vide : le paramètre delai_reponse (15 jours).' },
  },
};
