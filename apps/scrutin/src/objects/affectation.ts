/** Who sits in which bureau of a scrutin, as what, at which hours, designated by the mayor or by a list. */
import type { ObjectOverride } from '../../../../framework/src/model/override.ts';
import { marquerAffectationConvoquee } from '../convocations/marquer.ts';
import { TITRE } from '../menu.ts';
import { checkAffectation } from '../rules/affectation.ts';

export const affectation: ObjectOverride = {
  defaultSort: ['scrutin', 'bureau', 'fonction', 'heure_debut'],
  beforeWrite: checkAffectation,
  actions: { convoquer: marquerAffectationConvoquee },
  screens: {
    menu: { rubrique: 'application', category: TITRE, order: 40, label: 'Affectations' },
    listColumns: ['scrutin', 'bureau', 'fonction', 'personne', 'heure_debut', 'heure_fin', 'candidature', 'convoque_le'],
    advancedSearch: [{ field: 'scrutin' }, { field: 'bureau' }, { field: 'fonction' }, { field: 'candidature' }],
    widgets: { heure_debut: 'time', heure_fin: 'time' },
    formLayout: [
      { fields: ['scrutin', 'bureau'], columns: 2 },
      { fields: ['personne', 'fonction'], columns: 2 },
      { legend: 'Permanence', fields: ['heure_debut', 'heure_fin'], columns: 2 },
      { legend: 'Désignation', fields: ['candidature', 'date_designation', 'convoque_le'], columns: 3 },
      { fields: ['observations'] },
    ],
    help: {
      candidature: 'Vide quand le maire désigne. Une liste désigne un assesseur titulaire, un suppléant et des délégués par bureau, au plus tard à 18 h le troisième jour avant le scrutin.',
      personne: 'Pas dans la liste ? Créez-la dans « Personnes » ou choisissez-la dans la liste électorale (« Choisir dans la liste électorale »).',
    },
  },
};
