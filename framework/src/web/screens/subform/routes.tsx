/**
 * Sub-forms (DESIGN.md, Routes: `GET /:app/:parent/:id/sub/:child`): the child listing of a
 * record's tab and the child's forms in place. Mounted before the record routes.
 */
import { Hono } from 'hono';
import { requireActor } from '../../auth/require-actor.ts';
import type { AppEnv } from '../../env.ts';
import { subCreate, subDelete, subDeletePage, subEdit, subListing, subNew, subUpdate, subView } from './pages.tsx';

export function subformRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const base = '/:app/:parent/:id/sub/:child';
  routes.get(base, requireActor(), subListing);
  routes.get(`${base}/new`, requireActor(), subNew);
  routes.post(`${base}/new`, requireActor(), subCreate);
  routes.get(`${base}/:childId`, requireActor(), subView);
  routes.get(`${base}/:childId/edit`, requireActor(), subEdit);
  routes.post(`${base}/:childId/edit`, requireActor(), subUpdate);
  routes.get(`${base}/:childId/delete`, requireActor(), subDeletePage);
  routes.post(`${base}/:childId/delete`, requireActor(), subDelete);
  return routes;
}
