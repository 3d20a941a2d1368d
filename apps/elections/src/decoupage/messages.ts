/** Messages of the découpage part (checks, control page, BAL import, redécoupage), French first. */
import { defineMessages } from '../../../../framework/src/i18n/index.ts';

export const message = defineMessages(
  'elections_decoupage',
  {
    refus: 'Le découpage n’est pas enregistré : {details}',
    voieIntrouvable: 'La voie choisie n’existe pas ou n’est pas de votre collectivité.',
  },
  {
    en: {
      refus: 'The split is not saved: {details}',
      voieIntrouvable: 'The street chosen does not exist or is not of your collectivité.',
    },
  },
);
