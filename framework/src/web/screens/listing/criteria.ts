/**
 * The advanced search an override declares (`screens.advancedSearch`), resolved against the
 * model: each criterion's kind (from the field when not given), its label, its query parameters
 * and, for a choice list, its options (a foreign key's rows through the record service, an enum's
 * values, or the override's fixed choices).
 */
import type { Actor } from '../../../access/actor.ts';
import type { Choice, CriterionKind, SearchCriterion } from '../../../model/override.ts';
import type { RegisteredObject } from '../../../model/registry.ts';
import type { FieldMeta } from '../../../model/types.ts';
import { isSortableKind } from '../../../records/list-plan.ts';
import type { ReadDeps } from '../../../records/read.ts';
import { visibleField } from '../../../records/visible-fields.ts';
import { referenceOf } from '../../../model/references.ts';
import { referenceRows } from '../shared/reference-rows.ts';

/** More rows than this: the criterion asks for the referenced row's number instead of a list. */
export const MAX_OPTIONS = 200;

export interface ResolvedCriterion {
  readonly field: FieldMeta;
  readonly kind: CriterionKind;
  readonly label: string;
  /** Choices of a `select`; undefined: the value is typed (a referenced row's number). */
  readonly options: readonly Choice[] | undefined;
}

/** The query parameters a criterion of this kind fills. */
export function criterionParameters(criterion: Pick<ResolvedCriterion, 'field' | 'kind'>): { readonly single?: string; readonly from?: string; readonly to?: string } {
  const base = `filter[${criterion.field.name}]`;
  switch (criterion.kind) {
    case 'text':
      return { single: `${base}[contains]` };
    case 'dateRange':
      return { from: `${base}[gte]`, to: `${base}[lte]` };
    default:
      return { single: base };
  }
}

function defaultKind(object: RegisteredObject, field: FieldMeta): CriterionKind {
  const isReference = referenceOf(object.meta, field.name) !== undefined;
  if (isReference || field.kind === 'enum' || object.override.screens?.choices?.[field.name]) return 'select';
  if (field.kind === 'date' || field.kind === 'timestamp' || field.kind === 'timestamptz') return 'dateRange';
  if (field.kind === 'boolean') return 'boolean';
  return 'text';
}

/** The referenced rows as choices, when the actor may list them and they are few enough. */
async function referenceOptions(deps: ReadDeps, actor: Actor, object: RegisteredObject, field: FieldMeta): Promise<Choice[] | undefined> {
  const found = await referenceRows(deps, actor, object, field, MAX_OPTIONS);
  if (found.kind !== 'rows') return undefined;
  const { target, targetColumn } = found;
  return found.rows.map((row) => ({
    value: String(row[targetColumn]),
    label: String(row[target.meta.labelColumn] ?? row[targetColumn]),
  }));
}

async function optionsOf(deps: ReadDeps, actor: Actor, object: RegisteredObject, field: FieldMeta): Promise<readonly Choice[] | undefined> {
  const fixed = object.override.screens?.choices?.[field.name];
  if (fixed) return fixed;
  if (field.kind === 'enum') return (field.enumValues ?? []).map((value) => ({ value, label: value }));
  return referenceOptions(deps, actor, object, field);
}

/**
 * The object's advanced search, or an empty list when it declares none. `withOptions: false`
 * (the form is not drawn, e.g. an htmx answer with the results only) reads no choice list.
 */
export async function resolveCriteria(
  deps: ReadDeps,
  actor: Actor,
  object: RegisteredObject,
  declared: readonly SearchCriterion[],
  withOptions = true,
): Promise<ResolvedCriterion[]> {
  const labels = object.override.screens?.labels ?? {};
  const resolved: ResolvedCriterion[] = [];
  for (const criterion of declared) {
    const field = visibleField(object, criterion.field);
    // A criterion on a field the user may not read, or that cannot be compared, is not offered.
    if (!field || !isSortableKind(field.kind)) continue;
    const kind = criterion.kind ?? defaultKind(object, field);
    const label = criterion.label ?? labels[field.name] ?? field.label;
    const options = kind === 'select' && withOptions ? await optionsOf(deps, actor, object, field) : undefined;
    resolved.push({ field, kind, label, options });
  }
  return resolved;
}
