// Catégorie de personnes concernée (registre.traitement_categorie_personnes): a sub-form of the processing activity, no menu entry.
import type { ObjectOverride } from '../../../../framework/src/model/override.ts';

export const traitementCategoriePersonnes: ObjectOverride = {
  screens: { menu: false, listColumns: ['traitement', 'categorie_personnes'] },
};
