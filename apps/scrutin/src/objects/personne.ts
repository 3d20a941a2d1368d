/** A person who may sit in a bureau: typed in, or chosen from the electoral list (`/scrutin/choisir-electeur`). */
import type { ObjectOverride } from '../../../../framework/src/model/override.ts';
import { TITRE } from '../menu.ts';

export const personne: ObjectOverride = {
  defaultSort: ['nom', 'prenom'],
  searchColumns: ['nom', 'prenom', 'commune_inscription'],
  choiceLabel: (row) => `${String(row['nom'] ?? '')} ${String(row['prenom'] ?? '')}`.trim(),
  // Written only by « Choisir dans la liste électorale », which names the elector it read.
  readOnlyFields: ['electeur'],
  extraInputs: ['electeur_liste'],
  prepare: ({ action, input, values }) => {
    const electeur = Number(input['electeur_liste']);
    if (action === 'create' && Number.isInteger(electeur) && electeur > 0) values['electeur'] = electeur;
  },
  screens: {
    menu: { rubrique: 'application', category: TITRE, order: 30, label: 'Personnes' },
    listColumns: ['nom', 'prenom', 'date_naissance', 'commune_inscription', 'departement_inscription', 'telephone'],
    formLayout: [
      { legend: 'Identité', fields: ['nom', 'prenom', 'date_naissance'], columns: 3 },
      { legend: 'Coordonnées', fields: ['adresse', 'telephone', 'courriel'], columns: 3 },
      { legend: 'Inscription sur la liste électorale', fields: ['commune_inscription', 'departement_inscription', 'electeur'], columns: 3 },
    ],
    help: { departement_inscription: 'Obligatoire pour un président, un vice-président ou un assesseur : il doit être électeur du département du scrutin.' },
  },
};
