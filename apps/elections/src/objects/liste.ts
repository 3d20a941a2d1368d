/** The electoral lists: LP, LCE, LCM. */
import type { ObjectOverride } from '../../../../framework/src/model/override.ts';
import { parametrageMenu } from '../menu.ts';

export const liste: ObjectOverride = {
  defaultSort: ['code_insee'],
  screens: { menu: parametrageMenu('metier', 20, 'Listes électorales') },
};
