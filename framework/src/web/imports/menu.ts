/** The import's entry in the administration menu (a light module: the menu is built at start-up). */
import { t } from '../../i18n/index.ts';
import type { Registry } from '../../model/registry.ts';
import { IMPORT_PATHS } from './paths.ts';

/** The module permission of the import screens (openMairie's `import`); each import also needs `<table>_ajouter`. */
export const IMPORT_PERMISSION = 'import';

export function registerImportMenu(registry: Registry): void {
  registry.addMenuEntry({
    rubrique: 'administration',
    category: t('imports.menu.category'),
    label: t('imports.menu.label'),
    href: IMPORT_PATHS.index,
    permissions: [IMPORT_PERMISSION],
  });
}
