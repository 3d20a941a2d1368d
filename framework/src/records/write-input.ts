import type { Actor } from '../access/actor.ts';
import { isSystem } from '../access/actor.ts';
import type { Row } from '../db/connection.ts';
import { t, type Locale } from '../i18n/index.ts';
import type { FieldErrors } from '../model/override.ts';
import type { RegisteredObject } from '../model/registry.ts';
import type { FieldMeta } from '../model/types.ts';
import { coerceValue } from './coerce.ts';

/** Fields a client may write: not hidden, not read-only, not filled by the database (uuid defaults excepted). */
export function writableFields(object: RegisteredObject, creating: boolean): FieldMeta[] {
  const hidden = new Set(object.override.hiddenFields ?? []);
  const readOnly = new Set(object.override.readOnlyFields ?? []);
  return object.meta.fields.filter((field) => {
    if (hidden.has(field.name) || readOnly.has(field.name)) return false;
    // Filled by the database; a uuid default may still be given by the client (a key made elsewhere).
    if (field.generation !== null && field.generation !== 'uuid') return false;
    if (!creating && field.name === object.meta.key) return false;
    return field.kind !== 'other' || creating;
  });
}

export interface ReadInput {
  readonly values: Row;
  readonly errors: FieldErrors;
}

/**
 * Coerces the client's input for a create or an update. Unknown names are refused (a typo must not
 * be silently ignored); names starting with `_` (CSRF token, version) belong to the transport.
 * `complete`: fields not sent are set to null (create, PUT); otherwise only sent fields change.
 * Messages are worded in `locale`.
 */
export function readInput(object: RegisteredObject, input: Row, creating: boolean, complete: boolean, locale?: Locale): ReadInput {
  const writable = writableFields(object, creating);
  const byName = new Map(writable.map((field) => [field.name, field]));
  const extra = new Set(object.override.extraInputs ?? []);
  const values: Row = {};
  const errors: FieldErrors = {};
  for (const name of Object.keys(input)) {
    if (name.startsWith('_') || byName.has(name) || extra.has(name)) continue;
    const known = object.meta.fields.some((field) => field.name === name);
    errors[name] = t(known ? 'records.input.notWritable' : 'records.input.unknownField', undefined, locale);
  }
  for (const field of writable) {
    const raw = input[field.name];
    if (raw === undefined && !complete) continue;
    const result = coerceValue(field, raw === undefined ? null : raw, locale);
    if (result.ok) {
      if (result.value !== null || !creating || raw !== undefined) values[field.name] = result.value;
    } else errors[field.name] = result.message;
  }
  return { values, errors };
}

/**
 * The collectivité of a tenant-scoped row: forced to the user's own for niveau 1; for niveau 2,
 * the working collectivité unless another one was chosen.
 */
export function applyTenant(object: RegisteredObject, actor: Actor, values: Row, creating: boolean): void {
  const column = object.meta.tenantColumn;
  if (!column || column === object.meta.key || isSystem(actor)) return;
  if (actor.niveau !== '2') {
    if (creating || Object.hasOwn(values, column)) values[column] = actor.collectivite;
  } else if (creating && (values[column] === null || values[column] === undefined)) {
    values[column] = actor.workingCollectivite;
  }
}
