/**
 * Who may call an application route: anyone on a public one; otherwise a signed-in user (a 401, or
 * the login page for a browser), holding the route's permission when it names one (a 403).
 */
import type { MiddlewareHandler } from 'hono';
import { PUBLIC_ROUTE, type ApiRoute, type AppPage } from '../../model/app-routes.ts';
import { requireActor } from '../auth/require-actor.ts';
import type { AppEnv } from '../env.ts';
import { holdsPermission } from '../navigation/permissions.ts';
import { HttpError } from '../operations/index.ts';

export function routeGuard(route: ApiRoute | AppPage): MiddlewareHandler<AppEnv> {
  if (route.permission === PUBLIC_ROUTE) return (_c, next) => next();
  const permission = route.permission;
  const signedIn = requireActor();
  return (c, next) =>
    signedIn(c, async () => {
      const actor = c.get('actor');
      if (!actor || (permission !== undefined && !holdsPermission(actor, permission))) throw HttpError.forbidden();
      await next();
    });
}
