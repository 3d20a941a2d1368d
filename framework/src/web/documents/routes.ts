/**
 * Printing one record: `GET /:app/:table/:key/pdf/etat/:id` and `…/pdf/lettretype/:id`. Permission:
 * consulting the record and `edition` (openMairie's right to print); the record must be visible to
 * the user (row-level security: another collectivité's record is a 404), and the document is the
 * active one of the user's collectivité, else the niveau-2's (unknown or inactive: a 404 in French);
 * a document the object's override says does not apply to this record is a 409.
 */
import { Hono, type Context } from 'hono';
import { can, holds } from '../../access/permissions.ts';
import { renderDocument, type DocumentKind } from '../../documents/render/index.ts';
import { getRecord } from '../../records/index.ts';
import { requireActor, signedIn } from '../auth/require-actor.ts';
import type { AppEnv } from '../env.ts';
import { HttpError } from '../operations/index.ts';
import { EDITION_PERMISSION as PRINT_PERMISSION } from '../editions/menu.ts';
import { localeOf } from '../locale.ts';
import { serviceDeps } from '../service-deps.ts';
import { objectFromRoute } from '../screens/shared/index.ts';
import { previewRoutes } from './preview.tsx';
import { ensureDocumentApplies } from './applies.ts';


/** A file name made of the document's id and the record's key, safe in a header. */
const fileName = (id: string, key: unknown) => `${`${id}-${String(key)}`.replace(/[^A-Za-z0-9_.-]+/g, '_')}.pdf`;

async function printRecord(c: Context<AppEnv>, kind: DocumentKind): Promise<Response> {
  const actor = signedIn(c);
  const object = objectFromRoute(c);
  if (!can(actor, object, 'consulter') || !holds(actor, PRINT_PERMISSION)) throw HttpError.forbidden();
  const deps = serviceDeps(c);
  const record = await getRecord(deps, actor, object, c.req.param('key') ?? '');
  const key = record[object.meta.key ?? ''];
  if (typeof key !== 'string' && typeof key !== 'number') throw HttpError.notFound();
  const runtime = c.get('runtime');
  await ensureDocumentApplies(runtime, { actor, locale: localeOf(c), object, record, document: { kind, id: c.req.param('id') ?? '' } });
  const { definition, pdf } = await renderDocument(runtime, {
    actor,
    locale: localeOf(c),
    kind,
    id: c.req.param('id') ?? '',
    key,
    objet: `${object.app}.${object.name}`,
  });
  return c.body(new Uint8Array(pdf), 200, {
    'Content-Type': 'application/pdf',
    'Content-Disposition': `inline; filename="${fileName(definition.id, key)}"`,
    'Cache-Control': 'no-store',
  });
}

export function documentRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.route('/', previewRoutes());
  routes.get('/:app/:table/:key/pdf/etat/:id', requireActor(), (c) => printRecord(c, 'etat'));
  routes.get('/:app/:table/:key/pdf/lettretype/:id', requireActor(), (c) => printRecord(c, 'lettretype'));
  return routes;
}
