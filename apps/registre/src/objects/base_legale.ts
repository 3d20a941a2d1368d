// Base légale (registre.base_legale): the six bases of article 6 of the GDPR, shared by every collectivité.
import type { ObjectOverride } from '../../../../framework/src/model/override.ts';
import { MENU_CATEGORY } from '../menu.ts';

export const baseLegale: ObjectOverride = {
  // The same for every town: only a niveau-2 administrator edits them.
  sharedByAllCollectivites: true,
  defaultSort: ['code'],
  searchColumns: ['libelle', 'code'],
  screens: {
    menu: { rubrique: 'parametrage', category: MENU_CATEGORY, order: 10, label: 'Bases légales' },
    listColumns: ['code', 'libelle', 'om_validite_debut', 'om_validite_fin'],
    widgets: { description: 'textarea' },
    help: { code: 'Le point de l’article 6.1 du RGPD (« 6.1.c »).' },
  },
};
