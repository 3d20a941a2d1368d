/** « Export › Requêtes mémorisées » in the menu (built at start-up: the reference language). */
import { t } from '../../i18n/index.ts';
import type { Registry } from '../../model/registry.ts';
import { QUERIES_PERMISSION } from '../../queries/access.ts';
import { QUERY_PATHS } from './paths.ts';

export function registerQueriesMenu(registry: Registry): void {
  registry.addMenuEntry({
    rubrique: 'export',
    label: t('queries.menu.label'),
    href: QUERY_PATHS.index,
    permissions: [QUERIES_PERMISSION],
  });
}
