/** The kinds of pièce justificative a movement may carry. */
import type { ObjectOverride } from '../../../../framework/src/model/override.ts';
import { parametrageMenu } from '../menu.ts';

export const typePiece: ObjectOverride = {
  defaultSort: ['libelle'],
  screens: { menu: parametrageMenu('references', 70, 'Types de pièce') },
};
