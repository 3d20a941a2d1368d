/**
 * The form's helpers at fixed addresses, outside `/:app/…` (DESIGN.md's record routes would match
 * `/:app/:table/choix/…`): autocomplete suggestions and rich-text preview. They must be mounted
 * before `screenRoutes()`, whose guard answers 404 for a first segment that names no application.
 */
import { Hono } from 'hono';
import { requireActor } from '../../auth/require-actor.ts';
import type { AppEnv } from '../../env.ts';
import { richTextPreview, suggestions } from './endpoints.ts';

export function formHelperRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.get('/choix/:app/:table/:field', requireActor(), suggestions);
  routes.post('/apercu/texte-riche', requireActor(), richTextPreview);
  return routes;
}
