/**
 * Who may run a stored query: the module permission `reqmo` and the listing permission of the
 * object it reads (the record service checks the latter again on every read).
 */
import type { Actor } from '../access/actor.ts';
import { can, holds } from '../access/permissions.ts';
import type { RegisteredObject, Registry } from '../model/registry.ts';
import { queryShape, type QueryShape } from './shape.ts';

/** openMairie's module permission of « Export › Requêtes mémorisées ». */
export const QUERIES_PERMISSION = 'reqmo';

export const mayUseQueries = (actor: Actor): boolean => holds(actor, QUERIES_PERMISSION);

export const mayRunOn = (actor: Actor, object: RegisteredObject): boolean => mayUseQueries(actor) && can(actor, object, 'tab');

/** The CSV output reads every matching row: an export of the object. */
export const mayDownload = (actor: Actor, object: RegisteredObject): boolean => mayRunOn(actor, object) && can(actor, object, 'exporter');

/** The queries the actor may run, by application then label (French order). */
export function runnableQueries(actor: Actor, registry: Registry): QueryShape[] {
  if (!mayUseQueries(actor)) return [];
  const collator = new Intl.Collator('fr');
  return registry.storedQueries
    .all()
    .map((spec) => queryShape(registry, spec))
    .filter((shape): shape is QueryShape => shape !== undefined && shape.runnable && mayRunOn(actor, shape.object))
    .sort((a, b) => collator.compare(a.spec.app, b.spec.app) || collator.compare(a.spec.label, b.spec.label));
}
