/**
 * The global search: the same query on every object the user may list, on each object's
 * searchable fields (`override.searchColumns ?? meta.searchColumns`), through the record service
 * (permissions, collectivité scope, accent- and case-insensitive matching), a few rows each.
 */
import type { Actor } from '../../access/actor.ts';
import { usesApplication } from '../../access/applications/index.ts';
import { can } from '../../access/permissions.ts';
import type { Row } from '../../db/connection.ts';
import type { RegisteredObject } from '../../model/registry.ts';
import { listRecords, type ReadDeps } from '../../records/index.ts';
import { visibleField } from '../../records/visible-fields.ts';
import { mapBounded } from './concurrency.ts';

/** Rows shown per object; the listing shows the rest. */
export const ROWS_PER_OBJECT = 5;
/** Searches running at once (each holds a connection of the pool). */
const CONCURRENT_SEARCHES = 4;

export interface ObjectResults {
  readonly object: RegisteredObject;
  readonly rows: readonly Row[];
  readonly total: number;
  readonly totalIsEstimate: boolean;
}

export interface SearchOutcome {
  /** Objects with at least one match, by label. */
  readonly groups: readonly ObjectResults[];
  /** Objects whose search failed (logged): the others are still shown. */
  readonly failed: readonly RegisteredObject[];
}

/**
 * Objects the actor may list that have at least one searchable field they may read, in the
 * applications their working collectivité uses.
 */
export function searchableObjects(objects: readonly RegisteredObject[], actor: Actor): RegisteredObject[] {
  return objects.filter(
    (object) =>
      usesApplication(actor, object.app) &&
      can(actor, object, 'tab') &&
      (object.override.searchColumns ?? object.meta.searchColumns).some((name) => visibleField(object, name) !== undefined),
  );
}

export async function searchEverywhere(
  deps: ReadDeps,
  actor: Actor,
  query: string,
  onFailure: (object: RegisteredObject, error: unknown) => void,
): Promise<SearchOutcome> {
  const objects = searchableObjects(deps.registry.all(), actor);
  const failed: RegisteredObject[] = [];
  const results = await mapBounded(objects, CONCURRENT_SEARCHES, async (object): Promise<ObjectResults | undefined> => {
    try {
      const page = await listRecords(deps, actor, object, { q: query, perPage: ROWS_PER_OBJECT, count: 'estimated' });
      if (page.rows.length === 0) return undefined;
      return { object, rows: page.rows, total: page.total ?? page.rows.length, totalIsEstimate: page.totalIsEstimate };
    } catch (error) {
      failed.push(object);
      onFailure(object, error);
      return undefined;
    }
  });
  const collator = new Intl.Collator(deps.locale ?? 'fr', { sensitivity: 'base', numeric: true });
  const label = (object: RegisteredObject) => object.override.label ?? object.meta.label;
  return {
    groups: results.filter((result): result is ObjectResults => result !== undefined).sort((a, b) => collator.compare(label(a.object), label(b.object))),
    failed: failed.sort((a, b) => collator.compare(label(a), label(b))),
  };
}

/** Why a query is not run: empty (explain), too short, too long. */
export type QueryProblem = 'empty' | 'tooShort' | 'tooLong';

export const MIN_QUERY_LENGTH = 2;

export function queryProblem(query: string, maxLength: number): QueryProblem | undefined {
  if (query.length > maxLength) return 'tooLong';
  const meaningful = query.replace(/\*/g, '').trim();
  if (meaningful === '') return 'empty';
  if (meaningful.length < MIN_QUERY_LENGTH) return 'tooShort';
  return undefined;
}

