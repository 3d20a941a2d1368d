// Destinataire (registre.destinataire).
import type { ObjectOverride } from '../../../../framework/src/model/override.ts';
import { MENU_CATEGORY } from '../menu.ts';

export const destinataire: ObjectOverride = {
  defaultSort: ['libelle'],
  screens: {
    menu: { rubrique: 'parametrage', category: MENU_CATEGORY, order: 50, label: 'Destinataires' },
    listColumns: ['libelle', 'interne'],
    widgets: { description: 'textarea' },
  },
};
