/** « Administration › Sauvegardes » in the menu. */
import type { Registry } from '../../../model/registry.ts';
import { BACKUP_PATHS, BACKUP_PERMISSION } from './paths.ts';

export function registerBackupMenu(registry: Registry): void {
  registry.addMenuEntry({
    rubrique: 'administration',
    category: 'Sauvegardes',
    label: 'Sauvegardes',
    href: BACKUP_PATHS.page,
    permissions: [BACKUP_PERMISSION],
  });
}
