/**
 * The before/after values of an audit entry, row by row: the object's fields in their order, then
 * any other key (a column dropped since, for instance).
 */
import type { RegisteredObject } from '../../../model/registry.ts';
import type { FieldMeta } from '../../../model/types.ts';

export interface ValueRow {
  readonly name: string;
  readonly field: FieldMeta | undefined;
  /** `undefined`: the key is not in that side (no « before » for a creation). */
  readonly before: unknown;
  readonly after: unknown;
  readonly inBefore: boolean;
  readonly inAfter: boolean;
  /** Both sides have the key and the values differ. */
  readonly changed: boolean;
}

/** A `jsonb` column as either driver returns it: an object, or its text. */
export function jsonObject(value: unknown): Record<string, unknown> | undefined {
  let parsed = value;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value) as unknown;
    } catch {
      return undefined;
    }
  }
  return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
}

export function valueRows(before: Record<string, unknown> | undefined, after: Record<string, unknown> | undefined, object: RegisteredObject | undefined): ValueRow[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const known = (object?.meta.fields ?? []).filter((field) => keys.has(field.name));
  const others = [...keys].filter((key) => !known.some((field) => field.name === key)).sort();
  const names = [...known.map((field) => field.name), ...others];
  return names.map((name) => {
    const inBefore = before !== undefined && Object.hasOwn(before, name);
    const inAfter = after !== undefined && Object.hasOwn(after, name);
    const previous = inBefore ? before?.[name] : undefined;
    const next = inAfter ? after?.[name] : undefined;
    return {
      name,
      field: object?.meta.fields.find((field) => field.name === name),
      before: previous,
      after: next,
      inBefore,
      inAfter,
      changed: inBefore && inAfter && JSON.stringify(previous) !== JSON.stringify(next),
    };
  });
}
