/** A scanned piece of an emplacement's dossier (acte, arrêté, photo), from its « Dossier » tab. */
import type { ObjectOverride } from '../../../../framework/src/model/override.ts';
import { TYPES_DOSSIER } from '../core/libelles.ts';

export const dossier: ObjectOverride = {
  defaultSort: ['-date_dossier'],
  screens: {
    menu: false,
    choices: { type_dossier: TYPES_DOSSIER },
    widgets: { fichier: 'file' },
    fileFields: { fichier: { maxBytes: 20_000_000, types: ['application/pdf', 'image/png', 'image/jpeg'], preview: false } },
    help: { fichier: 'Un PDF ou une image (PNG, JPEG) de 20 Mo au plus.' },
    formLayout: [
      { legend: 'Pièce', fields: ['emplacement', 'type_dossier', 'date_dossier', 'fichier'], columns: 2 },
      { legend: 'Observations', fields: ['observation'] },
    ],
  },
};
