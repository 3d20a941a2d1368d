/** « Administration › Sauvegardes » in the menu. */
import { backupMessage } from '../../../backup/index.ts';
import type { Registry } from '../../../model/registry.ts';
import { BACKUP_PATHS, BACKUP_PERMISSION } from './paths.ts';

export function registerBackupMenu(registry: Registry): void {
  registry.addMenuEntry({
    rubrique: 'administration',
    category: backupMessage('menu.category'),
    label: backupMessage('menu.label'),
    href: BACKUP_PATHS.page,
    permissions: [BACKUP_PERMISSION],
  });
}
