/** « Traitement › Mes traitements » in the menu: every signed-in user (their own jobs, or their collectivité's for an administrator). */
import { t } from '../../i18n/index.ts';
import type { Registry } from '../../model/registry.ts';
import { JOB_PATHS } from './paths.ts';

export function registerJobsMenu(registry: Registry): void {
  registry.addMenuEntry({
    rubrique: 'traitement',
    order: 900,
    label: t('traitements.menu.label'),
    href: JOB_PATHS.list,
    permissions: [],
  });
}
