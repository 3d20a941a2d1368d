/** A participation hour of an election (12:00, 17:00…), reached from its election. */
import type { ObjectOverride } from '../../../../framework/src/model/override.ts';

export const tranche: ObjectOverride = {
  defaultSort: ['election', 'heure'],
  screens: {
    menu: false,
    subForms: { hidden: ['participation'] },
    help: { heure: 'L’heure du relevé de participation, par exemple 12:00 ou 17:00.' },
  },
};
