// Destinataire des données (registre.traitement_destinataire): a sub-form of the processing activity, no menu entry.
import type { ObjectOverride } from '../../../../framework/src/model/override.ts';

export const traitementDestinataire: ObjectOverride = {
  screens: { menu: false, listColumns: ['traitement', 'destinataire'] },
};
