/** « Administration › Connexion fédérée » in the menu, for account administrators. */
import type { Registry } from '../../../model/registry.ts';
import { identitePage } from './messages.ts';
import { IDENTITE_PATHS, IDENTITE_PERMISSION } from './paths.ts';

export function registerIdentiteMenu(registry: Registry): void {
  const category = identitePage('category');
  const entries = [
    { label: identitePage('menu.providers'), href: IDENTITE_PATHS.providers },
    { label: identitePage('menu.sirets'), href: IDENTITE_PATHS.sirets },
    { label: identitePage('menu.held'), href: IDENTITE_PATHS.held },
  ];
  entries.forEach((entry, index) =>
    registry.addMenuEntry({ rubrique: 'administration', category, order: 60 + index, ...entry, permissions: [IDENTITE_PERMISSION] }),
  );
}
