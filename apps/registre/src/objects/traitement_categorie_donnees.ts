// Catégorie de données traitée (registre.traitement_categorie_donnees): a sub-form of the processing activity, no menu entry.
import type { ObjectOverride } from '../../../../framework/src/model/override.ts';

export const traitementCategorieDonnees: ObjectOverride = {
  screens: { menu: false, listColumns: ['traitement', 'categorie_donnees'] },
};
