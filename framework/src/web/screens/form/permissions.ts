/**
 * What the screens offer on an object or a record: the same rules as the record service (which
 * checks them again on every write), so that no button leads to a refusal.
 */
import type { Actor } from '../../../access/actor.ts';
import { isSystem } from '../../../access/actor.ts';
import { allows, can, holds } from '../../../access/permissions.ts';
import type { Row } from '../../../db/connection.ts';
import type { CustomAction, RecordLink } from '../../../model/override.ts';
import type { RegisteredObject } from '../../../model/registry.ts';

/** The object's name in the screens: the application's (override) label, else the generated one. */
export const objectLabel = (object: RegisteredObject) => object.override.label ?? object.meta.label;

/** The object accepts writes through the generic service (a table with a single-column key). */
export const isWritable = (object: RegisteredObject) => !object.meta.readOnly && !object.override.readOnly && object.meta.key !== null;

/** Rows shared by every collectivité are written by niveau-2 users only. */
const mayWriteShared = (object: RegisteredObject, actor: Actor) =>
  !object.override.sharedByAllCollectivites || actor.niveau === '2' || isSystem(actor);

/** `ajouter`, `modifier` or `supprimer` on the object. */
export function mayWrite(object: RegisteredObject, actor: Actor, suffix: 'ajouter' | 'modifier' | 'supprimer'): boolean {
  return isWritable(object) && can(actor, object, suffix) && mayWriteShared(object, actor);
}

/** Deleting this record: the permission, and the override's `canDelete` (not one's own account…). */
export function mayDelete(object: RegisteredObject, actor: Actor, record: Row): boolean {
  return mayWrite(object, actor, 'supprimer') && (object.override.canDelete?.(record, actor) ?? true);
}

export interface AvailableAction {
  readonly name: string;
  readonly action: CustomAction;
}

/** A custom action by its name in the URL (own properties only). */
export function customAction(object: RegisteredObject, name: string): CustomAction | undefined {
  const actions = object.override.actions ?? {};
  return Object.hasOwn(actions, name) ? actions[name] : undefined;
}

/** The permission `<object>_<permissionSuffix ?? name>` (and the shared-rows rule). */
export const mayRunAction = (object: RegisteredObject, actor: Actor, name: string, action: CustomAction) =>
  can(actor, object, action.permissionSuffix ?? name) && mayWriteShared(object, actor);

/** The custom actions the actor may run on this record (permission and condition), by `order`. */
export function availableActions(object: RegisteredObject, actor: Actor, record: Row): AvailableAction[] {
  return Object.entries(object.override.actions ?? {})
    .filter(([name, action]) => mayRunAction(object, actor, name, action))
    .filter(([, action]) => action.condition?.(record, actor) ?? true)
    .sort(([nameA, a], [nameB, b]) => (a.order ?? 100) - (b.order ?? 100) || nameA.localeCompare(nameB))
    .map(([name, action]) => ({ name, action }));
}

/** A permission held as named or through its whole-object form (`resultats.election_consulter` through `resultats.election`). */
function holdsEither(actor: Actor, permission: string): boolean {
  const split = /^(.+)_([a-z]+)$/.exec(permission);
  return split?.[1] && split[2] ? allows(actor, split[1], split[2]) : holds(actor, permission);
}

/** The override's links this actor sees on this record, by `order`. */
export function availableLinks(object: RegisteredObject, actor: Actor, record: Row): RecordLink[] {
  return (object.override.links ?? [])
    .filter((link) => link.permissions === undefined || link.permissions.some((permission) => holdsEither(actor, permission)))
    .filter((link) => link.condition?.(record) ?? true)
    .map((link, index) => ({ link, index }))
    .sort((a, b) => (a.link.order ?? 100) - (b.link.order ?? 100) || a.index - b.index)
    .map(({ link }) => link);
}
