/** Civility titles (M., Mme, Enfant…), with validity dates: an ended one is no longer offered. */
import type { ObjectOverride } from '../../../../framework/src/model/override.ts';
import { parametrageMenu, RUBRIQUES_CIMETIERE } from './menu.ts';

export const titre: ObjectOverride = {
  defaultSort: ['libelle'],
  screens: { menu: parametrageMenu(RUBRIQUES_CIMETIERE.referentiels, 10, 'Titres de civilité') },
};
