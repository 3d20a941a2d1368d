// Transfert hors UE (registre.transfert_hors_ue): a sub-form of the processing activity.
import type { ObjectOverride } from '../../../../framework/src/model/override.ts';

export const transfertHorsUe: ObjectOverride = {
  screens: {
    menu: false,
    listColumns: ['traitement', 'pays', 'garanties'],
    widgets: { garanties: 'textarea' },
    help: { garanties: 'Décision d’adéquation, clauses contractuelles types de la Commission, règles d’entreprise contraignantes…' },
  },
};
