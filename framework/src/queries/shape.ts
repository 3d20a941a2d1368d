/**
 * What a stored query offers a user, checked against its object's model: the columns, sorts and
 * criteria of the spec that name a field the user may see (`visibleFields`) and, for sorts and
 * criteria, one the record service can compare. A spec is data written by the generator or by
 * hand: a name it gets wrong is dropped here, not sent to the database.
 */
import type { RegisteredObject, Registry } from '../model/registry.ts';
import type { StoredQueryCriterion, StoredQuerySpec } from '../model/specs.ts';
import type { FieldMeta } from '../model/types.ts';
import { isSortableKind } from '../records/list-plan.ts';
import { visibleField } from '../records/visible-fields.ts';

export interface OfferedCriterion {
  readonly criterion: StoredQueryCriterion;
  readonly field: FieldMeta;
}

export interface QueryShape {
  readonly spec: StoredQuerySpec;
  readonly object: RegisteredObject;
  /** In the spec's order; all ticked at first. */
  readonly columns: readonly FieldMeta[];
  /** The default first. */
  readonly sorts: readonly FieldMeta[];
  readonly criteria: readonly OfferedCriterion[];
  /** False when a required criterion names a field that cannot be offered: the query cannot run. */
  readonly runnable: boolean;
}

const fieldsOf = (object: RegisteredObject, names: readonly string[], comparable: boolean): FieldMeta[] => {
  const fields: FieldMeta[] = [];
  for (const name of new Set(names)) {
    const field = visibleField(object, name);
    if (field && (!comparable || isSortableKind(field.kind))) fields.push(field);
  }
  return fields;
};

/** Undefined when the spec's object is not registered (its application is not enabled). */
export function queryShape(registry: Registry, spec: StoredQuerySpec): QueryShape | undefined {
  const object = registry.get(spec.app, spec.table);
  if (!object) return undefined;
  const columns = fieldsOf(object, spec.columns, false);
  const criteria: OfferedCriterion[] = [];
  let runnable = columns.length > 0;
  for (const criterion of spec.criteria) {
    const field = visibleField(object, criterion.field);
    if (field && isSortableKind(field.kind) && !criteria.some((offered) => offered.field.name === field.name)) {
      criteria.push({ criterion, field });
    } else if (criterion.required) {
      runnable = false;
    }
  }
  return { spec, object, columns, sorts: fieldsOf(object, spec.sort, true), criteria, runnable };
}
