import { t } from '../i18n/index.ts';
import type { Registry } from '../model/registry.ts';
import { ADMIN_PATHS } from '../web/admin/paths.ts';
import { registerQueriesMenu } from '../web/queries/menu.ts';
import { registerImportMenu } from '../web/imports/menu.ts';
import { registerEditionsMenu } from '../web/editions/menu.ts';
import { registerGeneratorMenu } from '../web/generator/menu.ts';
import { registerJobsMenu } from '../web/jobs/menu.ts';
import { registerScanIntakeMenu } from '../web/numerisation/menu.ts';
import { registerAnnuaire } from '../web/admin/annuaire/register.ts';
import { registerIdentiteMenu } from '../web/admin/identite/register.ts';
import { registerBackupMenu } from '../web/admin/sauvegardes/menu.ts';
import { registerIdentiteVisuelleMenu } from '../web/admin/identite-visuelle/menu.ts';
import { registerNotificationsMenu } from '../web/notifications/menu.ts';
import { registerApplicationsMenu } from '../web/admin/applications/menu.ts';

/** Menu entries of the administration pages that are not listings (the objects place themselves). */
export function registerAdminMenu(registry: Registry): void {
  registry.addMenuEntry({
    rubrique: 'administration',
    category: t('admin.menu.users'),
    order: 45,
    label: t('admin.menu.matrix'),
    href: ADMIN_PATHS.matrix,
    permissions: ['om_droit', 'om_droit_tab'],
  });
  registerQueriesMenu(registry);
  registerImportMenu(registry);
  registerEditionsMenu(registry);
  registerGeneratorMenu(registry);
  registerJobsMenu(registry);
  registerScanIntakeMenu(registry);
  registerAnnuaire(registry);
  registerIdentiteMenu(registry);
  registerBackupMenu(registry);
  registerIdentiteVisuelleMenu(registry);
  registerNotificationsMenu(registry);
  registerApplicationsMenu(registry);
}
