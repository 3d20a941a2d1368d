import { Hono } from 'hono';
import { bindAccountMail } from '../../objects/index.ts';
import type { AppEnv } from '../env.ts';
import { journalRoutes } from './journal/routes.tsx';
import { matrixRoutes } from './matrix/routes.tsx';
import { tokenRoutes } from './tokens/routes.tsx';

/**
 * The administration screens the generic engine cannot produce: the profile × permission matrix,
 * « Mes jetons d’API » and the audit entry page. Everything else (collectivités, paramètres,
 * profils, droits, utilisateurs, widgets, tableaux de bord, the log's listing) is the generic
 * engine's, configured by the overrides in `src/objects/`.
 */
export function adminRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  // The user actions that send e-mail need the runtime's mailer (see `bindAccountMail`); binding
  // here covers the screens even when start-up did not bind it. Mounted before the generic screens.
  routes.use('/om/om_utilisateur/:id/:action', async (c, next) => {
    bindAccountMail(c.get('runtime'));
    await next();
  });
  routes.route('/', matrixRoutes());
  routes.route('/', tokenRoutes());
  routes.route('/', journalRoutes());
  return routes;
}
