/** Messages of the résultats objects' rules (forms, API, imports). */
import { defineMessages } from '../../../../framework/src/i18n/index.ts';

export const message = defineMessages('resultats_objets', {
  premierTourRequis: 'Un second tour nomme l’élection de son premier tour.',
  premierTourInterdit: 'Seul un second tour nomme un premier tour : laissez ce champ vide ou choisissez le tour 2.',
  premierTourIntrouvable: 'L’élection choisie comme premier tour n’existe pas ou n’est pas de votre collectivité.',
  premierTourPasTour1: 'L’élection choisie comme premier tour est elle-même un second tour : choisissez une élection du tour 1.',
  premierTourAutreType: 'Le premier tour choisi est une élection « {type} » : un second tour est du même type de scrutin.',
  premierTourApres: 'Le second tour a lieu après le premier ({date}) : corrigez la date du scrutin.',
  siegesRequis: 'Indiquez le nombre de sièges à pourvoir au conseil municipal.',
  heures: 'L’heure de clôture doit être après l’heure d’ouverture.',
  rangTropGrand: 'Le rang {rang} dépasse le nombre de candidats qu’une liste peut présenter pour cette élection ({maximum}).',
  candidatUnique: 'Aux municipales des communes de moins de 1 000 habitants, chaque candidature est celle d’un seul candidat : son rang est 1.',
  pasDeCommunautaires: 'Cette élection ne désigne pas de conseillers communautaires : laissez le rang communautaire vide.',
  inscritsValide: 'Le résultat de ce bureau est validé : les inscrits ne changent plus. Faites-le déverrouiller d’abord.',
  changementInterdit: 'L’élection et le bureau d’un résultat ne changent pas : supprimez-le et ajoutez-en un autre.',
  suppressionValide: 'Le résultat de ce bureau est validé : il ne se supprime pas. Faites-le déverrouiller d’abord.',
});
