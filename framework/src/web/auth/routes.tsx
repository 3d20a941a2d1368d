import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';
import { authApiRoutes } from './api-routes.ts';
import { authPageRoutes } from './page-routes.tsx';
import { oidcRoutes } from './oidc/routes.ts';
import { totpRoutes } from './totp/routes.tsx';

/**
 * Every authentication route, pages and API. Mount after `sessionMiddleware()` and
 * `csrfMiddleware()`: `app.route('/', authRoutes())`.
 */
export function authRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  // First: its middleware gives the login page its identity providers' buttons.
  routes.route('/', oidcRoutes());
  routes.route('/', authPageRoutes());
  routes.route('/', authApiRoutes());
  routes.route('/', totpRoutes());
  return routes;
}
