/**
 * « Mon travail › Mes documents numérisés » under « Application », for users holding an
 * application's `<app>.numerisation` right. The applications are registered after the framework's
 * menu: the permissions are read when the menu is built.
 */
import type { Registry } from '../../model/registry.ts';
import { intakeMessage } from '../../files/intake/index.ts';
import { intakePermissions } from './access.ts';
import { INTAKE_PATHS } from './paths.ts';

export function registerScanIntakeMenu(registry: Registry): void {
  registry.addMenuEntry({
    rubrique: 'application',
    category: intakeMessage('menu.categorie'),
    order: 290,
    label: intakeMessage('menu.libelle'),
    href: INTAKE_PATHS.index,
    get permissions() {
      return intakePermissions(registry);
    },
  });
}
