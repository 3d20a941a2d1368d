// Destinataire des données (registre.traitement_destinataire): a sub-form of the processing activity, no menu entry.
import type { ObjectOverride } from '../../../../framework/src/model/override.ts';
import { sameCollectiviteAsTraitement } from '../same-collectivite.ts';

export const traitementDestinataire: ObjectOverride = {
  validate: sameCollectiviteAsTraitement,
  screens: { menu: false, listColumns: ['traitement', 'destinataire'] },
};
