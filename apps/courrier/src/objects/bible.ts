// Surcharge de « Bible (textes réutilisables) » (courrier.bible) : menu et écrans.
import type { ObjectOverride } from '../../../../framework/src/model/override.ts';
import { parametrageMenu, RUBRIQUES_COURRIER } from './menu.ts';

export const bible: ObjectOverride = {
  defaultSort: ['libelle'],
  searchColumns: ['libelle', 'texte'],
  screens: {
    menu: parametrageMenu(RUBRIQUES_COURRIER.referentiels, 5, 'Bible (textes réutilisables)'),
    widgets: { texte: 'textarea' },
    choices: {
      registre: [
        { value: 'arrivee', label: 'Arrivée' },
        { value: 'depart', label: 'Départ' },
      ],
    },
    help: { registre: 'Vide : proposé pour les deux registres.' },
  },
};
