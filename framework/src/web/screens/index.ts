/**
 * The screens every object gets from its metadata and its override (DESIGN.md, Routes): listing,
 * forms (consulter, ajouter, modifier, supprimer, custom actions, files) and sub-forms. Mounted
 * after every fixed address, since `/:app/:table…` would match them.
 */
import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';
import { carteRoutes } from './carte/routes.tsx';
import { formRoutes } from './form/routes.tsx';
import { listingRoutes } from './listing/routes.tsx';
import { subformRoutes } from './subform/routes.tsx';

export function screenRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.route('/', subformRoutes());
  routes.route('/', listingRoutes());
  // Before the forms: `/:app/:table/carte` is not a record.
  routes.route('/', carteRoutes());
  routes.route('/', formRoutes());
  return routes;
}
