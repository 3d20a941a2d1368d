/** The nationalities; « Union européenne » opens the complementary lists. */
import type { ObjectOverride } from '../../../../framework/src/model/override.ts';
import { parametrageMenu } from '../menu.ts';

export const nationalite: ObjectOverride = {
  defaultSort: ['libelle'],
  screens: {
    menu: parametrageMenu('references', 60, 'Nationalités'),
    help: { ue: 'Cochez pour la nationalité d’un autre État de l’Union européenne : ses ressortissants peuvent être inscrits sur les listes LCE et LCM.' },
  },
};
