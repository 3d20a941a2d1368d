/** The four former French départements of Algeria, for births there before 1962. */
import type { ObjectOverride } from '../../../../framework/src/model/override.ts';
import { parametrageMenu } from '../menu.ts';

export const departementAlgerie: ObjectOverride = {
  defaultSort: ['code'],
  screens: { menu: parametrageMenu('references', 50, 'Départements d’Algérie') },
};
