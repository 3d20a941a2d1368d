import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';
import { annuaireRoutes } from './annuaire/routes.tsx';
import { identiteRoutes } from './identite/routes.tsx';
import { applicationsRoutes } from './applications/routes.tsx';
import { journalRoutes } from './journal/routes.tsx';
import { matrixRoutes } from './matrix/routes.tsx';
import { backupRoutes } from './sauvegardes/routes.tsx';
import { identiteVisuelleRoutes } from './identite-visuelle/routes.tsx';
import { tokenRoutes } from './tokens/routes.tsx';

/**
 * The administration screens the generic engine cannot produce: the profile × permission matrix,
 * « Mes jetons d’API » and the audit entry page. Everything else (collectivités, paramètres,
 * profils, droits, utilisateurs, widgets, tableaux de bord, the log's listing) is the generic
 * engine's, configured by the overrides in `src/objects/`.
 */
export function adminRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.route('/', matrixRoutes());
  routes.route('/', tokenRoutes());
  routes.route('/', journalRoutes());
  routes.route('/', annuaireRoutes());
  routes.route('/', identiteRoutes());
  routes.route('/', backupRoutes());
  routes.route('/', identiteVisuelleRoutes());
  routes.route('/', applicationsRoutes());
  return routes;
}
