import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';
import { authApiRoutes } from './api-routes.ts';
import { authPageRoutes } from './page-routes.tsx';

/**
 * Every authentication route, pages and API. Mount after `sessionMiddleware()` and
 * `csrfMiddleware()`: `app.route('/', authRoutes())`.
 */
export function authRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.route('/', authPageRoutes());
  routes.route('/', authApiRoutes());
  return routes;
}
