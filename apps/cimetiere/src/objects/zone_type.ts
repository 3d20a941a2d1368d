/** Types of zone (carré, extension, section), with validity dates. */
import type { ObjectOverride } from '../../../../framework/src/model/override.ts';
import { parametrageMenu, RUBRIQUES_CIMETIERE } from './menu.ts';

export const zoneType: ObjectOverride = {
  defaultSort: ['libelle'],
  screens: { menu: parametrageMenu(RUBRIQUES_CIMETIERE.referentiels, 50, 'Types de zone') },
};
