/** A legislative constituency. */
import type { ObjectOverride } from '../../../../framework/src/model/override.ts';
import { parametrageMenu } from '../menu.ts';

export const circonscription: ObjectOverride = {
  defaultSort: ['code'],
  screens: { menu: parametrageMenu('decoupage', 20, 'Circonscriptions') },
};
