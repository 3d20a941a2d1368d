/** A street of the commune, with its split into bureaux as a tab; NC1 « NON COMMUNIQUÉE » for unknown addresses. */
import type { ObjectOverride } from '../../../../framework/src/model/override.ts';
import { parametrageMenu } from '../menu.ts';

export const voie: ObjectOverride = {
  defaultSort: ['libelle'],
  searchColumns: ['libelle', 'code'],
  screens: {
    menu: parametrageMenu('decoupage', 40, 'Voies'),
    subForms: { titles: { decoupage: 'Découpage', electeur: 'Électeurs', mouvement: 'Mouvements' }, hidden: ['bureau'] },
    help: { code: 'NC1 est réservé à la voie « NON COMMUNIQUÉE » des adresses inconnues.' },
  },
};
