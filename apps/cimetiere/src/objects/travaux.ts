/** Works on an emplacement (entreprise, nature, dates), from its « Travaux » tab. */
import type { FieldErrors, ObjectOverride, WriteContext } from '../../../../framework/src/model/override.ts';
import { NATURES_DEMANDEUR } from '../core/libelles.ts';

function dates(context: WriteContext): FieldErrors {
  if (context.action === 'delete') return {};
  const merged = { ...context.previous, ...context.values };
  if (merged.date_debut && merged.date_fin && String(merged.date_fin) < String(merged.date_debut)) {
    return { date_fin: 'La fin d’intervention ne peut pas précéder son début.' };
  }
  return {};
}

export const travaux: ObjectOverride = {
  defaultSort: ['-date_debut'],
  validate: dates,
  screens: {
    menu: false,
    choices: { nature_demandeur: NATURES_DEMANDEUR },
    formLayout: [
      { legend: 'Travaux', fields: ['emplacement', 'travaux_nature', 'entreprise', 'nature_demandeur'], columns: 2 },
      { legend: 'Intervention', fields: ['date_debut', 'date_fin'], columns: 2 },
      { legend: 'Observations', fields: ['observation'] },
    ],
  },
};
