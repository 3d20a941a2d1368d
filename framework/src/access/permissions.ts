import type { Actor } from './actor.ts';
import { isSystem } from './actor.ts';

/** The standard operations on an object; custom actions use their own permission suffix. */
export type Operation = 'tab' | 'consulter' | 'ajouter' | 'modifier' | 'supprimer' | 'exporter';

export const STANDARD_OPERATIONS: readonly Operation[] = ['tab', 'consulter', 'ajouter', 'modifier', 'supprimer', 'exporter'];
export const READ_OPERATIONS: readonly Operation[] = ['tab', 'consulter', 'exporter'];

/** Permissions that are not about one object (openMairie's modules). */
export const MODULE_PERMISSIONS: readonly string[] = ['password', 'edition', 'reqmo', 'import', 'gen'];

/** openMairie's rule: `<object>_<suffix>` or the whole-object permission `<object>`. Deny by default. */
export function can(actor: Actor, object: string, suffix: string): boolean {
  if (isSystem(actor)) return true;
  return actor.permissions.has(`${object}_${suffix}`) || actor.permissions.has(object);
}

/** A module permission such as `password` or `gen`. */
export function holds(actor: Actor, permission: string): boolean {
  return isSystem(actor) || actor.permissions.has(permission);
}
