/** Messages of the seat allocation (rules, API, page), French. */
import { defineMessages } from '../../../../framework/src/i18n/index.ts';

export const message = defineMessages('resultats_sieges', {
  voixSuperieuresAuxExprimes:
    'La somme des voix des listes ({voix}) dépasse le nombre de suffrages exprimés ({exprimes}) : corrigez les voix ou les exprimés.',
  voixCandidatSuperieuresAuxExprimes: '« {liste} » a {voix} voix, plus que les {exprimes} suffrages exprimés : corrigez ses voix.',
  egaliteSansDates:
    'Les listes {listes} sont à égalité ({motif}) : indiquez la date de naissance de leurs candidats pour les départager (art. L262 du Code électoral).',
  egaliteParfaite:
    'Les listes {listes} sont à égalité parfaite ({motif}), dates de naissance comprises : la loi ne les départage pas, vérifiez les chiffres et les dates.',
  egaliteCandidatsSansDates:
    'Les candidats {candidats} sont à égalité de voix : indiquez leur date de naissance pour les départager (le plus âgé est élu, art. L253).',
  egaliteCandidatsParfaite:
    'Les candidats {candidats} ont autant de voix et la même date de naissance : la loi ne les départage pas, vérifiez les chiffres.',
  motifPremiereplace: 'même nombre de voix en tête',
  motifMoyenne: 'même moyenne et même nombre de voix pour un siège',
});
