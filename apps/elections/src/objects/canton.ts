/** A canton (also the unit of the jury draw). */
import type { ObjectOverride } from '../../../../framework/src/model/override.ts';
import { parametrageMenu } from '../menu.ts';

export const canton: ObjectOverride = {
  defaultSort: ['code'],
  screens: { menu: parametrageMenu('decoupage', 10, 'Cantons') },
};
