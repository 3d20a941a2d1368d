import { t } from '../i18n/index.ts';
import type { ObjectOverride } from '../model/override.ts';

/** A permission granted to a profile; shared by every collectivité (only a niveau-2 user changes them). */
export const omDroit: ObjectOverride = {
  defaultSort: ['libelle'],
  searchColumns: ['libelle'],
  sharedByAllCollectivites: true,
  screens: {
    menu: { rubrique: 'administration', category: t('admin.menu.users'), order: 40, label: t('admin.menu.droits') },
    listColumns: ['libelle', 'om_profil'],
    advancedSearch: [{ field: 'om_profil' }, { field: 'libelle' }],
    labels: { libelle: t('admin.droit.labelLibelle') },
    help: { libelle: t('admin.droit.helpLibelle'), om_profil: t('admin.droit.helpProfil') },
  },
};
