// Surcharge de « Civilités » (courrier.civilite) : menu et écrans.
import type { ObjectOverride } from '../../../../framework/src/model/override.ts';
import { parametrageMenu, RUBRIQUES_COURRIER } from './menu.ts';

export const civilite: ObjectOverride = {
  defaultSort: ['libelle'],
  screens: {
    menu: parametrageMenu(RUBRIQUES_COURRIER.referentiels, 1, 'Civilités'),
  },
};
