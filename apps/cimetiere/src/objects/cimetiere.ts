/** A cemetery of the collectivité: its address and perimeter; its zones and scanned plans as tabs. */
import type { ObjectOverride } from '../../../../framework/src/model/override.ts';
import { lienPlanDuCimetiere } from '../plans/liens.ts';
import { parametrageMenu, RUBRIQUES_CIMETIERE } from './menu.ts';

export const cimetiere: ObjectOverride = {
  defaultSort: ['libelle'],
  searchColumns: ['libelle', 'ville'],
  links: [lienPlanDuCimetiere],
  screens: {
    menu: parametrageMenu(RUBRIQUES_CIMETIERE.localisation, 10, 'Cimetières'),
    subForms: { titles: { zone: 'Zones', plan: 'Plans scannés' } },
    formLayout: [
      { legend: 'Cimetière', fields: ['libelle'] },
      { legend: 'Adresse', fields: ['adresse1', 'adresse2', 'cp', 'ville'], columns: 2 },
      { legend: 'Périmètre', fields: ['perimetre'], collapsible: true },
      { legend: 'Observations', fields: ['observation'] },
    ],
  },
};
