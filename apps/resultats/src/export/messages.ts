/** Messages of the préfecture export (files, page, refusals), French first. */
import { defineMessages } from '../../../../framework/src/i18n/index.ts';

export const message = defineMessages('resultats_export', {
  refus: {
    introuvable: 'Cette élection n’existe pas ou n’est pas de votre collectivité.',
    sansCodeCommune: 'L’élection « {libelle} » n’a pas de code INSEE de commune : renseignez-le sur la fiche de l’élection avant l’export vers la préfecture.',
    sansBureauValide: 'Aucun bureau de l’élection « {libelle} » n’est validé : validez les résultats d’au moins un bureau avant l’export vers la préfecture.',
    pasMunicipales: 'La répartition des sièges ne se transmet que pour les élections municipales : l’élection « {libelle} » n’en est pas une.',
    repartition: 'La répartition des sièges de l’élection « {libelle} » ne peut pas être calculée : {raison}',
  },
  page: {
    titre: 'Export vers la préfecture',
    intro: 'Les fichiers transmis à la préfecture : une ligne par bureau validé (les bureaux non validés ne sont pas transmis) et, pour les élections municipales, la répartition des sièges. Fichiers CSV, UTF-8, séparateur point-virgule.',
    aucune: 'Aucune élection : créez d’abord une élection.',
    legende: 'Élections et fichiers à transmettre',
    election: 'Élection',
    date: 'Date',
    tour: 'Tour',
    bureaux: 'Bureaux validés',
    bureauxValeur: '{comptes} sur {total}',
    fichiers: 'Fichiers',
    resultats: 'Résultats par bureau (CSV)',
    resultatsDe: 'Résultats par bureau de « {libelle} » (CSV)',
    sieges: 'Répartition des sièges (CSV)',
    siegesDe: 'Répartition des sièges de « {libelle} » (CSV)',
    provisoire: 'Attention : bureaux pas encore validés : {reste} ; le fichier ne contient que les bureaux validés.',
  },
}, {
  en: {
    refus: {
      introuvable: 'This election does not exist or is not of your collectivité.',
      sansCodeCommune: 'The election « {libelle} » has no INSEE commune code: fill it in on the election before the export to the préfecture.',
      sansBureauValide: 'No bureau of the election « {libelle} » is validated: validate the results of at least one bureau before the export to the préfecture.',
      pasMunicipales: 'The seat allocation is sent for municipal elections only: « {libelle} » is not one.',
      repartition: 'The seat allocation of the election « {libelle} » cannot be computed: {raison}',
    },
    page: {
      titre: 'Export to the préfecture',
      intro: 'The files sent to the préfecture: one line per validated bureau (bureaux not validated are not sent) and, for municipal elections, the seat allocation. CSV files, UTF-8, semicolon separated.',
      aucune: 'No election: create an election first.',
      legende: 'Elections and files to send',
      election: 'Election',
      date: 'Date',
      tour: 'Round',
      bureaux: 'Validated bureaux',
      bureauxValeur: '{comptes} of {total}',
      fichiers: 'Files',
      resultats: 'Results per bureau (CSV)',
      resultatsDe: 'Results per bureau of « {libelle} » (CSV)',
      sieges: 'Seat allocation (CSV)',
      siegesDe: 'Seat allocation of « {libelle} » (CSV)',
      provisoire: 'Warning: bureaux not validated yet: {reste}; the file holds the validated bureaux only.',
    },
  },
});
