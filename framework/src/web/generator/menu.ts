/** The generator's entry in the administration menu (a light module: the menu is built at start-up). */
import { t } from '../../i18n/index.ts';
import type { Registry } from '../../model/registry.ts';
import { GENERATOR_PATHS } from './paths.ts';

/** The module permission of the generator screen (openMairie's `gen`). */
export const GENERATOR_PERMISSION = 'gen';

export function registerGeneratorMenu(registry: Registry): void {
  registry.addMenuEntry({
    rubrique: 'administration',
    category: t('generator.menu.category'),
    label: t('generator.menu.label'),
    href: GENERATOR_PATHS.index,
    permissions: [GENERATOR_PERMISSION],
  });
}
