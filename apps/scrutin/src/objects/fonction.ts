/** The functions in a bureau (R42–R47): a national reference, shipped by the migration. */
import type { ObjectOverride } from '../../../../framework/src/model/override.ts';
import { TITRE } from '../menu.ts';

export const fonction: ObjectOverride = {
  defaultSort: ['ordre'],
  // The rules and the control page read these codes: one town's administrator may not change what the others use.
  sharedByAllCollectivites: true,
  screens: {
    menu: { rubrique: 'parametrage', category: TITRE, order: 20, label: 'Fonctions' },
    listColumns: ['libelle', 'ordre', 'membre_bureau', 'designable', 'titulaire'],
  },
};
