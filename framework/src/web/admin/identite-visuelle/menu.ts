/** « Administration › Identité visuelle » in the menu: for those who administer collectivités. */
import { BRANDING_PERMISSION } from '../../../branding/index.ts';
import type { Registry } from '../../../model/registry.ts';
import { identiteMessages } from './messages.ts';
import { IDENTITE_PATHS } from './paths.ts';

export function registerIdentiteVisuelleMenu(registry: Registry): void {
  registry.addMenuEntry({
    rubrique: 'administration',
    order: 11,
    label: identiteMessages('menu'),
    href: IDENTITE_PATHS.page,
    permissions: [BRANDING_PERMISSION, `${BRANDING_PERMISSION}_modifier`],
  });
}
