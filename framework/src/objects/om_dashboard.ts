import { t } from '../i18n/index.ts';
import type { ObjectOverride } from '../model/override.ts';

/** Where a widget stands on a profile's dashboard: column (`bloc`), then `position`. Shared by every collectivité. */
export const omDashboard: ObjectOverride = {
  defaultSort: ['om_profil', 'bloc', 'position'],
  searchColumns: ['bloc'],
  sharedByAllCollectivites: true,
  screens: {
    menu: { rubrique: 'administration', category: t('admin.menu.dashboards'), order: 90, label: t('admin.menu.composition') },
    listColumns: ['om_profil', 'bloc', 'position', 'om_widget'],
    advancedSearch: [{ field: 'om_profil' }, { field: 'om_widget' }, { field: 'bloc', kind: 'select' }],
    widgets: { bloc: 'select' },
    choices: {
      bloc: [
        { value: 'C1', label: t('admin.dashboard.column1') },
        { value: 'C2', label: t('admin.dashboard.column2') },
        { value: 'C3', label: t('admin.dashboard.column3') },
      ],
    },
    labels: { bloc: t('admin.dashboard.labelBloc') },
    help: { bloc: t('admin.dashboard.helpBloc'), position: t('admin.dashboard.helpPosition') },
  },
};
