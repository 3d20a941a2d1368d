// Sous-traitant intervenant (registre.traitement_sous_traitant): a sub-form of the processing activity, no menu entry.
import type { ObjectOverride } from '../../../../framework/src/model/override.ts';
import { sameCollectiviteAsTraitement } from '../same-collectivite.ts';

export const traitementSousTraitant: ObjectOverride = {
  validate: sameCollectiviteAsTraitement,
  screens: { menu: false, listColumns: ['traitement', 'sous_traitant'] },
};
