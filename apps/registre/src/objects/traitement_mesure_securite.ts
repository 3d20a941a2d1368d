// Mesure de sécurité appliquée (registre.traitement_mesure_securite): a sub-form of the processing activity, no menu entry.
import type { ObjectOverride } from '../../../../framework/src/model/override.ts';
import { sameCollectiviteAsTraitement } from '../same-collectivite.ts';

export const traitementMesureSecurite: ObjectOverride = {
  validate: sameCollectiviteAsTraitement,
  screens: { menu: false, listColumns: ['traitement', 'mesure_securite'] },
};
