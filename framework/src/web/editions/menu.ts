/** « Export › Éditions » in the menu (module permission `edition`, as openMairie's). */
import { t } from '../../i18n/index.ts';
import type { Registry } from '../../model/registry.ts';
import { EDITIONS_PATH } from './paths.ts';

export const EDITION_PERMISSION = 'edition';

export function registerEditionsMenu(registry: Registry): void {
  registry.addMenuEntry({
    rubrique: 'export',
    order: 10,
    label: t('documents.editions.menu'),
    href: EDITIONS_PATH,
    permissions: [EDITION_PERMISSION],
  });
}
