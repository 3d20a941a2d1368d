/** A concessionnaire or ayant droit as archived by a fin de concession: read only, immutable. */
import type { Choice, ObjectOverride } from '../../../../framework/src/model/override.ts';
import { menuArchives } from '../operations/menu.ts';

const NATURES: readonly Choice[] = [
  { value: 'concessionnaire', label: 'Concessionnaire' },
  { value: 'ayant_droit', label: 'Ayant droit' },
];

export const autorisationArchive: ObjectOverride = {
  readOnly: true,
  searchColumns: ['nom', 'nom_naissance', 'prenom'],
  defaultSort: ['nom', 'prenom'],
  screens: {
    menu: menuArchives(30, 'Concessionnaires archivés'),
    choices: { nature: NATURES },
  },
};
