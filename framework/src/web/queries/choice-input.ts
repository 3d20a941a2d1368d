/**
 * How a `choice` criterion is asked: a select of the override's fixed choices, of an enum's values
 * or of the rows its foreign key points to (read through the record service as the user, labels
 * from the target's label column); a text input of the key when the user may not list the target
 * or when it has too many rows for a list.
 */
import type { Actor } from '../../access/actor.ts';
import { can } from '../../access/permissions.ts';
import type { Locale } from '../../i18n/index.ts';
import type { Choice } from '../../model/override.ts';
import type { RegisteredObject } from '../../model/registry.ts';
import type { FieldMeta } from '../../model/types.ts';
import { ServiceError, listRecords, type ReadDeps } from '../../records/index.ts';
import { visibleField } from '../../records/visible-fields.ts';
import { displayValue } from '../screens/shared/index.ts';
import { referenceOf } from '../../model/references.ts';

/** More rows than this: the key is typed. */
export const MAX_CHOICES = 200;

export type ChoiceInput =
  | { readonly kind: 'select'; readonly options: readonly Choice[] }
  /** `target`: the referenced object's label, when known; `tooMany`: the user may list it, but not in a select. */
  | { readonly kind: 'key'; readonly target: string | undefined; readonly tooMany: boolean };

async function referenceInput(deps: ReadDeps, actor: Actor, object: RegisteredObject, field: FieldMeta, locale: Locale): Promise<ChoiceInput> {
  const reference = referenceOf(object.meta, field.name);
  const targetColumn = reference?.targetColumns[0];
  const target = reference && deps.registry.bySchemaTable(reference.target.schema, reference.target.table);
  const keyInput = (tooMany: boolean): ChoiceInput => ({ kind: 'key', target: target?.meta.label ?? reference?.target.table, tooMany });
  if (!target || !targetColumn || !can(actor, target.name, 'tab')) return keyInput(false);
  const labelField = visibleField(target, target.meta.labelColumn);
  try {
    // Expired rows too: the query reads the whole history.
    const result = await listRecords(deps, actor, target, {
      perPage: MAX_CHOICES + 1,
      count: 'none',
      sort: labelField ? labelField.name : undefined,
      includeExpired: true,
    });
    if (result.rows.length > MAX_CHOICES) return keyInput(true);
    const options = result.rows.map((row) => {
      const label = labelField ? displayValue(labelField, row[labelField.name], locale) : '';
      return { value: String(row[targetColumn]), label: label === '' ? String(row[targetColumn]) : label };
    });
    return { kind: 'select', options };
  } catch (error) {
    // The target cannot be listed this way (no readable field…): the key is typed.
    if (error instanceof ServiceError) return keyInput(false);
    throw error;
  }
}

export async function choiceInputOf(deps: ReadDeps, actor: Actor, object: RegisteredObject, field: FieldMeta, locale: Locale): Promise<ChoiceInput> {
  const fixed = object.override.screens?.choices?.[field.name];
  if (fixed) return { kind: 'select', options: fixed };
  if (field.kind === 'enum') return { kind: 'select', options: (field.enumValues ?? []).map((value) => ({ value, label: value })) };
  if (field.kind === 'boolean') {
    return { kind: 'select', options: [true, false].map((value) => ({ value: String(value), label: displayValue(field, value, locale) })) };
  }
  return referenceInput(deps, actor, object, field, locale);
}
