/** The régions of France (loaded by the referential `decoupage-administratif`). */
import type { ObjectOverride } from '../../../../framework/src/model/override.ts';
import { parametrageMenu } from '../menu.ts';

export const region: ObjectOverride = {
  defaultSort: ['libelle'],
  screens: { menu: parametrageMenu('references', 30, 'Régions') },
};
