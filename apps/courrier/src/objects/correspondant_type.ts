// Surcharge de « Types de correspondant » (courrier.correspondant_type) : menu et écrans.
import type { ObjectOverride } from '../../../../framework/src/model/override.ts';
import { parametrageMenu, RUBRIQUES_COURRIER } from './menu.ts';

export const correspondantType: ObjectOverride = {
  defaultSort: ['libelle'],
  screens: {
    menu: parametrageMenu(RUBRIQUES_COURRIER.referentiels, 2, 'Types de correspondant'),
  },
};
