import { t } from '../i18n/index.ts';
import type { ObjectOverride } from '../model/override.ts';

/** The vocabulary of permissions, computed from the registered objects at start-up: read-only. */
export const omPermission: ObjectOverride = {
  readOnly: true,
  defaultSort: ['libelle'],
  searchColumns: ['libelle'],
  screens: {
    menu: { rubrique: 'administration', category: t('admin.menu.users'), order: 70, label: t('admin.menu.permissions') },
    listColumns: ['libelle', 'type'],
    choices: { type: [{ value: 'gen', label: t('admin.permission.typeGen') }] },
    help: { type: t('admin.permission.helpType') },
  },
};
