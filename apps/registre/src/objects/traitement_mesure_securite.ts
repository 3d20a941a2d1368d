// Mesure de sécurité appliquée (registre.traitement_mesure_securite): a sub-form of the processing activity, no menu entry.
import type { ObjectOverride } from '../../../../framework/src/model/override.ts';

export const traitementMesureSecurite: ObjectOverride = {
  screens: { menu: false, listColumns: ['traitement', 'mesure_securite'] },
};
