/** A polling station of the collectivité, with the affectations of every scrutin. */
import type { ObjectOverride } from '../../../../framework/src/model/override.ts';
import { TITRE } from '../menu.ts';

export const bureau: ObjectOverride = {
  // Among a dozen bureaux the number is what agents know them by (« 2 — École Jules-Ferry »).
  choiceLabel: (row) => `${String(row['code'] ?? '')} — ${String(row['libelle'] ?? '')}`,
  defaultSort: ['code'],
  searchColumns: ['code', 'libelle', 'adresse'],
  screens: {
    menu: { rubrique: 'parametrage', category: TITRE, order: 10, label: 'Bureaux de vote' },
    listColumns: ['code', 'libelle', 'adresse'],
    subForms: { order: ['affectation'], titles: { affectation: 'Affectations' } },
  },
};
