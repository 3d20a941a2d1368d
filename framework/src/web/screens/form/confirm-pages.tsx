/**
 * Pages that confirm a treatment on a record shown read-only: supprimer
 * (`GET|POST /:app/:table/:id/delete`) and the override's custom actions
 * (`GET|POST /:app/:table/:id/:action`). A refusal (linked rows, unavailable action…) is shown on
 * the same page.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Row } from '../../../db/connection.ts';
import type { ActionInput, Choice, CustomAction, FieldErrors } from '../../../model/override.ts';
import type { RegisteredObject } from '../../../model/registry.ts';
import { getRecord, VERSION_FIELD } from '../../../records/index.ts';
import { CSRF_FIELD, csrfToken } from '../../auth/csrf.ts';
import type { AppEnv } from '../../env.ts';
import type { Message } from '../../layout/layout.tsx';
import { HttpError } from '../../operations/index.ts';
import { actionUrl, deleteUrl, listUrl, objectFromRoute, recordCrumbs, recordTitle, recordUrl, renderScreen, setFlash } from '../shared/index.ts';
import { readBody, screenContext, type ScreenContext } from './context.ts';
import { objectLabel, customAction, mayDelete, mayRunAction, mayWrite } from './permissions.ts';
import { carried, RETOUR_FIELD, returnOf, withReturn } from './retour.ts';
import { perform, remove } from './save.ts';
import { RecordSheet } from './sheet.tsx';
import { fieldsFor, staticContext } from './state.ts';

interface Confirmation {
  readonly title: string;
  readonly crumb: string;
  readonly question: string | undefined;
  readonly action: string;
  /** Undefined: the treatment is not possible, no button. */
  readonly submitLabel: string | undefined;
  readonly messages: readonly Message[];
  readonly status: ContentfulStatusCode;
  /** The action's inputs, their options, the values posted and their errors. */
  readonly inputs?: readonly ShownInput[];
}

interface ShownInput {
  readonly input: ActionInput;
  readonly options: readonly Choice[];
  readonly value: string;
  readonly error: string | undefined;
}

