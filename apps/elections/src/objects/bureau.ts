/** A polling station, with its découpage and its electors as tabs. */
import type { ObjectOverride } from '../../../../framework/src/model/override.ts';
import { localisateurBureau } from '../decoupage/localiser-bureau.ts';
import { parametrageMenu } from '../menu.ts';

export const bureau: ObjectOverride = {
  defaultSort: ['code'],
  searchColumns: ['code', 'libelle', 'adresse'],
  localiser: localisateurBureau,
  screens: {
    menu: parametrageMenu('decoupage', 30, 'Bureaux de vote'),
    subForms: { titles: { decoupage: 'Découpage', electeur: 'Électeurs', mouvement: 'Mouvements' } },
    formLayout: [
      { fields: ['code', 'libelle', 'canton', 'circonscription', 'capacite'], columns: 2 },
      { legend: 'Adresse', fields: ['adresse', 'voie', 'numero_voie'], columns: 3 },
      { legend: 'Sur la carte', fields: ['geom', 'perimetre'] },
    ],
    help: { adresse: 'Le lieu tel qu’il est annoncé aux électeurs (école, salle…).' },
  },
};
