/** A candidature: one candidate or a list (its candidates as a tab), by its panel number. */
import type { ObjectOverride } from '../../../../framework/src/model/override.ts';

export const candidature: ObjectOverride = {
  defaultSort: ['election', 'ordre'],
  searchColumns: ['libelle', 'tete_de_liste', 'nuance'],
  screens: {
    menu: false,
    widgets: { couleur: 'color' },
    subForms: { order: ['candidat'], titles: { candidat: 'Candidats' }, hidden: ['voix'] },
    help: {
      ordre: 'Le numéro du panneau d’affichage attribué par la préfecture.',
      nuance: 'Le code de nuance du ministère de l’Intérieur (LDVG, LUG, LDIV…).',
    },
  },
};
