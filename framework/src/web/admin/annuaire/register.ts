/**
 * « Administration › Annuaire » in the menu (administrators of users), and the scheduled directory
 * synchronisation as a framework daily task. Checks the environment's directory configuration
 * now, at start-up, so that a mistake in it stops the server with its French reason.
 */
import { checkDirectoryEnvironment, directorySyncTask } from '../../../access/ldap/index.ts';
import { t } from '../../../i18n/index.ts';
import type { Registry } from '../../../model/registry.ts';
import { annuairePage } from './messages.ts';
import { ANNUAIRE_PATHS } from './paths.ts';

export const ANNUAIRE_PERMISSION = 'om_utilisateur';

export function registerAnnuaire(registry: Registry): void {
  checkDirectoryEnvironment();
  registry.addMenuEntry({
    rubrique: 'administration',
    category: t('admin.menu.users'),
    order: 55,
    label: annuairePage('menu'),
    href: ANNUAIRE_PATHS.page,
    permissions: [ANNUAIRE_PERMISSION],
  });
  registry.addDailyTask(directorySyncTask());
}
