// Catégorie de données traitée (registre.traitement_categorie_donnees): a sub-form of the processing activity, no menu entry.
import type { ObjectOverride } from '../../../../framework/src/model/override.ts';
import { sameCollectiviteAsTraitement } from '../same-collectivite.ts';

export const traitementCategorieDonnees: ObjectOverride = {
  validate: sameCollectiviteAsTraitement,
  screens: { menu: false, listColumns: ['traitement', 'categorie_donnees'] },
};
