/**
 * The application's own messages (rules of the forms), French first. Labels of fields and menus
 * are plain French data in the override modules, as the generated labels are.
 */
import { defineMessages } from '../../../framework/src/i18n/index.ts';

export const message = defineMessages(
  'elections',
  {
    communeRequise: 'Choisissez la commune de naissance : l’électeur est né en France.',
    paysRequis: 'Choisissez le pays de naissance : l’électeur est né à l’étranger.',
    departementAlgerieRequis: 'Choisissez l’ancien département d’Algérie où l’électeur est né.',
    villeRequise: 'Saisissez la ville de naissance, telle que sur l’acte de naissance.',
    horsLieuNaissance: 'Laissez ce champ vide : il ne correspond pas au lieu de naissance choisi (« {lieu} »).',
    dateNaissanceFuture: 'La date de naissance ne peut pas être postérieure à aujourd’hui.',
    motifBureauForce: 'Donnez le motif pour lequel le bureau de vote ne suit pas le découpage.',
    listePrincipaleFrancais:
      'La liste principale est réservée aux électeurs de nationalité française : inscrivez un ressortissant de l’Union européenne sur une liste complémentaire (LCE ou LCM).',
    listeComplementaireUe:
      'Les listes complémentaires sont réservées aux ressortissants d’un autre État de l’Union européenne : la nationalité « {nationalite} » n’y donne pas droit.',
  },
  {
    en: {
      communeRequise: 'Choose the commune of birth: the elector was born in France.',
      paysRequis: 'Choose the country of birth: the elector was born abroad.',
      departementAlgerieRequis: 'Choose the former département of Algeria where the elector was born.',
      villeRequise: 'Enter the town of birth, as on the birth certificate.',
      horsLieuNaissance: 'Leave this field empty: it does not match the place of birth chosen (“{lieu}”).',
      dateNaissanceFuture: 'The date of birth cannot be after today.',
      motifBureauForce: 'Give the reason why the polling station does not follow the split of the street.',
      listePrincipaleFrancais:
        'The main list is for electors of French nationality: register a citizen of the European Union on a complementary list (LCE or LCM).',
      listeComplementaireUe: 'The complementary lists are for citizens of another Member State of the European Union: the nationality “{nationalite}” does not qualify.',
    },
  },
);
