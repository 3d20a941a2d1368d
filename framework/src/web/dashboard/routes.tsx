import { Hono } from 'hono';
import { can, frameworkSubject } from '../../access/permissions.ts';
import { translator } from '../../i18n/index.ts';
import { requireActor, signedIn } from '../auth/require-actor.ts';
import type { AppEnv } from '../env.ts';
import { localeOf } from '../locale.ts';
import { mapBounded } from '../navigation/concurrency.ts';
import { composerRoutes } from './composer/routes.tsx';
import { composerUrl } from './composer/paths.ts';
import { DashboardColumns, hasChart, type ShownWidget } from './dashboard-page.tsx';
import { byColumn, COLUMNS, placementsOf, type Column, type Placement } from './placements.ts';
import { renderDashboardPage } from './render.tsx';
import { widgetView, type WidgetEnvironment } from './widget-content.ts';

/** Server widgets computed at once (each may hold a connection of the pool). */
const CONCURRENT_WIDGETS = 4;

/**
 * `GET /`: the dashboard of the user's profile, column by column (`om_dashboard`), each widget
 * computed on its own (a failing one does not break the page); then the composer's routes.
 */
export function dashboardRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.get('/', requireActor(), async (c) => {
    const actor = signedIn(c);
    const runtime = c.get('runtime');
    const locale = localeOf(c);
    const tr = translator(locale);
    const requestId = c.get('requestId');
    const environment: WidgetEnvironment = {
      registry: runtime.registry,
      db: runtime.db.kysely,
      actor,
      locale,
      onUnknown: ({ widget }: Placement) =>
        runtime.logger.warn(
          { requestId, widget: widget.id, type: widget.type, lien: widget.lien },
          'tableau de bord : widget inconnu (type ou lien à corriger dans « Widgets »)',
        ),
      onFailure: ({ widget }: Placement, error: unknown) =>
        runtime.logger.error({ requestId, err: error, widget: widget.id, lien: widget.lien }, 'tableau de bord : un widget a échoué'),
    };
    const placed = byColumn(await placementsOf(runtime.db.kysely, actor, actor.profileId));
    const ordered = COLUMNS.flatMap((column) => placed[column]);
    const views = await mapBounded(ordered, CONCURRENT_WIDGETS, (placement) => widgetView(placement, environment));
    const shown = new Map(ordered.map((placement, index) => [placement.id, views[index]]));
    const columns = Object.fromEntries(
      COLUMNS.map((column) => [
        column,
        placed[column].flatMap((placement): ShownWidget[] => {
          const view = shown.get(placement.id);
          return view ? [{ id: placement.id, title: placement.widget.libelle, view }] : [];
        }),
      ]),
    ) as Record<Column, ShownWidget[]>;
    return renderDashboardPage(c, {
      title: tr('dashboard.title'),
      breadcrumb: [{ label: tr('layout.home') }],
      scripts: hasChart(columns) ? ['chart.umd.min.js'] : [],
      children: (
        <DashboardColumns columns={columns} composerHref={can(actor, frameworkSubject('om_dashboard'), 'tab') ? composerUrl(actor.profileId) : undefined} locale={locale} />
      ),
    });
  });
  routes.route('/', composerRoutes());
  return routes;
}
