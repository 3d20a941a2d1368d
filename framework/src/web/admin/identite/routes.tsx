/** « Administration › Connexion fédérée »: identity providers, SIRETs, held sign-ins. */
import { Hono } from 'hono';
import type { AppEnv } from '../../env.ts';
import { heldRoutes } from './held-routes.tsx';
import { providerRemovalRoutes } from './provider-removal-routes.tsx';
import { providersRoutes } from './providers-routes.tsx';
import { siretsRoutes } from './sirets-routes.tsx';

export function identiteRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  // The SIRET and held-request pages first: their paths would otherwise read as a provider's.
  routes.route('/', siretsRoutes());
  routes.route('/', heldRoutes());
  routes.route('/', providersRoutes());
  routes.route('/', providerRemovalRoutes());
  return routes;
}
