/** Natures of works, with validity dates. */
import type { ObjectOverride } from '../../../../framework/src/model/override.ts';
import { parametrageMenu, RUBRIQUES_CIMETIERE } from './menu.ts';

export const travauxNature: ObjectOverride = {
  defaultSort: ['libelle'],
  screens: { menu: parametrageMenu(RUBRIQUES_CIMETIERE.referentiels, 40, 'Natures de travaux') },
};
