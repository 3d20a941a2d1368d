/** « Administration › Applications » in the menu, for the readers of the collectivités. */
import { applicationsPage } from '../../../access/applications/index.ts';
import type { Registry } from '../../../model/registry.ts';
import { APPLICATIONS_PATHS } from './paths.ts';

export function registerApplicationsMenu(registry: Registry): void {
  registry.addMenuEntry({
    rubrique: 'administration',
    order: 12,
    label: applicationsPage('menu'),
    href: APPLICATIONS_PATHS.page,
    permissions: ['om_collectivite_tab', 'om_collectivite_consulter'],
  });
}
