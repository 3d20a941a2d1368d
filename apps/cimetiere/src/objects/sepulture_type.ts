/** Types of sépulture (pleine terre, caveau, cavurne…), with validity dates. */
import type { ObjectOverride } from '../../../../framework/src/model/override.ts';
import { parametrageMenu, RUBRIQUES_CIMETIERE } from './menu.ts';

export const sepultureType: ObjectOverride = {
  defaultSort: ['libelle'],
  screens: { menu: parametrageMenu(RUBRIQUES_CIMETIERE.referentiels, 30, 'Types de sépulture') },
};
