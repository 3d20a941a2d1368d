// Mesure de sécurité (registre.mesure_securite).
import type { ObjectOverride } from '../../../../framework/src/model/override.ts';
import { MENU_CATEGORY } from '../menu.ts';

export const mesureSecurite: ObjectOverride = {
  defaultSort: ['libelle'],
  screens: {
    menu: { rubrique: 'parametrage', category: MENU_CATEGORY, order: 70, label: 'Mesures de sécurité' },
    listColumns: ['libelle'],
    widgets: { description: 'textarea' },
  },
};
