/** Entreprises (pompes funèbres, marbriers), with validity dates: an ended one is no longer offered. */
import type { ObjectOverride } from '../../../../framework/src/model/override.ts';
import { parametrageMenu, RUBRIQUES_CIMETIERE } from './menu.ts';

export const entreprise: ObjectOverride = {
  defaultSort: ['nom'],
  searchColumns: ['nom', 'ville', 'habilitation'],
  screens: {
    menu: parametrageMenu(RUBRIQUES_CIMETIERE.referentiels, 20, 'Entreprises'),
    formLayout: [
      { legend: 'Entreprise', fields: ['nom', 'pompes_funebres', 'habilitation'], columns: 2 },
      { legend: 'Coordonnées', fields: ['adresse1', 'adresse2', 'cp', 'ville', 'telephone', 'courriel'], columns: 2 },
      { legend: 'Validité', fields: ['om_validite_debut', 'om_validite_fin'], columns: 2 },
    ],
  },
};
