/** « Traitement › Mes notifications » in the menu: every signed-in agent (his own e-mail). */
import type { Registry } from '../../model/registry.ts';
import { notificationMessage } from '../../notifications/messages.ts';
import { NOTIFICATION_PATHS } from './paths.ts';

export function registerNotificationsMenu(registry: Registry): void {
  registry.addMenuEntry({
    rubrique: 'traitement',
    order: 910,
    label: notificationMessage('page.menu'),
    href: NOTIFICATION_PATHS.page,
    permissions: [],
  });
}
