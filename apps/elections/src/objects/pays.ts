/** The countries of the INSEE's COG (99xxx), for births abroad. */
import type { ObjectOverride } from '../../../../framework/src/model/override.ts';
import { parametrageMenu } from '../menu.ts';

export const pays: ObjectOverride = {
  defaultSort: ['libelle'],
  searchColumns: ['libelle', 'pays'],
  screens: { menu: parametrageMenu('references', 40, 'Pays') },
};
