/**
 * The record screens (DESIGN.md, Routes): consulter, ajouter, modifier, supprimer, custom actions,
 * file downloads. The record's own addresses before `/:id/:action`, which would match them. The
 * form's helpers (suggestions, preview) are at fixed addresses: `formHelperRoutes()`.
 */
import { Hono } from 'hono';
import { requireActor } from '../../auth/require-actor.ts';
import type { AppEnv } from '../../env.ts';
import { actionRecordPage, actionRecordPost, deleteRecordPage, deleteRecordPost } from './confirm-pages.tsx';
import { createRecordPost, editRecordPage, newRecordPage, updateRecordPost } from './edit-pages.tsx';
import { downloadFile } from './endpoints.ts';
import { viewPage } from './view-page.tsx';

export function formRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.get('/:app/:table/new', requireActor(), newRecordPage);
  routes.post('/:app/:table', requireActor(), createRecordPost);
  routes.get('/:app/:table/:id', requireActor(), viewPage);
  routes.post('/:app/:table/:id', requireActor(), updateRecordPost);
  routes.get('/:app/:table/:id/edit', requireActor(), editRecordPage);
  routes.get('/:app/:table/:id/delete', requireActor(), deleteRecordPage);
  routes.post('/:app/:table/:id/delete', requireActor(), deleteRecordPost);
  routes.get('/:app/:table/:id/fichier/:field', requireActor(), downloadFile);
  routes.get('/:app/:table/:id/:action', requireActor(), actionRecordPage);
  routes.post('/:app/:table/:id/:action', requireActor(), actionRecordPost);
  return routes;
}
