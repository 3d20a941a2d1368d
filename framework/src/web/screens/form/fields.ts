/**
 * The fields of a form, from the object's metadata and its override: which fields a mode shows,
 * with which widget, label, help, choices and rules. Plain data: the widgets render it.
 */
import type { Actor } from '../../../access/actor.ts';
import { DEFAULT_FILE_TYPES, type FileRules } from '../../../files/index.ts';
import type { Choice, WidgetKind } from '../../../model/override.ts';
import type { RegisteredObject, Registry } from '../../../model/registry.ts';
import type { FieldMeta } from '../../../model/types.ts';
import { defaultWidget } from '../../../model/widgets.ts';

/** consulter, ajouter, modifier, supprimer (a read-only confirmation). */
export type FormMode = 'view' | 'create' | 'edit' | 'delete';

/** The record a foreign key points to. */
export interface Reference {
  readonly target: RegisteredObject;
  /** The referenced column (usually the target's key). */
  readonly column: string;
}

export interface FormField {
  /** The input's name: a column, or an extra input of the override (`password`). */
  readonly name: string;
  readonly label: string;
  readonly widget: WidgetKind;
  /** The column; undefined for an extra input. */
  readonly field: FieldMeta | undefined;
  readonly required: boolean;
  readonly help: string | undefined;
  readonly maxLength: number | undefined;
  /** Fixed choices: an enum's values, the override's `choices`, Oui / Non for a nullable boolean. */
  readonly choices: readonly Choice[] | undefined;
  readonly reference: Reference | undefined;
  readonly file: FileRules | undefined;
  /** Shown but not posted (read-only fields, keys, a sub-form's parent key). */
  readonly locked: boolean;
}

export const TRUE_VALUE = 'true';
export const FALSE_VALUE = 'false';


/** The single-column foreign key of a field, when its target is a registered object. */
export function referenceOf(registry: Registry, object: RegisteredObject, name: string): Reference | undefined {
  for (const foreignKey of object.meta.foreignKeys) {
    const [column] = foreignKey.columns;
    const [targetColumn] = foreignKey.targetColumns;
    if (foreignKey.columns.length !== 1 || column !== name || !targetColumn) continue;
    const target = registry.bySchemaTable(foreignKey.target.schema, foreignKey.target.table);
    if (target) return { target, column: targetColumn };
  }
  return undefined;
}

/** The widget a field gets from its type, unless the override names one. */
function widgetOf(object: RegisteredObject, field: FieldMeta, reference: Reference | undefined): WidgetKind {
  const screens = object.override.screens;
  const declared = screens?.widgets?.[field.name];
  if (declared) return declared;
  if (screens?.fileFields?.[field.name]) return 'file';
  if (screens?.choices?.[field.name]) return 'select';
  if (screens?.dynamicChoices?.[field.name]) return 'select';
  return defaultWidget(field, reference !== undefined);
}

function choicesOf(object: RegisteredObject, field: FieldMeta, yes: string, no: string): readonly Choice[] | undefined {
  const declared = object.override.screens?.choices?.[field.name];
  if (declared) return declared;
  if (field.kind === 'enum') return (field.enumValues ?? []).map((value) => ({ value, label: value }));
  if (field.kind === 'boolean') return [{ value: TRUE_VALUE, label: yes }, { value: FALSE_VALUE, label: no }];
  return undefined;
}

function fileRulesOf(object: RegisteredObject, name: string, maxBytes: number): FileRules | undefined {
  const rules = object.override.screens?.fileFields?.[name];
  if (!rules && object.override.screens?.widgets?.[name] !== 'file') return undefined;
  return { maxBytes: rules?.maxBytes ?? maxBytes, types: rules?.types ?? DEFAULT_FILE_TYPES };
}

/** Filled by the database on create: not shown in the add form. */
const generatedOnCreate = (field: FieldMeta) => field.generation !== null || field.sequence !== undefined;

export interface FieldsOptions {
  readonly registry: Registry;
  readonly actor: Actor;
  /** Largest upload (the instance's setting), for file fields without their own limit. */
  readonly maxUploadBytes: number;
  /** Texts of a nullable boolean's choices. */
  readonly yes: string;
  readonly no: string;
  /** Fields shown static whatever the mode (a sub-form's parent key). */
  readonly locked?: readonly string[];
}

/** The fields a mode shows, in the metadata's order, then the override's extra inputs. */
export function formFields(object: RegisteredObject, mode: FormMode, options: FieldsOptions): FormField[] {
  const { override, meta } = object;
  const screens = override.screens;
  const hidden = new Set(override.hiddenFields ?? []);
  const readOnly = new Set(override.readOnlyFields ?? []);
  const locked = new Set(options.locked ?? []);
  const writing = mode === 'create' || mode === 'edit';
  // A niveau-1 user's rows always belong to their own collectivité: nothing to choose.
  const ownTenant = meta.tenantColumn !== null && options.actor.niveau !== '2' && options.actor.via !== 'system';
  const fields: FormField[] = [];
  for (const field of meta.fields) {
    if (hidden.has(field.name)) continue;
    const isTenant = field.name === meta.tenantColumn && ownTenant;
    if (mode === 'create' && !locked.has(field.name) && (generatedOnCreate(field) || readOnly.has(field.name) || isTenant)) continue;
    const reference = referenceOf(options.registry, object, field.name);
    const widget = widgetOf(object, field, reference);
    const fixed =
      !writing ||
      widget === 'static' ||
      locked.has(field.name) ||
      readOnly.has(field.name) ||
      isTenant ||
      field.generation !== null ||
      (mode === 'edit' && field.name === meta.key);
    fields.push({
      name: field.name,
      label: screens?.labels?.[field.name] ?? field.label,
      widget,
      field,
      // The collectivité of a new row defaults to the working one: never to be typed.
      required: writing && !fixed && field.required && widget !== 'checkbox' && field.name !== meta.tenantColumn,
      help: screens?.help?.[field.name],
      maxLength: field.maxLength,
      choices: choicesOf(object, field, options.yes, options.no),
      reference,
      file: fileRulesOf(object, field.name, options.maxUploadBytes),
      locked: fixed,
    });
  }
  if (!writing) return fields;
  for (const extra of screens?.extraFields ?? []) {
    if (!(override.extraInputs ?? []).includes(extra.name)) continue;
    if ((mode === 'create' ? extra.whenCreating : extra.whenEditing) === false) continue;
    fields.push({
      name: extra.name,
      label: screens?.labels?.[extra.name] ?? extra.name,
      widget: screens?.widgets?.[extra.name] ?? 'text',
      field: undefined,
      required: mode === 'create' && extra.requiredWhenCreating === true,
      help: screens?.help?.[extra.name],
      maxLength: undefined,
      choices: screens?.choices?.[extra.name],
      reference: undefined,
      file: undefined,
      locked: false,
    });
  }
  return fields;
}

/** Whether a form of these fields sends files (multipart). */
export const sendsFiles = (fields: readonly FormField[]) => fields.some((field) => field.widget === 'file' && !field.locked);
