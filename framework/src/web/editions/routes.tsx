/**
 * « Export › Éditions » (openMairie's `scr/edition.php`, module permission `edition`): every PDF
 * listing the user may print. Each PDF checks `<table>_exporter` itself, whatever this page shows.
 */
import { Hono } from 'hono';
import { holds } from '../../access/permissions.ts';
import { requireActor } from '../auth/require-actor.ts';
import type { AppEnv } from '../env.ts';
import { localeOf, translatorOf } from '../locale.ts';
import { HttpError } from '../operations/index.ts';
import { actorOf, applicationTitle, renderScreen } from '../screens/shared/index.ts';
import { availableEditions } from './available.ts';
import { EDITION_PERMISSION } from './menu.ts';
import { EDITIONS_PATH } from './paths.ts';
import { EditionsView } from './view.tsx';

export function editionsRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get(EDITIONS_PATH, requireActor(), async (c) => {
    const actor = actorOf(c);
    if (!holds(actor, EDITION_PERMISSION)) throw HttpError.forbidden();
    const tr = translatorOf(c);
    const runtime = c.get('runtime');
    const groups = availableEditions(runtime.registry, actor, localeOf(c), (app) => applicationTitle(runtime, app, localeOf(c)));
    return renderScreen(c, {
      title: tr('documents.editions.title'),
      breadcrumb: [{ label: tr('layout.rubriques.export') }, { label: tr('documents.editions.title') }],
      children: <EditionsView tr={tr} groups={groups} />,
    });
  });
  return app;
}
