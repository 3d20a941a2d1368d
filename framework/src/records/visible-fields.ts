import type { Actor } from '../access/actor.ts';
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

/**
 * The collectivité column shown to a niveau-1 user: it would repeat their own on every row, so
 * listings and printed exports leave it out.
 */
export const repeatsOwnCollectivite = (object: RegisteredObject, field: FieldMeta, actor: Actor): boolean =>
  field.name === object.meta.tenantColumn && actor.niveau !== '2';
