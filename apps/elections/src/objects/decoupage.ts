/** The split of a voie into bureaux by ranges of odd and even numbers. */
import type { ObjectOverride } from '../../../../framework/src/model/override.ts';
import { refuseDecoupageErrors } from '../decoupage/check.ts';
import { parametrageMenu } from '../menu.ts';

export const decoupage: ObjectOverride = {
  defaultSort: ['voie', 'premier_impair', 'premier_pair'],
  // Bounds, parity and overlaps with the voie's other rows (the gaps are shown on the control page).
  beforeWrite: refuseDecoupageErrors,
  screens: {
    menu: parametrageMenu('decoupage', 50, 'Découpage'),
    formLayout: [
      { fields: ['voie', 'bureau'], columns: 2 },
      { legend: 'Numéros impairs', fields: ['premier_impair', 'dernier_impair'], columns: 2 },
      { legend: 'Numéros pairs', fields: ['premier_pair', 'dernier_pair'], columns: 2 },
    ],
    help: {
      premier_impair: 'Laissez les deux bornes vides quand ce bureau ne prend aucun numéro impair de la voie.',
      premier_pair: 'Laissez les deux bornes vides quand ce bureau ne prend aucun numéro pair de la voie ; 0 est le premier pair.',
    },
  },
};
