/** A polling station, with its découpage and its electors as tabs. */
import type { ObjectOverride } from '../../../../framework/src/model/override.ts';
import { parametrageMenu } from '../menu.ts';

export const bureau: ObjectOverride = {
  defaultSort: ['code'],
  searchColumns: ['code', 'libelle', 'adresse'],
  screens: {
    menu: parametrageMenu('decoupage', 30, 'Bureaux de vote'),
    subForms: { titles: { decoupage: 'Découpage', electeur: 'Électeurs', mouvement: 'Mouvements' } },
  },
};
