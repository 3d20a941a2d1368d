// Catégorie de personnes concernée (registre.traitement_categorie_personnes): a sub-form of the processing activity, no menu entry.
import type { ObjectOverride } from '../../../../framework/src/model/override.ts';
import { sameCollectiviteAsTraitement } from '../same-collectivite.ts';

export const traitementCategoriePersonnes: ObjectOverride = {
  validate: sameCollectiviteAsTraitement,
  screens: { menu: false, listColumns: ['traitement', 'categorie_personnes'] },
};
