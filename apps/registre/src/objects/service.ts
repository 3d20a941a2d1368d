// Service (registre.service): the collectivité's services that run processing activities.
import type { ObjectOverride } from '../../../../framework/src/model/override.ts';
import { MENU_CATEGORY } from '../menu.ts';

export const service: ObjectOverride = {
  defaultSort: ['libelle'],
  screens: {
    menu: { rubrique: 'parametrage', category: MENU_CATEGORY, order: 20, label: 'Services' },
    listColumns: ['libelle', 'code', 'om_validite_debut', 'om_validite_fin'],
    help: { om_validite_fin: 'Un service fermé n’est plus proposé dans les fiches ; les fiches existantes le gardent.' },
  },
};
