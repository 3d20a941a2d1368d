/**
 * A sub-form tab's screens: the child listing filtered on the parent, and the child's record,
 * add, edit and delete forms in place (the same form engine), the parent key pre-filled, locked
 * and forced on the server. Each works as an htmx fragment in the tab panel and as a page.
 */
import type { Context } from 'hono';
import type { Row } from '../../../db/connection.ts';
import { VERSION_FIELD } from '../../../records/index.ts';
import { CSRF_FIELD, csrfToken } from '../../auth/csrf.ts';
import type { AppEnv } from '../../env.ts';
import type { Message } from '../../layout/layout.tsx';
import { HttpError } from '../../operations/index.ts';
import {
  editForm,
  fieldsFor,
  mayDelete,
  mayWrite,
  newForm,
  Portlet,
  portletLinks,
  readBody,
  RecordForm,
  RecordSheet,
  remove,
  staticContext,
  savedMessages,
  submitCreate,
  submitEdit,
  suggestionsUrl,
  PREVIEW_URL,
  type FormAgain,
  type FormBody,
  type FormTarget,
} from '../form/index.ts';
import { listingView } from '../listing/index.ts';
import { recordTitle, setFlash } from '../shared/index.ts';
import { respond } from './respond.tsx';
import { PANEL_ID } from './ids.ts';
import { childRecord, childUrl, subFormRequest, type SubFormRequest } from './resolve.ts';

const PANEL = `#${PANEL_ID}`;

/** The child listing of the tab (the listing's own query: search, sort, page). */
async function listing(c: Context<AppEnv>, request: SubFormRequest, messages: readonly Message[] = []): Promise<Response> {
  const { child, subForm } = request;
  const query = new URLSearchParams(new URL(c.req.url).search);
  if (c.req.method !== 'GET') for (const name of [...query.keys()]) query.delete(name);
  const view = await listingView(c, child, query, {
    baseUrl: request.baseUrl,
    fixed: { [subForm.column]: String(request.parentKey) },
    // In the tab's panel the listing's links update the panel; in its own page, its own region.
    ...(request.fragment ? { target: PANEL } : {}),
    rowHref: (id) => childUrl(request, id),
    addHref: mayWrite(child, request.context.actor, 'ajouter') ? `${request.baseUrl}/new` : null,
    compact: true,
  });
  // The listing's own update of its results region, in the tab's own page: the listing alone.
  if (!request.fragment && c.req.header('HX-Request') === 'true') return c.html(String(view));
  return respond(c, request, { heading: subForm.title, crumb: subForm.title, messages, children: view });
}

export async function subListing(c: Context<AppEnv>): Promise<Response> {
  return listing(c, await subFormRequest(c));
}

/** After a saved form: the listing again (htmx), or a redirect to the tab's page with the message. */
async function afterSave(c: Context<AppEnv>, request: SubFormRequest, messages: readonly Message[]): Promise<Response> {
  if (request.fragment) return listing(c, request, messages);
  setFlash(c, messages);
  return c.redirect(request.baseUrl, 303);
}

function formTarget(c: Context<AppEnv>, request: SubFormRequest, action: string, cancelHref: string, submitLabel: string, again: FormAgain): FormTarget {
  return {
    action,
    cancelHref,
    submitLabel,
    hidden: again.hidden,
    csrfToken: csrfToken(c),
    idPrefix: 'sous-champ',
    // A form opened in its own page (new browser tab, bookmark) posts as a plain form.
    htmxTarget: request.fragment ? PANEL : undefined,
    suggestUrl: (field) => suggestionsUrl(request.child, field.name),
    previewUrl: PREVIEW_URL,
  };
}

/** The starting values for what the form left empty (or did not show): the parent's collectivité. */
const withDefaults = (body: FormBody, defaults: Readonly<Record<string, string>>): FormBody => {
  const filled = { ...body };
  for (const [name, value] of Object.entries(defaults)) if (filled[name] === undefined || filled[name] === '') filled[name] = value;
  return filled;
};

// ---- ajouter -------------------------------------------------------------------------------------

