import { t } from '../i18n/index.ts';
import type { ObjectOverride } from '../model/override.ts';

/** Settings (key, value) of each collectivité; a niveau-1 user sees and writes their own only. */
export const omParametre: ObjectOverride = {
  defaultSort: ['libelle'],
  searchColumns: ['libelle', 'valeur'],
  screens: {
    menu: { rubrique: 'administration', order: 20, label: t('admin.menu.parametres') },
    listColumns: ['libelle', 'valeur', 'om_collectivite'],
    advancedSearch: [{ field: 'libelle' }, { field: 'om_collectivite' }],
    widgets: { valeur: 'textarea' },
    help: {
      libelle: t('admin.parametre.helpLibelle'),
      valeur: t('admin.parametre.helpValeur'),
      om_collectivite: t('admin.parametre.helpCollectivite'),
    },
  },
};
