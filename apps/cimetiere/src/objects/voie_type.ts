/** Types of voie (allée, rangée, place), with validity dates. */
import type { ObjectOverride } from '../../../../framework/src/model/override.ts';
import { parametrageMenu, RUBRIQUES_CIMETIERE } from './menu.ts';

export const voieType: ObjectOverride = {
  defaultSort: ['libelle'],
  screens: { menu: parametrageMenu(RUBRIQUES_CIMETIERE.referentiels, 60, 'Types de voie') },
};
