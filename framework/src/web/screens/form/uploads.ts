/**
 * The file fields of a save: each chosen file is checked (size, type read from its content), then
 * stored as temporary before the record is saved; the save's success keeps it (and removes the
 * file it replaces), its failure removes it. So a refused save leaves no file behind.
 */
import type { Actor } from '../../../access/actor.ts';
import type { Row } from '../../../db/connection.ts';
import { checkUpload, isFileId, type CheckedUpload, type StoredFile } from '../../../files/index.ts';
import type { FieldErrors } from '../../../model/override.ts';
import type { RegisteredObject } from '../../../model/registry.ts';
import type { ScreenContext } from './context.ts';
import type { FormField } from './fields.ts';
import type { FormBody } from './values.ts';

export const REMOVE_FILE_PREFIX = '_supprimer_';

export interface StagedUploads {
  /** Field values to send to the service: the new files' ids, or null for a removed file. */
  readonly input: Row;
  readonly staged: readonly StoredFile[];
  readonly errors: FieldErrors;
}

/** A browser sends an empty part without a name when no file was chosen. */
const chosenFile = (value: unknown): File | undefined => (value instanceof File && (value.name !== '' || value.size > 0) ? value : undefined);

/** The collectivité the saved record will belong to (its files go with it). */
function expectedCollectivite(object: RegisteredObject, actor: Actor, input: Row): number | null {
  const column = object.meta.tenantColumn;
  if (!column) return null;
  if (actor.niveau !== '2') return actor.collectivite;
  const chosen = Number(input[column]);
  return Number.isInteger(chosen) && chosen > 0 ? chosen : actor.workingCollectivite;
}

const collectiviteOf = (object: RegisteredObject, record: Row): number | null => {
  const column = object.meta.tenantColumn;
  const value = column ? Number(record[column]) : NaN;
  return Number.isInteger(value) ? value : null;
};

/** Checks the chosen files; when all pass, stores them as temporary. */
export async function stageUploads(context: ScreenContext, object: RegisteredObject, fields: readonly FormField[], body: FormBody, input: Row): Promise<StagedUploads> {
  const values: Row = {};
  const errors: FieldErrors = {};
  const checked: [FormField, CheckedUpload][] = [];
  for (const field of fields) {
    if (field.widget !== 'file' || field.locked || !field.file) continue;
    const file = chosenFile(body[field.name]);
    if (file) {
      const result = checkUpload({ name: file.name, declaredType: file.type, bytes: new Uint8Array(await file.arrayBuffer()) }, field.file, field.label, context.locale);
      if (result.ok) checked.push([field, result.upload]);
      else errors[field.name] = result.message;
    } else if (body[`${REMOVE_FILE_PREFIX}${field.name}`] !== undefined) {
      values[field.name] = null;
    }
  }
  if (Object.keys(errors).length > 0) return { input: {}, staged: [], errors };
  const staged: StoredFile[] = [];
  const collectivite = expectedCollectivite(object, context.actor, input);
  try {
    for (const [field, upload] of checked) {
      const stored = await context.files.stage(context.actor, upload, collectivite);
      staged.push(stored);
      values[field.name] = stored.id;
    }
  } catch (error) {
    await discardUploads(context, staged);
    throw error;
  }
  return { input: values, staged, errors };
}

/** The save failed: its files go. */
export async function discardUploads(context: ScreenContext, staged: readonly StoredFile[]): Promise<void> {
  for (const file of staged) {
    try {
      await context.files.remove(context.actor, file.id);
    } catch (error) {
      context.runtime.logger.error({ err: error, file: file.id }, 'fichier temporaire non supprimé (il sera balayé plus tard)');
    }
  }
}

/** Removes the files a record held in these fields and no longer holds (replaced, cleared, deleted). */
export async function releaseFiles(context: ScreenContext, fields: readonly FormField[], before: Row, after: Row | undefined): Promise<void> {
  for (const field of fields) {
    if (field.widget !== 'file') continue;
    const previous = before[field.name];
    if (!isFileId(previous) || after?.[field.name] === previous) continue;
    try {
      await context.files.remove(context.actor, previous);
    } catch (error) {
      context.runtime.logger.error({ err: error, file: previous }, 'ancien fichier non supprimé');
    }
  }
}

/** The save succeeded: its files are kept, under the record's collectivité; the files it replaced go. */
export async function keepUploads(
  context: ScreenContext,
  object: RegisteredObject,
  fields: readonly FormField[],
  staged: readonly StoredFile[],
  record: Row,
  previous: Row | undefined,
): Promise<void> {
  for (const file of staged) await context.files.commit(context.actor, file.id, collectiviteOf(object, record));
  if (previous) await releaseFiles(context, fields, previous, record);
}
