/** A bureau's voters at an hour: written by the participation entry page only (src/saisie/), read-only everywhere else. */
import type { ObjectOverride } from '../../../../framework/src/model/override.ts';

export const participation: ObjectOverride = {
  readOnly: true,
  defaultSort: ['election_bureau', 'tranche'],
  screens: { menu: false },
};
