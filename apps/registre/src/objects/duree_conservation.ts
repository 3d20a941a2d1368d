// Durée de conservation (registre.duree_conservation): a sub-form of the processing activity.
import type { ObjectOverride } from '../../../../framework/src/model/override.ts';

export const dureeConservation: ObjectOverride = {
  screens: {
    menu: false,
    listColumns: ['traitement', 'categorie_donnees', 'duree', 'point_depart'],
    help: {
      categorie_donnees: 'Laissez vide si la durée vaut pour toutes les données du traitement.',
      duree: 'Par exemple « 5 ans », « 1 mois », « durée de la scolarité ».',
      point_depart: 'Par exemple « fin de l’année scolaire », « clôture du dossier ».',
    },
  },
};
