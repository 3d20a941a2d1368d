/**
 * The simple search also finds a row by the labels its foreign keys show (openMairie searches the
 * joined labels: the droits listing finds the rows of the profile « PROFIL O4 » by its name).
 */
import { sql, type RawBuilder } from 'kysely';
import type { Actor } from '../access/actor.ts';
import type { Db } from '../db/connection.ts';
import type { RegisteredObject, Registry } from '../model/registry.ts';
import type { ListPlan, PlanSearch } from './list-plan.ts';
import { labelMatches, matchingKeys, referenceLabel, type ReferenceLabel } from './reference-labels.ts';
import { repeatsOwnCollectivite } from './visible-fields.ts';

/** Beyond this many matching referenced rows, the search reads them in its own query. */
export const REFERENCE_KEYS_LIMIT = 1000;

/** The searched foreign keys whose target is registered, but a niveau-1 user's own collectivité (on every row). */
function searchedReferences(registry: Registry, object: RegisteredObject, actor: Actor, search: PlanSearch): ReferenceLabel[] {
  return search.references
    .filter((field) => !repeatsOwnCollectivite(object, field, actor))
    .flatMap((field) => referenceLabel(registry, object, field.name) ?? []);
}

/**
 * The plan with the referenced keys its search matches, read once on `connection` (under the
 * actor's row-level security): the listing's query then binds them instead of a subquery whose
 * size the planner cannot guess (it would scan the whole table rather than use the indexes).
 */
export async function resolveReferenceSearch(connection: Db, registry: Registry, object: RegisteredObject, actor: Actor, plan: ListPlan): Promise<ListPlan> {
  const search = plan.search;
  if (!search || search.referenceKeys) return plan;
  const referenceKeys = new Map<string, readonly unknown[]>();
  for (const reference of searchedReferences(registry, object, actor, search)) {
    const keys = await matchingKeys(connection, reference, actor, search.pattern, REFERENCE_KEYS_LIMIT);
    if (keys) referenceKeys.set(reference.column, keys);
  }
  return { ...plan, search: { ...search, referenceKeys } };
}

/** The search's conditions on the foreign keys (to be OR-ed with its columns'). */
export function referenceSearchConditions(registry: Registry, object: RegisteredObject, actor: Actor, search: PlanSearch): RawBuilder<unknown>[] {
  const conditions: RawBuilder<unknown>[] = [];
  for (const reference of searchedReferences(registry, object, actor, search)) {
    const keys = search.referenceKeys?.get(reference.column);
    if (keys === undefined) conditions.push(labelMatches(reference, actor, search.pattern));
    else if (keys.length > 0) conditions.push(sql`${sql.ref(`t.${reference.column}`)} = any(${keys})`);
  }
  return conditions;
}
