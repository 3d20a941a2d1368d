/** The départements of France (loaded by the referential `decoupage-administratif`). */
import type { ObjectOverride } from '../../../../framework/src/model/override.ts';
import { parametrageMenu } from '../menu.ts';

export const departement: ObjectOverride = {
  defaultSort: ['departement'],
  screens: { menu: parametrageMenu('references', 20, 'Départements') },
};
