/**
 * Saving a posted form through the record service, files included. A refusal the user can act on
 * (invalid values, stale version, linked rows…) comes back as messages for the form; a missing
 * permission or an unreachable record propagates (403 / 404 pages).
 */
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Row } from '../../../db/connection.ts';
import type { FieldErrors } from '../../../model/override.ts';
import type { RegisteredObject } from '../../../model/registry.ts';
import { createRecord, deleteRecord, runAction, ServiceError, updateRecord, VERSION_FIELD } from '../../../records/index.ts';
import type { ScreenContext } from './context.ts';
import type { FormField } from './fields.ts';
import { discardUploads, keepUploads, releaseFiles, stageUploads } from './uploads.ts';
import { inputFromBody, valuesFromRecord, type FormBody } from './values.ts';

export interface Refusal {
  readonly message: string;
  readonly errors: FieldErrors;
  readonly code: string;
  readonly status: ContentfulStatusCode;
}

/** `warnings`: the hooks' non-blocking warnings about the saved record. */
export type SaveResult = { readonly ok: true; readonly record: Row; readonly warnings: readonly string[] } | ({ readonly ok: false } & Refusal);

/** Refusals shown on the page the user is on; anything else goes to the error pages. */
const SHOWN_ON_FORM = new Set(['bad_request', 'validation', 'conflict', 'stale_version', 'has_children', 'unavailable_action']);

export function refusalOf(error: unknown): Refusal {
  if (error instanceof ServiceError && SHOWN_ON_FORM.has(error.code)) {
    return { message: error.message, errors: error.fields, code: error.code, status: error.status as ContentfulStatusCode };
  }
  throw error;
}

const versionOf = (body: FormBody) => (typeof body[VERSION_FIELD] === 'string' ? body[VERSION_FIELD] : undefined);

/** ajouter: `fixed` values (a sub-form's parent key) override whatever was posted. */
export async function saveNew(context: ScreenContext, object: RegisteredObject, fields: readonly FormField[], body: FormBody, fixed: Row = {}): Promise<SaveResult> {
  const input = { ...inputFromBody(fields, body, true), ...fixed };
  const uploads = await stageUploads(context, object, fields, body, input);
  if (Object.keys(uploads.errors).length > 0) {
    return { ok: false, message: context.tr('records.invalidForm'), errors: uploads.errors, code: 'validation', status: 422 };
  }
  try {
    const warnings: string[] = [];
    const record = await createRecord(context.deps, context.actor, object, { ...input, ...uploads.input }, { requestId: context.requestId, warnings });
    await keepUploads(context, object, fields, uploads.staged, record, undefined);
    return { ok: true, record, warnings };
  } catch (error) {
    await discardUploads(context, uploads.staged);
    return { ok: false, ...refusalOf(error) };
  }
}

/** modifier: only the form's fields change; the posted `_version` must still be the record's. */
export async function saveChanges(
  context: ScreenContext,
  object: RegisteredObject,
  key: string,
  fields: readonly FormField[],
  body: FormBody,
  previous: Row,
  fixed: Row = {},
): Promise<SaveResult> {
  const input = { ...inputFromBody(fields, body, false, valuesFromRecord(fields, previous, context.locale)), ...fixed };
  const uploads = await stageUploads(context, object, fields, body, { ...previous, ...input });
  if (Object.keys(uploads.errors).length > 0) {
    return { ok: false, message: context.tr('records.invalidForm'), errors: uploads.errors, code: 'validation', status: 422 };
  }
  try {
    const warnings: string[] = [];
    const record = await updateRecord(context.deps, context.actor, object, key, { ...input, ...uploads.input }, {
      partial: true,
      version: versionOf(body),
      requestId: context.requestId,
      warnings,
    });
    await keepUploads(context, object, fields, uploads.staged, record, previous);
    return { ok: true, record, warnings };
  } catch (error) {
    await discardUploads(context, uploads.staged);
    return { ok: false, ...refusalOf(error) };
  }
}

/** supprimer: the record's files go with it. */
export async function remove(context: ScreenContext, object: RegisteredObject, key: string, fields: readonly FormField[], body: FormBody, previous: Row): Promise<SaveResult> {
  try {
    await deleteRecord(context.deps, context.actor, object, key, { version: versionOf(body), requestId: context.requestId });
  } catch (error) {
    return { ok: false, ...refusalOf(error) };
  }
  await releaseFiles(context, fields, previous, undefined);
  return { ok: true, record: previous, warnings: [] };
}

/** A custom action: the posted fields (not the transport ones) are its input. */
export async function perform(
  context: ScreenContext,
  object: RegisteredObject,
  key: string,
  name: string,
  body: FormBody,
): Promise<{ ok: true; message: string; redirect: string | undefined } | ({ ok: false } & Refusal)> {
  const input: Row = {};
  for (const [field, value] of Object.entries(body)) if (!field.startsWith('_') && typeof value === 'string') input[field] = value;
  try {
    const result = await runAction(context.deps, context.actor, object, key, name, input, { version: versionOf(body), requestId: context.requestId });
    return { ok: true, message: result.message, redirect: result.redirect };
  } catch (error) {
    return { ok: false, ...refusalOf(error) };
  }
}
