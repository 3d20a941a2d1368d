/**
 * Who has a scan intake: a user holding one application's right to it (`<app>.numerisation`,
 * e.g. `courrier.numerisation`). The intake is the user's own: no right gives access to another's.
 */
import type { Context } from 'hono';
import { isSystem, type Actor } from '../../access/actor.ts';
import type { Registry } from '../../model/registry.ts';
import type { AppEnv } from '../env.ts';
import { HttpError } from '../operations/index.ts';
import { actorOf } from '../screens/shared/index.ts';

export const INTAKE_RIGHT = 'numerisation';
const SUFFIX = `.${INTAKE_RIGHT}`;

export function hasScanIntake(actor: Actor): boolean {
  return !isSystem(actor) && [...actor.permissions].some((permission) => permission.endsWith(SUFFIX));
}

/** The signed-in user with a scan intake (else the 403 page). */
export function intakeUser(c: Context<AppEnv>): Actor {
  const actor = actorOf(c);
  if (!hasScanIntake(actor)) throw HttpError.forbidden();
  return actor;
}

/** Held by nobody: the menu entry of an instance serving no application (an empty list would mean everyone). */
export const NO_INTAKE = `*${SUFFIX}`;

/** `<app>.numerisation` for every application served (the menu entry's permissions, read per request). */
export function intakePermissions(registry: Registry): string[] {
  const applications = [...new Set(registry.all().map((object) => object.app).filter((app) => app !== 'om'))].sort();
  return applications.length === 0 ? [NO_INTAKE] : applications.map((app) => `${app}${SUFFIX}`);
}
