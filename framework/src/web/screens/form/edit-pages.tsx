/**
 * ajouter (`GET /:app/:table/new`, `POST /:app/:table`) and modifier (`GET /:app/:table/:id/edit`,
 * `POST /:app/:table/:id`) as full pages. A saved form redirects (303) to the record's page with
 * « Vos modifications ont bien été enregistrées. »; a refused one is shown again with its errors.
 */
import type { Context } from 'hono';
import type { Row } from '../../../db/connection.ts';
import type { RegisteredObject } from '../../../model/registry.ts';
import { getRecord } from '../../../records/index.ts';
import { csrfToken } from '../../auth/csrf.ts';
import type { AppEnv } from '../../env.ts';
import { HttpError } from '../../operations/index.ts';
import {
  listUrl,
  objectCrumbs,
  objectFromRoute,
  recordCrumbs,
  recordTitle,
  recordUrl,
  renderScreen,
  setFlash,
} from '../shared/index.ts';
import { subFormSection } from '../subform/tabs.tsx';
import { readBody, screenContext, type ScreenContext } from './context.ts';
import { editForm, newForm, savedMessages, submitCreate, submitEdit, type FormAgain } from './flows.ts';
import { RecordForm, type FormTarget } from './form-view.tsx';
import { fieldsFor } from './state.ts';
import { objectLabel, mayWrite } from './permissions.ts';
import { prefillFromQuery } from './prefill.ts';
import { carried, RETOUR_FIELD, returnOf, withReturn } from './retour.ts';
import { suggestionsUrl, PREVIEW_URL } from './urls.ts';

/** The permission, and an object that accepts writes: else the 403 page. */
function requireWrite(context: ScreenContext, object: RegisteredObject, suffix: 'ajouter' | 'modifier'): void {
  if (!mayWrite(object, context.actor, suffix)) throw HttpError.forbidden();
}

function target(c: Context<AppEnv>, context: ScreenContext, object: RegisteredObject, action: string, cancelHref: string, submitLabel: string, again: FormAgain, retour: string): FormTarget {
  return {
    action,
    cancelHref,
    submitLabel,
    hidden: { ...again.hidden, [RETOUR_FIELD]: retour },
    csrfToken: csrfToken(c),
    idPrefix: 'champ',
    suggestUrl: (field) => suggestionsUrl(object, field.name),
    previewUrl: PREVIEW_URL,
  };
}

async function createPage(c: Context<AppEnv>, context: ScreenContext, object: RegisteredObject, again: FormAgain, retour: string): Promise<Response> {
  const tr = context.tr;
  return renderScreen(c, {
    title: tr('form.titles.create', { object: objectLabel(object) }),
    breadcrumb: [...objectCrumbs(object, context.locale), { label: tr('form.crumbs.create') }],
    messages: again.messages,
    status: again.status,
    children: (
      <div class="page-enregistrement">
        <RecordForm
          state={again.state}
          target={target(c, context, object, listUrl(object), retour, tr('form.submit.create'), again, retour)}
          locale={context.locale}
        />
        {await subFormSection(c, object, undefined)}
      </div>
    ),
  });
}

async function editPage(c: Context<AppEnv>, context: ScreenContext, object: RegisteredObject, record: Row, again: FormAgain, retour: string): Promise<Response> {
  const tr = context.tr;
  const key = record[object.meta.key ?? ''];
  return renderScreen(c, {
    title: tr('form.titles.edit', { object: objectLabel(object), record: recordTitle(object, record, context.locale) }),
    breadcrumb: recordCrumbs(object, record, context.locale, tr('form.crumbs.edit')),
    messages: again.messages,
    status: again.status,
    children: (
      <div class="page-enregistrement">
        <RecordForm
          state={again.state}
          target={target(c, context, object, recordUrl(object, key), withReturn(recordUrl(object, key), carried(object, retour)), tr('form.submit.edit'), again, retour)}
          locale={context.locale}
        />
        {await subFormSection(c, object, record)}
      </div>
    ),
  });
}

export async function newRecordPage(c: Context<AppEnv>): Promise<Response> {
  const object = objectFromRoute(c);
  const context = screenContext(c);
  requireWrite(context, object, 'ajouter');
  const prefill = prefillFromQuery(fieldsFor(context, object, 'create'), c.req.query(), context.locale);
  return createPage(c, context, object, await newForm(context, object, {}, prefill), returnOf(c) ?? listUrl(object));
}

export async function createRecordPost(c: Context<AppEnv>): Promise<Response> {
  const object = objectFromRoute(c);
  const context = screenContext(c);
  requireWrite(context, object, 'ajouter');
  const body = await readBody(c);
  const retour = returnOf(c, body) ?? listUrl(object);
  const outcome = await submitCreate(context, object, body);
  if (outcome.kind === 'form') return createPage(c, context, object, outcome, retour);
  if (outcome.kind === 'already') {
    setFlash(c, { kind: 'info', text: context.tr('form.alreadySubmitted') });
    return c.redirect(withReturn(recordUrl(object, outcome.key), carried(object, retour)), 303);
  }
  setFlash(c, savedMessages(context, outcome.warnings));
  return c.redirect(withReturn(recordUrl(object, outcome.key), carried(object, retour)), 303);
}

export async function editRecordPage(c: Context<AppEnv>): Promise<Response> {
  const object = objectFromRoute(c);
  const context = screenContext(c);
  requireWrite(context, object, 'modifier');
  const record = await getRecord(context.deps, context.actor, object, c.req.param('id') ?? '');
  return editPage(c, context, object, record, await editForm(context, object, record), returnOf(c) ?? listUrl(object));
}

export async function updateRecordPost(c: Context<AppEnv>): Promise<Response> {
  const object = objectFromRoute(c);
  const context = screenContext(c);
  requireWrite(context, object, 'modifier');
  const key = c.req.param('id') ?? '';
  const previous = await getRecord(context.deps, context.actor, object, key);
  const body = await readBody(c);
  const retour = returnOf(c, body) ?? listUrl(object);
  const outcome = await submitEdit(context, object, key, previous, body);
  if (outcome.kind === 'form') return editPage(c, context, object, previous, outcome, retour);
  setFlash(c, savedMessages(context, outcome.warnings));
  return c.redirect(withReturn(recordUrl(object, outcome.key), carried(object, retour)), 303);
}

