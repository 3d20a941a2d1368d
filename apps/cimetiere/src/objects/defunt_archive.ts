/** A défunt as archived by a fin de concession, with the destination of the remains: read only, immutable. */
import type { ObjectOverride } from '../../../../framework/src/model/override.ts';
import { menuArchives } from '../operations/menu.ts';

export const defuntArchive: ObjectOverride = {
  readOnly: true,
  searchColumns: ['nom', 'nom_naissance', 'prenom'],
  defaultSort: ['nom', 'prenom'],
  screens: {
    menu: menuArchives(20, 'Défunts archivés'),
    advancedSearch: [{ field: 'nom' }, { field: 'nom_naissance' }, { field: 'prenom' }, { field: 'date_deces' }],
  },
};
