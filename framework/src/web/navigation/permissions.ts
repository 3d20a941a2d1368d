import type { Actor } from '../../access/actor.ts';
import { allows, holds, STANDARD_OPERATIONS } from '../../access/permissions.ts';

/** `<base>_<operation>`, the base being `<table>` or `<app>.<table>`. */
const OBJECT_PERMISSION = new RegExp(`^(.+)_(${STANDARD_OPERATIONS.join('|')})$`);

/**
 * One permission named by an application (a menu entry's, a server widget's): held as it is, or,
 * for `<object>_<operation>`, through the whole-object permission (openMairie's rule, as `can`).
 */
export function holdsPermission(actor: Actor, permission: string): boolean {
  if (holds(actor, permission)) return true;
  const match = OBJECT_PERMISSION.exec(permission);
  return match ? allows(actor, match[1] as string, match[2] as string) : false;
}

/** One of them is enough (openMairie: OR); none listed: every signed-in user. */
export function holdsAny(actor: Actor, permissions: readonly string[] | undefined): boolean {
  if (!permissions || permissions.length === 0) return true;
  return permissions.some((permission) => holdsPermission(actor, permission));
}
