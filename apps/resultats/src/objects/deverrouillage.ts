/** The audit of a validated result unlocked (reason, who, when): written by the unlock of src/saisie/ only, never changed. */
import type { ObjectOverride } from '../../../../framework/src/model/override.ts';

export const deverrouillage: ObjectOverride = {
  readOnly: true,
  defaultSort: ['-le'],
  screens: { menu: false },
};
