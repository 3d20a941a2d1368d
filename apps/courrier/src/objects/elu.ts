// Surcharge de « Élus » (courrier.elu) : menu et écrans.
import type { ObjectOverride } from '../../../../framework/src/model/override.ts';
import { parametrageMenu, RUBRIQUES_COURRIER } from './menu.ts';

export const elu: ObjectOverride = {
  defaultSort: ['nom', 'prenom'],
  choiceLabel: (row) => [row['nom'], row['prenom']].filter((part) => part !== null && part !== undefined && part !== '').join(' '),
  screens: {
    menu: parametrageMenu(RUBRIQUES_COURRIER.organisation, 10, 'Élus'),
    help: { copie_auto: 'Reçoit une copie de chaque courrier arrivé quand les paramètres autoinsertion_diffusion et option_elu sont vrais.' },
  },
};
