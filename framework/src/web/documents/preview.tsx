/**
 * « Prévisualiser » an état or a lettre type: `GET /om/om_etat/:id/previsualiser` (and
 * `om_lettretype`) shows a small form choosing a sample record of the document's object; with
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
import { renderDefinition, type DocumentDefinition, type DocumentKind } from '../../documents/render/index.ts';
import { translator } from '../../i18n/index.ts';
import type { Choice } from '../../model/override.ts';
import type { RegisteredObject } from '../../model/registry.ts';
import { objectOfObjet } from '../../documents/objet.ts';
import { ServiceError, getRecord, listRecords } from '../../records/index.ts';
import { requireActor, signedIn } from '../auth/require-actor.ts';
import type { AppEnv } from '../env.ts';
import type { Message } from '../layout/layout.tsx';
import { localeOf } from '../locale.ts';
import { HttpError } from '../operations/index.ts';
import { rowLabel } from '../screens/form/options.ts';
import { recordCrumbs, recordUrl, renderScreen, requirePermission } from '../screens/shared/index.ts';
import { serviceDeps } from '../service-deps.ts';

const KIND_OF_TABLE: Readonly<Record<string, DocumentKind>> = { om_etat: 'etat', om_lettretype: 'lettretype' };
export const PREVIEW_ACTION = 'previsualiser';
/** Sample records offered in the list; any other is typed by its key. */
const SAMPLE_COUNT = 50;

export const previewUrl = (table: string, id: unknown) => `/om/${table}/${encodeURIComponent(String(id))}/${PREVIEW_ACTION}`;

async function sampleChoices(c: Context<AppEnv>, actor: Actor, target: RegisteredObject): Promise<Choice[]> {
  if (!can(actor, target, 'tab')) return [];
  const found = await listRecords(serviceDeps(c), actor, target, { perPage: SAMPLE_COUNT, count: 'none' });
  return found.rows.map((row) => {
    const key = String(row[target.meta.key ?? ''] ?? '');
    const label = rowLabel(target, row);
    return { value: key, label: label === key ? key : `${key} — ${label}` };
  });
}

interface PreviewForm {
  readonly document: RegisteredObject;
  readonly record: Row;
  readonly target: RegisteredObject | undefined;
  readonly samples: readonly Choice[];
  readonly chosen: string;
  readonly typed: string;
}

function PreviewFormView(props: { form: PreviewForm; locale: ReturnType<typeof localeOf> }) {
  const tr = translator(props.locale);
  const { form } = props;
  const id = form.record[form.document.meta.key ?? ''];
  const objet = form.record['objet'];
  return (
    <div class="previsualisation">
      <p>{tr('templates.preview.intro')}</p>
      {!form.target && <p class="aide">{typeof objet === 'string' && objet !== '' ? tr('templates.preview.unknownObjet', { objet }) : tr('templates.preview.noObjet')}</p>}
      <form method="get" action={previewUrl(form.document.name, id)} class="formulaire">
        <input type="hidden" name="apercu" value="1" />
        {form.target && (
          <>
            {form.samples.length > 0 ? (
              <div class="champ">
                <label for="apercu-enregistrement">{tr('templates.preview.sample', { object: form.target.meta.label })}</label>
                <select id="apercu-enregistrement" name="enregistrement">
                  {form.samples.map((sample) => (
                    <option value={sample.value} selected={sample.value === form.chosen}>
                      {sample.label}
                    </option>
                  ))}
                </select>
              </div>
            ) : (
              <p class="aide">{tr('templates.preview.sampleNone', { object: form.target.meta.label })}</p>
            )}
            <div class="champ">
              <label for="apercu-cle">{tr('templates.preview.key')}</label>
              <input type="text" id="apercu-cle" name="cle" value={form.typed} aria-describedby="apercu-cle-aide" />
              <p class="aide" id="apercu-cle-aide">{tr('templates.preview.keyHelp')}</p>
            </div>
          </>
        )}
        <div class="boutons">
          <button type="submit">{tr('templates.preview.submit')}</button>{' '}
          <a class="bouton bouton-secondaire" href={recordUrl(form.document, id)}>
            {tr('templates.preview.back')}
          </a>
        </div>
      </form>
    </div>
  );
}

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
  const tr = translator(locale);
  const title = tr('templates.preview.title', { label: definition.libelle });
  const samples = target ? await sampleChoices(c, actor, target) : [];
  return renderScreen(c, {
    title,
    breadcrumb: recordCrumbs(document, record, locale, tr('templates.actions.preview')),
    messages,
    status,
    children: <PreviewFormView form={{ document, record, target, samples, chosen, typed }} locale={locale} />,
  });
}

export function previewRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.get(`/om/:table{om_etat|om_lettretype}/:id/${PREVIEW_ACTION}`, requireActor(), preview);
  return routes;
}
