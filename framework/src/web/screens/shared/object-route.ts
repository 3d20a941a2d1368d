import type { Context } from 'hono';
import type { Actor } from '../../../access/actor.ts';
import { can } from '../../../access/permissions.ts';
import type { RegisteredObject } from '../../../model/registry.ts';
import type { AppEnv } from '../../env.ts';
import { HttpError } from '../../operations/index.ts';

/** The object named by `:app` and `:table` in the route, or a 404. */
export function objectFromRoute(c: Context<AppEnv>, tableParam = 'table'): RegisteredObject {
  const object = c.get('runtime').registry.get(c.req.param('app') ?? '', c.req.param(tableParam) ?? '');
  if (!object) throw HttpError.notFound();
  return object;
}

/** Throws the 403 page unless the actor holds `<object>_<suffix>` (or the whole object). */
export function requirePermission(actor: Actor, object: RegisteredObject, suffix: string): void {
  if (!can(actor, object, suffix)) throw HttpError.forbidden();
}

/** The signed-in actor (routes are behind `requireActor()`). */
export function actorOf(c: Context<AppEnv>): Actor {
  const actor = c.get('actor');
  if (!actor) throw HttpError.unauthorized();
  return actor;
}
