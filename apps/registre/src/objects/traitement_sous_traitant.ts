// Sous-traitant intervenant (registre.traitement_sous_traitant): a sub-form of the processing activity, no menu entry.
import type { ObjectOverride } from '../../../../framework/src/model/override.ts';

export const traitementSousTraitant: ObjectOverride = {
  screens: { menu: false, listColumns: ['traitement', 'sous_traitant'] },
};