function ActionInputField(props: { shown: ShownInput; placeholder: string }) {
  const { input, options, value, error } = props.shown;
  const id = `action-${input.name}`;
  const described = [...(input.help ? [`${id}-aide`] : []), ...(error ? [`${id}-erreur`] : [])];
  const attributes = {
    id,
    name: input.name,
    ...(input.required ? { 'aria-required': 'true' } : {}),
    ...(error ? { 'aria-invalid': 'true' } : {}),
    ...(described.length > 0 ? { 'aria-describedby': described.join(' ') } : {}),
  };
  return (
    <div class={`champ champ-${input.widget}${error ? ' champ-en-erreur' : ''}`}>
      <label for={id}>
        {input.label}
        {input.required ? (
          <span class="obligatoire" aria-hidden="true">
            {' '}
            *
          </span>
        ) : null}
      </label>
      {input.widget === 'select' ? (
        <select {...attributes}>
          <option value="">{props.placeholder}</option>
          {options.map((option) => (
            <option value={option.value} selected={option.value === value}>
              {option.label}
            </option>
          ))}
        </select>
      ) : input.widget === 'textarea' ? (
        <textarea rows={4} {...attributes}>
          {value}
        </textarea>
      ) : (
        <input type="text" value={value} {...attributes} />
      )}
      {input.help ? (
        <p class="aide" id={`${id}-aide`}>
          {input.help}
        </p>
      ) : null}
      {error ? (
        <p class="erreur-champ" id={`${id}-erreur`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

async function confirmationPage(c: Context<AppEnv>, context: ScreenContext, object: RegisteredObject, record: Row, retour: string, page: Confirmation): Promise<Response> {
  const tr = context.tr;
  const fields = fieldsFor(context, object, 'delete');
  const key = record[object.meta.key ?? ''];
  const back = withReturn(recordUrl(object, key), carried(object, retour));
  return renderScreen(c, {
    title: page.title,
    breadcrumb: recordCrumbs(object, record, context.locale, page.crumb),
    messages: page.messages,
    status: page.status,
    children: (
      <div class="page-enregistrement confirmation">
        <RecordSheet fields={fields} record={record} context={await staticContext(context, object, fields, record)} />
        {page.submitLabel ? (
          <form method="post" action={page.action} class="formulaire-confirmation" data-envoi={tr('form.sending')}>
            <input type="hidden" name={CSRF_FIELD} value={csrfToken(c)} />
            <input type="hidden" name={VERSION_FIELD} value={String(record[VERSION_FIELD] ?? '')} />
            <input type="hidden" name={RETOUR_FIELD} value={retour} />
            {(page.inputs ?? []).map((shown) => (
              <ActionInputField shown={shown} placeholder={tr('form.choose', { label: shown.input.label.toLowerCase() })} />
            ))}
            {page.question ? <p class="question">{page.question}</p> : null}
            <div class="boutons">
              <button type="submit">{page.submitLabel}</button>{' '}
              <a class="bouton bouton-secondaire" href={back}>
                {tr('form.cancel')}
              </a>
            </div>
          </form>
        ) : (
          <p>
            <a class="bouton bouton-secondaire" href={back}>
              {tr('form.portlet.back')}
            </a>
          </p>
        )}
      </div>
    ),
  });
}

// ---- supprimer -----------------------------------------------------------------------------------

async function deletePage(c: Context<AppEnv>, context: ScreenContext, object: RegisteredObject, record: Row, retour: string, refusal?: { message: string; code: string; status: ContentfulStatusCode }) {
  const tr = context.tr;
  const possible = mayDelete(object, context.actor, record) && refusal?.code !== 'has_children';
  const messages: Message[] = refusal ? [{ kind: 'error', text: refusal.message }] : possible ? [] : [{ kind: 'warning', text: tr('form.deleteNotPossible') }];
  return confirmationPage(c, context, object, record, retour, {
    title: tr('form.titles.delete', { object: objectLabel(object), record: recordTitle(object, record, context.locale) }),
    crumb: tr('form.crumbs.delete'),
    question: tr('form.deleteQuestion'),
    action: deleteUrl(object, record[object.meta.key ?? '']),
    submitLabel: possible ? tr('form.submit.delete') : undefined,
    messages,
    status: refusal?.status ?? (possible ? 200 : 409),
  });
}

function requireDelete(context: ScreenContext, object: RegisteredObject): void {
  if (!mayWrite(object, context.actor, 'supprimer')) throw HttpError.forbidden();
}

export async function deleteRecordPage(c: Context<AppEnv>): Promise<Response> {
  const object = objectFromRoute(c);
  const context = screenContext(c);
  requireDelete(context, object);
  const record = await getRecord(context.deps, context.actor, object, c.req.param('id') ?? '');
  return deletePage(c, context, object, record, returnOf(c) ?? listUrl(object));
}

export async function deleteRecordPost(c: Context<AppEnv>): Promise<Response> {
  const object = objectFromRoute(c);
  const context = screenContext(c);
  requireDelete(context, object);
  const key = c.req.param('id') ?? '';
  const record = await getRecord(context.deps, context.actor, object, key);
  const body = await readBody(c);
  const retour = returnOf(c, body) ?? listUrl(object);
  if (!mayDelete(object, context.actor, record)) return deletePage(c, context, object, record, retour);
  const result = await remove(context, object, key, fieldsFor(context, object, 'delete'), body, record);
  if (!result.ok) return deletePage(c, context, object, record, retour, result);
  setFlash(c, { kind: 'success', text: context.tr('form.deleted') });
  // The record is gone: back to where the user came from (its listing by default).
  return c.redirect(retour, 303);
}

// ---- custom actions ------------------------------------------------------------------------------

function actionOf(c: Context<AppEnv>, context: ScreenContext, object: RegisteredObject): [string, CustomAction] {
  const name = c.req.param('action') ?? '';
  const action = customAction(object, name);
  if (!action) throw HttpError.notFound();
  if (!mayRunAction(object, context.actor, name, action)) throw HttpError.forbidden();
  return [name, action];
}

async function shownInputs(context: ScreenContext, action: CustomAction, posted: Readonly<Record<string, unknown>>, errors: FieldErrors): Promise<ShownInput[]> {
  const choicesContext = { actor: context.actor, locale: context.locale, db: context.deps.db.kysely };
  return Promise.all(
    (action.inputs ?? []).map(async (input) => ({
      input,
      options: input.choices ? await input.choices(choicesContext) : [],
      value: typeof posted[input.name] === 'string' ? String(posted[input.name]) : '',
      error: errors[input.name],
    })),
  );
}

async function actionPage(
  c: Context<AppEnv>,
  context: ScreenContext,
  object: RegisteredObject,
  record: Row,
  name: string,
  action: CustomAction,
  retour: string,
  refusal?: { message: string; status: ContentfulStatusCode; errors?: FieldErrors },
  posted: Readonly<Record<string, unknown>> = {},
) {
  const tr = context.tr;
  const available = action.condition?.(record, context.actor) ?? true;
  const messages: Message[] = refusal ? [{ kind: 'error', text: refusal.message }] : available
      ? []
      : [{ kind: 'warning', text: action.unavailableMessage?.(record, context.locale) ?? tr('records.actionUnavailable') }];
  return confirmationPage(c, context, object, record, retour, {
    title: tr('form.titles.action', { action: action.label, record: recordTitle(object, record, context.locale) }),
    crumb: action.label,
    question: tr('form.actionQuestion', { action: action.label }),
    action: actionUrl(object, record[object.meta.key ?? ''], name),
    submitLabel: available ? action.label : undefined,
    messages,
    status: refusal?.status ?? (available ? 200 : 409),
    inputs: available ? await shownInputs(context, action, posted, refusal?.errors ?? {}) : [],
  });
}

/** A path of this site only (never `//host`): where an action may send the user. */
const sitePath = (path: string | undefined): string | undefined => (path && path.startsWith('/') && !path.startsWith('//') ? path : undefined);

export async function actionRecordPage(c: Context<AppEnv>): Promise<Response> {
  const object = objectFromRoute(c);
  const context = screenContext(c);
  const [name, action] = actionOf(c, context, object);
  const record = await getRecord(context.deps, context.actor, object, c.req.param('id') ?? '');
  return actionPage(c, context, object, record, name, action, returnOf(c) ?? listUrl(object));
}

export async function actionRecordPost(c: Context<AppEnv>): Promise<Response> {
  const object = objectFromRoute(c);
  const context = screenContext(c);
  const [name, action] = actionOf(c, context, object);
  const key = c.req.param('id') ?? '';
  const body = await readBody(c);
  const retour = returnOf(c, body) ?? listUrl(object);
  const result = await perform(context, object, key, name, body);
  if (!result.ok) {
    const record = await getRecord(context.deps, context.actor, object, key);
    return actionPage(c, context, object, record, name, action, retour, result, body);
  }
  setFlash(c, { kind: 'success', text: result.message });
  return c.redirect(sitePath(result.redirect) ?? withReturn(recordUrl(object, key), carried(object, retour)), 303);
}
