/**
 * The JSON routes applications declare (`registry.addApiRoute`), at `/api/v1/<app>/<path>`:
 * mounted before the objects' REST API, whose `/api/v1/:app/:table` they cannot shadow (a route
 * named like a table of its application is refused at start). Same authentication (session or
 * API token) and CSRF rule as the rest of the API; errors in the API's JSON shape.
 */
import { Hono, type Context } from 'hono';
import { etag } from 'hono/etag';
import type { Actor } from '../../access/actor.ts';
import { PUBLIC_ROUTE, type ApiRoute, type ApiRouteContext } from '../../model/app-routes.ts';
import { RouteFile } from '../../model/app-routes.ts';
import { contentDisposition } from '../../files/disposition.ts';
import type { Registry } from '../../model/registry.ts';
import { readJsonObject } from '../api/json.ts';
import type { AppEnv } from '../env.ts';
import { asHttpError, routeContext } from './context.ts';
import { routeGuard } from './guards.ts';

const WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);

export const apiRoutePath = (route: Pick<ApiRoute, 'app' | 'path'>) => `/api/v1/${route.app}/${route.path}`;

async function answer(c: Context<AppEnv>, route: ApiRoute): Promise<Response> {
  const body = WITH_BODY.has(route.method) ? await readJsonObject(c) : {};
  const actor = c.get('actor');
  let value: unknown;
  try {
    if (route.permission === PUBLIC_ROUTE) {
      value = await route.handler({ ...routeContext<Actor | undefined>(c, route.app, actor), method: route.method, body });
    } else {
      if (!actor) throw new Error('route protégée atteinte sans utilisateur');
      const context: ApiRouteContext<Actor> = { ...routeContext(c, route.app, actor), method: route.method, body };
      value = await route.handler(context);
    }
  } catch (error) {
    throw asHttpError(error);
  }
  if (value instanceof RouteFile) {
    c.header('Content-Type', value.contentType);
    c.header('Content-Disposition', contentDisposition(value.filename));
    c.header('Cache-Control', 'no-store');
    return c.body(typeof value.body === 'string' ? value.body : new Uint8Array(value.body));
  }
  return value === undefined ? c.body(null, 204) : c.json(value as object);
}

export function appApiRoutes(registry: Registry): Hono<AppEnv> {
  const api = new Hono<AppEnv>();
  for (const route of registry.apiRoutes()) {
    if (route.etag === true) api.on(route.method, apiRoutePath(route), routeGuard(route), etag(), (c) => answer(c, route));
    else api.on(route.method, apiRoutePath(route), routeGuard(route), (c) => answer(c, route));
  }
  return api;
}
