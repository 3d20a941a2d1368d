/** A candidature's votes in a bureau: written by the entry pages only (src/saisie/), read-only everywhere else. */
import type { ObjectOverride } from '../../../../framework/src/model/override.ts';

export const voix: ObjectOverride = {
  readOnly: true,
  defaultSort: ['election_bureau', 'candidature'],
  screens: { menu: false },
};
