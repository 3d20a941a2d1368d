/**
 * The treatments of a posted add or edit form, shared by the record pages and the sub-forms (which
 * only render the outcome differently): the double-submit token, the save through the service,
 * and on refusal the form again with the user's input, the messages and the right status.
 */
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Row } from '../../../db/connection.ts';
import type { FieldErrors } from '../../../model/override.ts';
import type { RegisteredObject } from '../../../model/registry.ts';
import { VERSION_FIELD } from '../../../records/index.ts';
import type { Message } from '../../layout/layout.tsx';
import type { ScreenContext } from './context.ts';
import type { FormState } from './form-view.tsx';
import { saveChanges, saveNew } from './save.ts';
import { fieldsFor, formState } from './state.ts';
import { claimOrWait, completeSubmission, issueSubmission, releaseSubmission, SUBMISSION_FIELD } from './submission.ts';
import { valuesFromBody, type FormBody, type FormValues } from './values.ts';

/** A form to show (again): its state, its transport fields, its messages, the response status. */
export interface FormAgain {
  readonly kind: 'form';
  readonly state: FormState;
  readonly hidden: Readonly<Record<string, string>>;
  readonly messages: readonly Message[];
  readonly status: ContentfulStatusCode;
}

export type CreateOutcome =
  | { readonly kind: 'created'; readonly record: Row; readonly key: unknown; readonly warnings: readonly string[] }
  /** This form had already been saved: here is the record it created. */
  | { readonly kind: 'already'; readonly key: string }
  | FormAgain;

export type EditOutcome = { readonly kind: 'saved'; readonly record: Row; readonly key: unknown; readonly warnings: readonly string[] } | FormAgain;

/**
 * A refusal with field errors is told by the form's error summary alone (one box, not two): its
 * messages go to the top of the summary, but for the generic « the form contains errors », which
 * the summary already says. A refusal without field errors stays a message above the form.
 */
function toldBy(context: ScreenContext, messages: readonly Message[], errors: FieldErrors): { messages: Message[]; lead: string | undefined } {
  if (Object.keys(errors).length === 0) return { messages: [...messages], lead: undefined };
  const generic = context.tr('records.invalidForm');
  const lead = messages.map((message) => message.text).filter((text) => text !== generic).join(' ');
  return { messages: [], lead: lead === '' ? undefined : lead };
}

const fixedColumns = (fixed: Row) => Object.keys(fixed).filter((name) => !name.includes('__'));
const onlyColumns = (fixed: Row): Row => Object.fromEntries(fixedColumns(fixed).map((name) => [name, fixed[name]]));

/** A new add form with its one-time token: the column defaults, then `defaults`. */
export async function newForm(context: ScreenContext, object: RegisteredObject, fixed: Row = {}, defaults: FormValues = {}): Promise<FormAgain> {
  const token = await issueSubmission(context.runtime.db.kysely, context.actor, object);
  const state = await formState(context, object, 'create', { fixed, defaults });
  return { kind: 'form', state, hidden: { [SUBMISSION_FIELD]: token }, messages: [], status: 200 };
}

/**
 * ajouter, posted. `fixed`: values forced whatever was posted (a sub-form's parent key), with
 * their labels (`<column>__label`) for display.
 */
export async function submitCreate(context: ScreenContext, object: RegisteredObject, body: FormBody, fixed: Row = {}): Promise<CreateOutcome> {
  const db = context.runtime.db.kysely;
  const fields = fieldsFor(context, object, 'create', fixedColumns(fixed));
  const again = async (token: string, messages: Message[], status: ContentfulStatusCode, errors: FieldErrors = {}): Promise<FormAgain> => {
    const told = toldBy(context, messages, errors);
    return {
      kind: 'form',
      state: await formState(context, object, 'create', { values: valuesFromBody(fields, body), errors, fixed, lead: told.lead }),
      hidden: { [SUBMISSION_FIELD]: token },
      messages: told.messages,
      status,
    };
  };
  const token = typeof body[SUBMISSION_FIELD] === 'string' ? body[SUBMISSION_FIELD] : '';
  const claim = token === '' ? ({ kind: 'unknown' } as const) : await claimOrWait(db, context.actor, object, token);
  if (claim.kind === 'done') return { kind: 'already', key: claim.key };
  if (claim.kind === 'busy') return again(token, [{ kind: 'warning', text: context.tr('form.submissionBusy') }], 409);
  if (claim.kind === 'unknown') {
    const fresh = await issueSubmission(db, context.actor, object);
    return again(fresh, [{ kind: 'warning', text: context.tr('form.submissionExpired') }], 409);
  }
  let result;
  try {
    result = await saveNew(context, object, fields, body, onlyColumns(fixed));
  } catch (error) {
    await releaseSubmission(db, token);
    throw error;
  }
  if (!result.ok) {
    await releaseSubmission(db, token);
    return again(token, [{ kind: 'error', text: result.message }], result.status, result.errors);
  }
  const key = object.meta.key ? result.record[object.meta.key] : undefined;
  await completeSubmission(db, token, key);
  return { kind: 'created', record: result.record, key, warnings: result.warnings };
}

/** The edit form of a stored record. */
export async function editForm(context: ScreenContext, object: RegisteredObject, record: Row, fixed: Row = {}): Promise<FormAgain> {
  const state = await formState(context, object, 'edit', { record, fixed });
  return { kind: 'form', state, hidden: { [VERSION_FIELD]: String(record[VERSION_FIELD] ?? '') }, messages: [], status: 200 };
}

/** modifier, posted: `previous` is the record as the user may read it now. */
export async function submitEdit(context: ScreenContext, object: RegisteredObject, key: string, previous: Row, body: FormBody, fixed: Row = {}): Promise<EditOutcome> {
  const fields = fieldsFor(context, object, 'edit', fixedColumns(fixed));
  const result = await saveChanges(context, object, key, fields, body, previous, onlyColumns(fixed));
  if (result.ok) return { kind: 'saved', record: result.record, key: object.meta.key ? result.record[object.meta.key] : key, warnings: result.warnings };
  const version = typeof body[VERSION_FIELD] === 'string' ? body[VERSION_FIELD] : String(previous[VERSION_FIELD] ?? '');
  const told = toldBy(context, [{ kind: 'error', text: result.message }], result.errors);
  return {
    kind: 'form',
    state: await formState(context, object, 'edit', { record: previous, values: valuesFromBody(fields, body), errors: result.errors, fixed, lead: told.lead }),
    // A stale version is kept: the user must reload to see the other change before saving theirs.
    hidden: { [VERSION_FIELD]: version },
    messages: told.messages,
    status: result.status,
  };
}

/** What the page after a save shows: « enregistré », then the hooks' warnings (polite: the save is done). */
export const savedMessages = (context: ScreenContext, warnings: readonly string[]): Message[] => [
  { kind: 'success', text: context.tr('layout.saved') },
  ...warnings.map((text): Message => ({ kind: 'info', text })),
];
