/**
 * A scanned plan of a cemetery (PNG or JPEG) with its extent in Lambert-93: the maps (src/plans/)
 * lay it under the emplacements.
 */
import type { FieldErrors, ObjectOverride, WriteContext } from '../../../../framework/src/model/override.ts';
import { parametrageMenu, RUBRIQUES_CIMETIERE } from './menu.ts';

function emprise(context: WriteContext): FieldErrors {
  if (context.action === 'delete') return {};
  const merged = { ...context.previous, ...context.values };
  const errors: FieldErrors = {};
  if (merged.x_min !== null && merged.x_max !== null && Number(merged.x_max) <= Number(merged.x_min)) errors.x_max = 'Le X maximal doit être plus grand que le X minimal.';
  if (merged.y_min !== null && merged.y_max !== null && Number(merged.y_max) <= Number(merged.y_min)) errors.y_max = 'Le Y maximal doit être plus grand que le Y minimal.';
  return errors;
}

export const plan: ObjectOverride = {
  defaultSort: ['cimetiere', 'libelle'],
  searchColumns: ['libelle'],
  validate: emprise,
  screens: {
    menu: parametrageMenu(RUBRIQUES_CIMETIERE.localisation, 40, 'Plans scannés'),
    widgets: { fichier: 'file' },
    fileFields: { fichier: { maxBytes: 20_000_000, types: ['image/png', 'image/jpeg'], preview: true } },
    formLayout: [
      { legend: 'Plan', fields: ['cimetiere', 'libelle', 'fichier'] },
      { legend: 'Emprise (Lambert-93, mètres)', fields: ['x_min', 'y_min', 'x_max', 'y_max'], columns: 2 },
    ],
    help: {
      fichier: 'Une image PNG ou JPEG de 20 Mo au plus.',
      x_min: 'Les coordonnées du coin bas gauche et du coin haut droit de l’image, en Lambert-93.',
    },
  },
};
