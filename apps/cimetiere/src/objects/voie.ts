/** A voie of a zone (allée, rangée, place): its emplacements as a tab. */
import type { ObjectOverride } from '../../../../framework/src/model/override.ts';
import { parametrageMenu, RUBRIQUES_CIMETIERE } from './menu.ts';

const texte = (value: unknown): string => (value === null || value === undefined ? '' : String(value));

export const voie: ObjectOverride = {
  // « Allée 1 (Carré A) »: an allée's name repeats from one zone to the next.
  choiceLabel: (row) => (row['zone__label'] ? `${texte(row['libelle'])} (${texte(row['zone__label'])})` : texte(row['libelle'])),
  defaultSort: ['zone', 'libelle'],
  searchColumns: ['libelle'],
  screens: {
    menu: parametrageMenu(RUBRIQUES_CIMETIERE.localisation, 30, 'Voies'),
    subForms: { titles: { emplacement: 'Emplacements' } },
    formLayout: [
      { legend: 'Voie', fields: ['zone', 'voie_type', 'libelle'], columns: 2 },
      { legend: 'Tracé', fields: ['geom'], collapsible: true },
    ],
  },
};
