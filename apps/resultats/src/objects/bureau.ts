/** A polling station of the résultats (its own, or copied from « Élections » by code), with its results as a tab. */
import type { ObjectOverride } from '../../../../framework/src/model/override.ts';
import { parametrageMenu } from './menu.ts';

export const bureau: ObjectOverride = {
  // Among a dozen bureaux the number is what agents know them by (« 2 — École Jules-Ferry »).
  choiceLabel: (row) => `${String(row['code'] ?? '')} — ${String(row['libelle'] ?? '')}`,
  defaultSort: ['code'],
  searchColumns: ['code', 'libelle', 'adresse'],
  screens: {
    menu: parametrageMenu(10, 'Bureaux'),
    subForms: { titles: { election_bureau: 'Résultats' } },
    help: { code: 'Le même code que le bureau des listes électorales (application « Élections ») : la reprise des bureaux s’y fie.' },
  },
};
