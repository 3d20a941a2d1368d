/**
 * Printing a listing's search as label sheets (issue 10 §6.5): `GET /:app/:table/pdf/etiquettes/:id`
 * with the listing's search parameters (same as its CSV export), and `depart=N` to start at the
 * N-th place of the first sheet (a sheet already partly used). Permission: the listing's (`_tab`),
 * consulting (`_consulter`) and `edition`; the records are read under the user's row-level security
 * (another collectivité's are never printed). One label per record, up to `LABEL_PRINT_LIMIT`.
 */
import { Hono, type Context } from 'hono';
import { can, holds } from '../../access/permissions.ts';
import { findLabelSheet, labelsPerSheet, renderLabels } from '../../documents/labels/index.ts';
import { exportRecords, planList, ServiceError } from '../../records/index.ts';
import { listingRequestFromQuery } from '../api/list-query.ts';
import { requireActor, signedIn } from '../auth/require-actor.ts';
import { EDITION_PERMISSION as PRINT_PERMISSION } from '../editions/menu.ts';
import type { AppEnv } from '../env.ts';
import { localeOf, translatorOf } from '../locale.ts';
import { HttpError } from '../operations/index.ts';
import { objectFromRoute } from '../screens/shared/index.ts';
import { serviceDeps } from '../service-deps.ts';

/** The most labels one printout makes (about 400 A4 sheets of 24): beyond, the user narrows the search. */
export const LABEL_PRINT_LIMIT = 10_000;
/** The parameter of the starting place (1 = the first label of the sheet). */
export const START_PARAMETER = 'depart';

/** `depart` read as the number of places to leave empty, or a French 400. */
function placesToSkip(c: Context<AppEnv>, perSheet: number): number {
  const raw = c.req.query(START_PARAMETER);
  if (raw === undefined || raw.trim() === '') return 0;
  const start = Number(raw.trim());
  if (!/^\d+$/.test(raw.trim()) || start < 1 || start > perSheet) throw HttpError.badRequest(translatorOf(c)('labels.print.badStart', { max: perSheet }));
  return start - 1;
}

async function printLabels(c: Context<AppEnv>): Promise<Response> {
  const actor = signedIn(c);
  const object = objectFromRoute(c);
  if (!can(actor, object, 'tab') || !can(actor, object, 'consulter') || !holds(actor, PRINT_PERMISSION)) throw HttpError.forbidden();
  const tr = translatorOf(c);
  const locale = localeOf(c);
  const runtime = c.get('runtime');
  const sheet = await findLabelSheet(runtime.db, actor, c.req.param('id') ?? '');
  if (!sheet) throw new ServiceError('not_found', tr('labels.print.unknownSheet'));
  if (sheet.objet && sheet.objet !== `${object.app}.${object.name}`) throw new ServiceError('not_found', tr('labels.print.otherObject'));
  const skip = placesToSkip(c, labelsPerSheet(sheet));
  const { [START_PARAMETER]: _start, ...queries } = c.req.queries();
  const search = listingRequestFromQuery(queries, locale);
  planList(object, search, locale); // refuses a bad parameter before anything is read

  const rows: Record<string, unknown>[] = [];
  await exportRecords(serviceDeps(c), actor, object, search, async (batch) => {
    if (rows.length + batch.length > LABEL_PRINT_LIMIT) throw HttpError.badRequest(tr('labels.print.tooMany', { max: LABEL_PRINT_LIMIT }));
    rows.push(...batch);
  }, 'consulter');
  const chunks: Buffer[] = [];
  await renderLabels({ sheet, rows, skip, title: tr('labels.print.title', { document: sheet.libelle }), lang: locale === 'fr' ? 'fr-FR' : 'en-GB' }, (chunk) => chunks.push(chunk));
  runtime.logger.info({ user: actor.login, etiquettes: sheet.id, count: rows.length }, 'étiquettes imprimées');
  return c.body(new Uint8Array(Buffer.concat(chunks)), 200, {
    'Content-Type': 'application/pdf',
    'Content-Disposition': `inline; filename="etiquettes-${sheet.id.replace(/[^A-Za-z0-9_.-]+/g, '_')}.pdf"`,
    'Cache-Control': 'no-store',
  });
}

export function labelPrintRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.get('/:app/:table/pdf/etiquettes/:id', requireActor(), printLabels);
  return routes;
}