function requireWrite(request: SubFormRequest, suffix: 'ajouter' | 'modifier' | 'supprimer'): void {
  if (!mayWrite(request.child, request.context.actor, suffix)) throw HttpError.forbidden();
}

async function addForm(c: Context<AppEnv>, request: SubFormRequest, again: FormAgain): Promise<Response> {
  const tr = request.context.tr;
  return respond(c, request, {
    heading: tr('subform.titles.create', { child: request.subForm.title }),
    crumb: request.subForm.title,
    messages: again.messages,
    status: again.status,
    children: (
      <RecordForm state={again.state} target={formTarget(c, request, `${request.baseUrl}/new`, request.baseUrl, tr('form.submit.create'), again)} locale={request.context.locale} />
    ),
  });
}

export async function subNew(c: Context<AppEnv>): Promise<Response> {
  const request = await subFormRequest(c);
  requireWrite(request, 'ajouter');
  return addForm(c, request, await newForm(request.context, request.child, request.fixed, request.defaults));
}

export async function subCreate(c: Context<AppEnv>): Promise<Response> {
  const request = await subFormRequest(c);
  requireWrite(request, 'ajouter');
  const outcome = await submitCreate(request.context, request.child, withDefaults(await readBody(c), request.defaults), request.fixed);
  if (outcome.kind === 'form') return addForm(c, request, outcome);
  if (outcome.kind === 'already') return afterSave(c, request, [{ kind: 'info', text: request.context.tr('form.alreadySubmitted') }]);
  return afterSave(c, request, savedMessages(request.context, outcome.warnings));
}

// ---- consulter -----------------------------------------------------------------------------------

/** The child's record in the tab: its portlet (modifier, supprimer, « Retour » to the sub-listing) and its sheet. */
async function childView(c: Context<AppEnv>, request: SubFormRequest, record: Row, messages: readonly Message[] = []): Promise<Response> {
  const { context, child } = request;
  const key = record[child.meta.key ?? ''];
  const fields = fieldsFor(context, child, 'view');
  const links = portletLinks(child, context.actor, record, context.locale, request.baseUrl, {
    edit: childUrl(request, key, '/edit'),
    delete: childUrl(request, key, '/delete'),
  });
  return respond(c, request, {
    heading: context.tr('subform.titles.view', { child: request.subForm.title, record: recordTitle(child, record, context.locale) }),
    crumb: request.subForm.title,
    messages,
    children: (
      <div class="enregistrement-lie">
        <Portlet links={links} locale={context.locale} htmxTarget={request.fragment ? PANEL : undefined} />
        <RecordSheet fields={fields} record={record} context={await staticContext(context, child, fields, record)} headingLevel={3} />
      </div>
    ),
  });
}

export async function subView(c: Context<AppEnv>): Promise<Response> {
  const request = await subFormRequest(c);
  return childView(c, request, await childRecord(request, c.req.param('childId') ?? ''));
}

// ---- modifier ------------------------------------------------------------------------------------

async function changeForm(c: Context<AppEnv>, request: SubFormRequest, record: Row, again: FormAgain): Promise<Response> {
  const { context, child } = request;
  const key = record[child.meta.key ?? ''];
  return respond(c, request, {
    heading: context.tr('subform.titles.edit', { child: request.subForm.title, record: recordTitle(child, record, context.locale) }),
    crumb: request.subForm.title,
    messages: again.messages,
    status: again.status,
    // « Annuler » goes back to the child's record, where « Modifier » was clicked.
    children: (
      <RecordForm state={again.state} target={formTarget(c, request, childUrl(request, key, '/edit'), childUrl(request, key), context.tr('form.submit.edit'), again)} locale={context.locale} />
    ),
  });
}

export async function subEdit(c: Context<AppEnv>): Promise<Response> {
  const request = await subFormRequest(c);
  requireWrite(request, 'modifier');
  const record = await childRecord(request, c.req.param('childId') ?? '');
  return changeForm(c, request, record, await editForm(request.context, request.child, record, request.fixed));
}

