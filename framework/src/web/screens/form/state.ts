/**
 * Everything a form or a record sheet shows, gathered before rendering: its fields for the mode,
 * the inputs' values, the foreign keys' choices and the files the record holds.
 */
import { mapConfigurationOf } from '../carte/configuration.ts';
import type { Row } from '../../../db/connection.ts';
import type { StoredFile } from '../../../files/index.ts';
import { isFileId } from '../../../files/index.ts';
import type { FieldErrors } from '../../../model/override.ts';
import type { RegisteredObject } from '../../../model/registry.ts';
import type { ScreenContext } from './context.ts';
import { formFields, type FormField, type FormMode } from './fields.ts';
import type { FormState } from './form-view.tsx';
import { declaredApplicationTitle } from '../shared/index.ts';
import { dynamicChoiceLabels, loadChoices } from './options.ts';
import type { StaticContext } from './static-value.tsx';
import { defaultValues, valuesFromRecord, type FormValues } from './values.ts';

export interface StateOptions {
  /** The stored record (edit, view, delete). */
  readonly record?: Row | undefined;
  /** What the user typed (a form shown again with its errors). */
  readonly values?: FormValues | undefined;
  readonly errors?: FieldErrors | undefined;
  /** A refusal's own explanation, at the top of the error summary. */
  readonly lead?: string | undefined;
  /** Fields shown static with these values (a sub-form's parent key and its label). */
  readonly fixed?: Row | undefined;
  /** A new record's starting values, over the column defaults (a sub-form's parent collectivité). */
  readonly defaults?: FormValues | undefined;
}

export function fieldsFor(context: ScreenContext, object: RegisteredObject, mode: FormMode, locked: readonly string[] = []): FormField[] {
  return formFields(object, mode, {
    registry: context.runtime.registry,
    actor: context.actor,
    maxUploadBytes: context.runtime.config.upload.maxBytes,
    yes: context.tr('csv.yes'),
    no: context.tr('csv.no'),
    locked,
  });
}

async function storedFiles(context: ScreenContext, fields: readonly FormField[], record: Row): Promise<ReadonlyMap<string, StoredFile>> {
  const ids = fields.filter((field) => field.widget === 'file').map((field) => record[field.name]).filter(isFileId);
  return ids.length === 0 ? new Map() : context.files.describe(context.actor, ids);
}

/** Titles of the applications, for choices that name objects of several (documents' `objet`). */
const titlesOf = (context: ScreenContext) => (app: string) => declaredApplicationTitle(context.runtime, app, context.locale);

export async function staticContext(context: ScreenContext, object: RegisteredObject, fields: readonly FormField[], record: Row | undefined): Promise<StaticContext> {
  return {
    object,
    actor: context.actor,
    locale: context.locale,
    files: record ? await storedFiles(context, fields, record) : new Map(),
    recordKey: record && object.meta.key ? record[object.meta.key] : undefined,
    choiceLabels: record ? await dynamicChoiceLabels(context.deps, context.actor, fields, record, object, titlesOf(context)) : new Map(),
    map: fields.some((field) => field.field?.kind === 'geometry') ? await mapConfigurationOf(context.runtime, context.actor, object) : undefined,
  };
}

/** The state of an add or edit form. */
export async function formState(context: ScreenContext, object: RegisteredObject, mode: 'create' | 'edit', options: StateOptions = {}): Promise<FormState> {
  const fixed = options.fixed ?? {};
  const fields = fieldsFor(context, object, mode, Object.keys(fixed).filter((name) => !name.includes('__')));
  const record = { ...(options.record ?? {}), ...fixed };
  const values =
    options.values ?? (options.record ? valuesFromRecord(fields, options.record, context.locale) : { ...defaultValues(fields, context.locale), ...options.defaults });
  return {
    fields,
    values,
    record,
    errors: options.errors ?? {},
    lead: options.lead,
    choices: await loadChoices(context.deps, context.actor, fields, values, record, object, titlesOf(context)),
    context: await staticContext(context, object, fields, options.record),
  };
}
