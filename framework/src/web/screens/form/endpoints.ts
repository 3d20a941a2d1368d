/**
 * The form's helpers over HTTP: the download of a record's file, the suggestions of an
 * autocomplete, the preview of rich text. Each checks permissions like the screens it serves.
 */
import type { Context } from 'hono';
import { can } from '../../../access/permissions.ts';
import { contentDisposition, isFileId } from '../../../files/index.ts';
import { getRecord, listRecords, ServiceError } from '../../../records/index.ts';
import type { AppEnv } from '../../env.ts';
import { HttpError } from '../../operations/index.ts';
import { objectFromRoute, requirePermission, sanitizeRichText } from '../shared/index.ts';
import { readBody, screenContext } from './context.ts';
import { referenceOf } from './fields.ts';
import { AUTOCOMPLETE_RESULTS, choiceOf } from './options.ts';
import { PREVIEW_FIELD } from './urls.ts';

/**
 * `GET /:app/:table/:id/fichier/:field`: the file a record holds, for a user who may consult the
 * record (`_consulter`, and the record within their reach: the service decides).
 */
export async function downloadFile(c: Context<AppEnv>): Promise<Response> {
  const object = objectFromRoute(c);
  const context = screenContext(c);
  requirePermission(context.actor, object, 'consulter');
  const name = c.req.param('field') ?? '';
  const declared = object.override.screens?.fileFields?.[name] !== undefined || object.override.screens?.widgets?.[name] === 'file';
  if (!declared || (object.override.hiddenFields ?? []).includes(name)) throw HttpError.notFound();
  const record = await getRecord(context.deps, context.actor, object, c.req.param('id') ?? '');
  const id = record[name];
  if (!isFileId(id)) throw HttpError.notFound();
  const file = (await context.files.describe(context.actor, [id])).get(id);
  if (!file || file.temporary) throw HttpError.notFound();
  let body: ReadableStream<Uint8Array>;
  try {
    body = context.files.open(id);
  } catch {
    throw HttpError.notFound();
  }
  return new Response(body, {
    headers: {
      'Content-Type': file.type,
      'Content-Length': String(file.size),
      'Content-Disposition': contentDisposition(file.name),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
    },
  });
}

/**
 * `GET /choix/:app/:table/:field?q=`: the referenced rows matching `q` (the referenced object's
 * search), for a user who may add or change the object's records and list the referenced one;
 * scoped to their collectivité by the service. JSON: `{ options: [{ value, label }] }`.
 */
export async function suggestions(c: Context<AppEnv>): Promise<Response> {
  const object = objectFromRoute(c);
  const context = screenContext(c);
  if (!can(context.actor, object, 'ajouter') && !can(context.actor, object, 'modifier')) throw HttpError.forbidden();
  const field = c.req.param('field') ?? '';
  if ((object.override.hiddenFields ?? []).includes(field)) throw HttpError.notFound();
  const reference = referenceOf(context.runtime.registry, object, field);
  if (!reference) throw HttpError.notFound();
  requirePermission(context.actor, reference.target, 'tab');
  const q = (c.req.query('q') ?? '').trim();
  c.header('Cache-Control', 'no-store');
  if (q === '') return c.json({ options: [] });
  try {
    const includeExpired = object.override.screens?.expiredChoices?.includes(field) ?? false;
    const filters = object.override.screens?.choiceFilters?.[field];
    const result = await listRecords(context.deps, context.actor, reference.target, { q, perPage: AUTOCOMPLETE_RESULTS, count: 'none', includeExpired, ...(filters ? { filters } : {}) });
    return c.json({ options: result.rows.map((row) => choiceOf(reference, row)) });
  } catch (error) {
    // A search the referenced object cannot do (no searchable field, too long): no suggestion.
    if (error instanceof ServiceError && error.code === 'bad_request') return c.json({ options: [] });
    throw error;
  }
}

/** `POST /apercu/texte-riche`: the posted rich text, sanitised as it will be saved (an htmx fragment). */
export async function richTextPreview(c: Context<AppEnv>): Promise<Response> {
  screenContext(c);
  const body = await readBody(c);
  const name = body[PREVIEW_FIELD];
  const text = typeof name === 'string' && !name.startsWith('_') ? body[name] : undefined;
  c.header('Cache-Control', 'no-store');
  return c.html(sanitizeRichText(typeof text === 'string' ? text : ''));
}
