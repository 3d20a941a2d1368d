/**
 * « Prévisualiser » an état or a lettre type: `GET /om/om_etat/:id/previsualiser` (and
 * `om_lettretype`) shows a small form choosing a sample record of the document's object (the first
 * ones, or those its listing's search finds: `?recherche=`, see preview-view.tsx); with
 * `?apercu=1` it returns the PDF of this definition — even inactive — watermarked
 * « PRÉVISUALISATION ». Permission: modifying the document (read under the user's row-level
 * security, so another collectivité's document is a 404) and consulting the sample record (its
 * row-level security too). A document without `objet` previews without a record. A refusal (no
 * record, a failing source) comes back on the form in French, never as a 500.
 */
import { Hono, type Context } from 'hono';
import type { Actor } from '../../access/actor.ts';
import { can } from '../../access/permissions.ts';
import type { Row } from '../../db/connection.ts';
import { objectOfObjet } from '../../documents/objet.ts';
import { renderDefinition, type DocumentDefinition, type DocumentKind } from '../../documents/render/index.ts';
import { translator } from '../../i18n/index.ts';
import type { RegisteredObject } from '../../model/registry.ts';
import { ServiceError, getRecord } from '../../records/index.ts';
import { requireActor, signedIn } from '../auth/require-actor.ts';
import type { AppEnv } from '../env.ts';
import type { Message } from '../layout/layout.tsx';
import { localeOf } from '../locale.ts';
import { HttpError } from '../operations/index.ts';
import { recordCrumbs, renderScreen, requirePermission } from '../screens/shared/index.ts';
import { serviceDeps } from '../service-deps.ts';
import { isSearchable, sampleRecords } from './preview-samples.ts';
import { PREVIEW_ACTION, PreviewFormView, RESULTS_ID, SEARCH_PARAMETER, SearchAnswer, type PreviewForm } from './preview-view.tsx';

const KIND_OF_TABLE: Readonly<Record<string, DocumentKind>> = { om_etat: 'etat', om_lettretype: 'lettretype' };

/** htmx asks for the sample list only (the search as the author types). */
const wantsResults = (c: Context<AppEnv>) => c.req.header('HX-Request') === 'true' && c.req.header('HX-Target') === RESULTS_ID;

/** The sample record's key, or a French refusal. */
async function sampleKey(c: Context<AppEnv>, actor: Actor, target: RegisteredObject, typed: string): Promise<string | number> {
  const tr = translator(localeOf(c));
  if (typed === '') throw new ServiceError('bad_request', tr('templates.preview.chooseRecord'));
  if (!can(actor, target, 'consulter')) throw HttpError.forbidden();
  let record: Row;
  try {
    record = await getRecord(serviceDeps(c), actor, target, typed);
  } catch (error) {
    if (error instanceof ServiceError && (error.code === 'not_found' || error.code === 'bad_request')) {
      throw new ServiceError('not_found', tr('templates.preview.notFound', { key: typed, object: target.meta.label }));
    }
    throw error;
  }
  const key = record[target.meta.key ?? ''];
  if (typeof key !== 'string' && typeof key !== 'number') throw HttpError.notFound();
  return key;
}

const fileName = (id: unknown) => `previsualisation-${String(id)}`.replace(/[^A-Za-z0-9_.-]+/g, '_') + '.pdf';

async function preview(c: Context<AppEnv>): Promise<Response> {
  const actor = signedIn(c);
  const locale = localeOf(c);
  const table = c.req.param('table') ?? '';
  const kind = KIND_OF_TABLE[table];
  const runtime = c.get('runtime');
  const document = runtime.registry.get('om', table);
  if (!kind || !document) throw HttpError.notFound();
  requirePermission(actor, document, 'modifier');
  const record = await getRecord(serviceDeps(c), actor, document, c.req.param('id') ?? '');
  const definition = { ...record, kind } as unknown as DocumentDefinition;
  const target = objectOfObjet(runtime.registry, definition.objet);
  const chosen = (c.req.query('enregistrement') ?? '').trim();
  const typed = (c.req.query('cle') ?? '').trim();
  const messages: Message[] = [];
  let status: 200 | 400 | 404 = 200;
  if (c.req.query('apercu') !== undefined) {
    try {
      const key = target ? await sampleKey(c, actor, target, typed || chosen) : null;
      const { pdf } = await renderDefinition(runtime, definition, { actor, locale, kind, id: definition.id, key, objet: definition.objet ?? '', preview: true });
      return c.body(new Uint8Array(pdf), 200, {
        'Content-Type': 'application/pdf',
        'Content-Disposition': `inline; filename="${fileName(definition.id)}"`,
        'Cache-Control': 'no-store',
      });
    } catch (error) {
      if (!(error instanceof ServiceError)) throw error;
      messages.push({ kind: 'error', text: error.message });
      status = error.code === 'not_found' ? 404 : 400;
    }
  }
  const search = (c.req.query(SEARCH_PARAMETER) ?? '').trim();
  const form: PreviewForm = {
    document,
    record,
    target,
    searchable: target !== undefined && isSearchable(actor, target),
    search,
    samples: target ? await sampleRecords(serviceDeps(c), actor, target, search) : { choices: [], more: false },
    chosen,
    typed,
  };
  if (wantsResults(c)) {
    c.header('Cache-Control', 'no-store');
    c.header('Vary', 'HX-Request, HX-Target');
    return c.html(String(<SearchAnswer form={form} locale={locale} />));
  }
  const tr = translator(locale);
  return renderScreen(c, {
    title: tr('templates.preview.title', { label: definition.libelle }),
    breadcrumb: recordCrumbs(document, record, locale, tr('templates.actions.preview')),
    messages,
    status,
    children: <PreviewFormView form={form} locale={locale} />,
  });
}

export function previewRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.get(`/om/:table{om_etat|om_lettretype}/:id/${PREVIEW_ACTION}`, requireActor(), preview);
  return routes;
}
