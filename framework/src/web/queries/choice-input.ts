/**
 * How a `choice` criterion is asked: a select of the override's fixed choices, of an enum's values
 * or of the rows its foreign key points to (read through the record service as the user, labels
 * from the target's label column); a text input of the key when the user may not list the target
 * or when it has too many rows for a list.
 */
import type { Actor } from '../../access/actor.ts';
import type { Locale } from '../../i18n/index.ts';
import type { Choice } from '../../model/override.ts';
import type { RegisteredObject } from '../../model/registry.ts';
import type { FieldMeta } from '../../model/types.ts';
import type { ReadDeps } from '../../records/index.ts';
import { displayValue } from '../screens/shared/index.ts';
import { referenceRows } from '../screens/shared/reference-rows.ts';

/** More rows than this: the key is typed. */
export const MAX_CHOICES = 200;

export type ChoiceInput =
  | { readonly kind: 'select'; readonly options: readonly Choice[] }
  /** `target`: the referenced object's label, when known; `tooMany`: the user may list it, but not in a select. */
  | { readonly kind: 'key'; readonly target: string | undefined; readonly tooMany: boolean };

async function referenceInput(deps: ReadDeps, actor: Actor, object: RegisteredObject, field: FieldMeta, locale: Locale): Promise<ChoiceInput> {
  const found = await referenceRows(deps, actor, object, field, MAX_CHOICES);
  if (found.kind !== 'rows') {
    return { kind: 'key', target: found.target?.meta.label ?? found.reference?.target.table, tooMany: found.kind === 'tooMany' };
  }
  const { labelField, targetColumn } = found;
  const options = found.rows.map((row) => {
    const label = labelField ? displayValue(labelField, row[labelField.name], locale) : '';
    return { value: String(row[targetColumn]), label: label === '' ? String(row[targetColumn]) : label };
  });
  return { kind: 'select', options };
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
