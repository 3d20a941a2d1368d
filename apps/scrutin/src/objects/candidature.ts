/** A list or a candidate of a scrutin, and its mandataire, who hands in the designations of assesseurs and délégués (R46). */
import type { ObjectOverride } from '../../../../framework/src/model/override.ts';
import { TITRE } from '../menu.ts';

export const candidature: ObjectOverride = {
  defaultSort: ['scrutin', 'libelle'],
  searchColumns: ['libelle', 'tete_de_liste', 'mandataire'],
  screens: {
    menu: { rubrique: 'application', category: TITRE, order: 20, label: 'Listes et candidats' },
    listColumns: ['scrutin', 'libelle', 'tete_de_liste', 'mandataire', 'telephone'],
    formLayout: [
      { fields: ['scrutin', 'libelle', 'tete_de_liste'] },
      { legend: 'Mandataire', fields: ['mandataire', 'telephone', 'courriel'], columns: 3 },
    ],
    subForms: { order: ['affectation'], titles: { affectation: 'Assesseurs et délégués désignés' } },
  },
};
