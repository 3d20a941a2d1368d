import { t } from '../i18n/index.ts';
import type { ObjectOverride } from '../model/override.ts';

/**
 * The audit log: written by the record service only, read-only everywhere. Its consulter page is
 * the journal's own (before and after side by side), see `web/admin/journal/`.
 */
export const omAudit: ObjectOverride = {
  readOnly: true,
  defaultSort: ['-horodatage'],
  searchColumns: ['login', 'objet', 'cle', 'action'],
  screens: {
    menu: { rubrique: 'administration', category: t('admin.menu.journal'), order: 100, label: t('admin.menu.audit') },
    listColumns: ['horodatage', 'login', 'application', 'objet', 'cle', 'action'],
    advancedSearch: [
      { field: 'login', kind: 'text', label: t('admin.audit.criterionLogin') },
      { field: 'objet', kind: 'text', label: t('admin.audit.criterionObjet') },
      { field: 'horodatage', kind: 'dateRange', label: t('admin.audit.criterionDate') },
      { field: 'action', kind: 'select', label: t('admin.audit.criterionAction') },
    ],
    choices: {
      action: [
        { value: 'create', label: t('admin.audit.actionCreate') },
        { value: 'update', label: t('admin.audit.actionUpdate') },
        { value: 'delete', label: t('admin.audit.actionDelete') },
      ],
    },
    labels: {
      horodatage: t('admin.audit.labelHorodatage'),
      login: t('admin.audit.labelLogin'),
      objet: t('admin.audit.labelObjet'),
      om_utilisateur: t('admin.audit.labelUtilisateur'),
      requete: t('admin.audit.labelRequete'),
    },
  },
};
