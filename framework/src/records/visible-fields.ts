import type { RegisteredObject } from '../model/registry.ts';
import type { FieldMeta } from '../model/types.ts';

/** Fields a client may see: everything but the override's hidden fields. */
export function visibleFields(object: RegisteredObject): FieldMeta[] {
  const hidden = new Set(object.override.hiddenFields ?? []);
  return object.meta.fields.filter((field) => !hidden.has(field.name));
}

export function visibleField(object: RegisteredObject, name: string): FieldMeta | undefined {
  return visibleFields(object).find((field) => field.name === name);
}
