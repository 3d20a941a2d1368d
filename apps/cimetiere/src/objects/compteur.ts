/** The yearly registers' counters: written by the numbering only (src/core/registres.ts), never by hand. */
import type { ObjectOverride } from '../../../../framework/src/model/override.ts';
import { REGISTRES } from '../core/libelles.ts';

export const compteur: ObjectOverride = {
  readOnly: true,
  defaultSort: ['-annee', 'registre'],
  screens: { menu: false, choices: { registre: REGISTRES } },
};
