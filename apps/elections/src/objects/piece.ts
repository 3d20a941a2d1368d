/** A pièce justificative of a movement: a file, reached from the movement's tab only. */
import type { ObjectOverride } from '../../../../framework/src/model/override.ts';

export const piece: ObjectOverride = {
  defaultSort: ['piece'],
  screens: {
    menu: false,
    widgets: { fichier: 'file' },
    fileFields: { fichier: { maxBytes: 10_000_000, types: ['application/pdf', 'image/png', 'image/jpeg'] } },
    help: { fichier: 'Un PDF ou une image (PNG, JPEG) de 10 Mo au plus.' },
  },
};