export async function subUpdate(c: Context<AppEnv>): Promise<Response> {
  const request = await subFormRequest(c);
  requireWrite(request, 'modifier');
  const key = c.req.param('childId') ?? '';
  const previous = await childRecord(request, key);
  const outcome = await submitEdit(request.context, request.child, key, previous, await readBody(c), request.fixed);
  if (outcome.kind === 'form') return changeForm(c, request, previous, outcome);
  // As on a full page: the saved child's record, whose « Retour » leads to the sub-listing.
  const saved = savedMessages(request.context, outcome.warnings);
  if (request.fragment) return childView(c, request, await childRecord(request, String(outcome.key)), saved);
  setFlash(c, saved);
  return c.redirect(childUrl(request, outcome.key), 303);
}

// ---- supprimer -----------------------------------------------------------------------------------

async function deleteConfirmation(c: Context<AppEnv>, request: SubFormRequest, record: Row, refusal?: { message: string; code: string }): Promise<Response> {
  const { context, child } = request;
  const tr = context.tr;
  const key = record[child.meta.key ?? ''];
  const fields = fieldsFor(context, child, 'delete');
  const possible = mayDelete(child, context.actor, record) && refusal?.code !== 'has_children';
  const messages: Message[] = refusal ? [{ kind: 'error', text: refusal.message }] : possible ? [] : [{ kind: 'warning', text: tr('form.deleteNotPossible') }];
  const action = childUrl(request, key, '/delete');
  // htmx attributes only inside the tab's panel; in its own page the form is a plain one.
  const inPanel = (attributes: Record<string, string>) => (request.fragment ? { ...attributes, 'hx-target': PANEL } : {});
  return respond(c, request, {
    heading: tr('subform.titles.delete', { child: request.subForm.title, record: recordTitle(child, record, context.locale) }),
    crumb: request.subForm.title,
    messages,
    status: refusal || !possible ? 409 : 200,
    children: (
      <div class="enregistrement-lie confirmation">
        <RecordSheet fields={fields} record={record} context={await staticContext(context, child, fields, record)} headingLevel={3} />
        {possible ? (
          <form method="post" action={action} {...inPanel({ 'hx-post': action })} class="formulaire-confirmation" data-envoi={tr('form.sending')}>
            <input type="hidden" name={CSRF_FIELD} value={csrfToken(c)} />
            <input type="hidden" name={VERSION_FIELD} value={String(record[VERSION_FIELD] ?? '')} />
            <p class="question">{tr('form.deleteQuestion')}</p>
            <div class="boutons">
              <button type="submit">{tr('form.submit.delete')}</button>{' '}
              {/* As on a full page: back to the record the deletion was asked from. */}
              <a class="bouton bouton-secondaire" href={childUrl(request, key)} {...inPanel({ 'hx-get': childUrl(request, key) })}>
                {tr('form.cancel')}
              </a>
            </div>
          </form>
        ) : (
          <p>
            <a class="bouton bouton-secondaire" href={request.baseUrl} {...inPanel({ 'hx-get': request.baseUrl })}>
              {tr('subform.backToList')}
            </a>
          </p>
        )}
      </div>
    ),
  });
}

export async function subDeletePage(c: Context<AppEnv>): Promise<Response> {
  const request = await subFormRequest(c);
  requireWrite(request, 'supprimer');
  return deleteConfirmation(c, request, await childRecord(request, c.req.param('childId') ?? ''));
}

export async function subDelete(c: Context<AppEnv>): Promise<Response> {
  const request = await subFormRequest(c);
  requireWrite(request, 'supprimer');
  const key = c.req.param('childId') ?? '';
  const record = await childRecord(request, key);
  if (!mayDelete(request.child, request.context.actor, record)) return deleteConfirmation(c, request, record);
  const fields = fieldsFor(request.context, request.child, 'delete');
  const result = await remove(request.context, request.child, key, fields, await readBody(c), record);
  if (!result.ok) return deleteConfirmation(c, request, record, result);
  return afterSave(c, request, [{ kind: 'success', text: request.context.tr('form.deleted') }]);
}

