/** Messages of the public results page (election night screen and web), French first. */
import { defineMessages } from '../../../../framework/src/i18n/index.ts';

export const message = defineMessages('resultats_public', {
  electionIntrouvable: 'Cette élection n’existe pas ou ses résultats ne sont pas publiés : choisissez-en une dans la liste des résultats de la collectivité.',
  adresseInvalide: 'L’adresse de la page est incomplète : elle doit se terminer par le numéro de la collectivité puis celui de l’élection.',
  titreListe: 'Résultats des élections — {collectivite}',
  aucuneElection: 'Aucun résultat n’est publié pour le moment. Revenez le soir du scrutin.',
  depouilles: '{depouilles} bureaux dépouillés sur {total}',
  provisoire: 'Résultats provisoires : tous les bureaux ne sont pas encore dépouillés.',
  complets: 'Tous les bureaux sont dépouillés.',
  proclames: 'Résultats proclamés.',
  actualiser: 'Actualiser',
  annonce: 'Résultats mis à jour : {depouilles} bureaux dépouillés sur {total}.',
  enAttente: 'en attente',
  depouille: 'dépouillé',
});
