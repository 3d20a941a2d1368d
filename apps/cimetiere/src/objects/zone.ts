/** A zone of a cemetery (carré, extension, section): its voies as a tab. */
import type { ObjectOverride } from '../../../../framework/src/model/override.ts';
import { parametrageMenu, RUBRIQUES_CIMETIERE } from './menu.ts';

const texte = (value: unknown): string => (value === null || value === undefined ? '' : String(value));

export const zone: ObjectOverride = {
  // Every cemetery has its « Carré A »: the cemetery tells them apart.
  choiceLabel: (row) => (row['cimetiere__label'] ? `${texte(row['libelle'])} (${texte(row['cimetiere__label'])})` : texte(row['libelle'])),
  defaultSort: ['cimetiere', 'libelle'],
  searchColumns: ['libelle'],
  screens: {
    menu: parametrageMenu(RUBRIQUES_CIMETIERE.localisation, 20, 'Zones'),
    subForms: { titles: { voie: 'Voies' } },
    formLayout: [
      { legend: 'Zone', fields: ['cimetiere', 'zone_type', 'libelle'], columns: 2 },
      { legend: 'Contour', fields: ['geom'], collapsible: true },
    ],
  },
};
