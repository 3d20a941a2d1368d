import { t } from '../i18n/index.ts';
import type { ObjectOverride } from '../model/override.ts';

/**
 * Profiles are shared by every collectivité (only a niveau-2 user changes them). Their droits
 * appear as a sub-form, and all at once in the matrix « Matrice des droits ».
 */
export const omProfil: ObjectOverride = {
  defaultSort: ['-hierarchie'],
  searchColumns: ['libelle'],
  sharedByAllCollectivites: true,
  screens: {
    menu: { rubrique: 'administration', category: t('admin.menu.users'), order: 30, label: t('admin.menu.profils') },
    listColumns: ['libelle', 'hierarchie'],
    help: { hierarchie: t('admin.profil.helpHierarchie') },
    subForms: {
      order: ['om_droit', 'om_utilisateur', 'om_dashboard'],
      titles: {
        om_droit: t('admin.profil.subDroits'),
        om_utilisateur: t('admin.menu.utilisateurs'),
        om_dashboard: t('admin.profil.subDashboard'),
      },
    },
  },
};
