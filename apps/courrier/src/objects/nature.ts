// Surcharge de « Natures de courrier » (courrier.nature) : menu et écrans.
import type { ObjectOverride } from '../../../../framework/src/model/override.ts';
import { parametrageMenu, RUBRIQUES_COURRIER } from './menu.ts';

export const nature: ObjectOverride = {
  defaultSort: ['libelle'],
  screens: {
    menu: parametrageMenu(RUBRIQUES_COURRIER.referentiels, 3, 'Natures de courrier'),
  },
};
