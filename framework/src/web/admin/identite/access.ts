/**
 * Who may use « Connexion fédérée »: account administrators (`om_utilisateur`). Providers belong to
 * the whole instance, so only those of the niveau-2 collectivité change them; SIRETs and accepted
 * agents are scoped to the administrator's collectivité otherwise.
 */
import type { Context } from 'hono';
import type { Actor } from '../../../access/actor.ts';
import { holds } from '../../../access/permissions.ts';
import type { AppEnv } from '../../env.ts';
import { HttpError } from '../../operations/errors.tsx';
import { actorOf } from '../../screens/shared/index.ts';
import { IDENTITE_PERMISSION } from './paths.ts';

export function accountAdministrator(c: Context<AppEnv>): Actor {
  const actor = actorOf(c);
  if (!holds(actor, IDENTITE_PERMISSION)) throw HttpError.forbidden();
  return actor;
}

export const isInstanceAdministrator = (actor: Actor) => holds(actor, IDENTITE_PERMISSION) && actor.niveau === '2';

export function instanceAdministrator(c: Context<AppEnv>): Actor {
  const actor = accountAdministrator(c);
  if (actor.niveau !== '2') throw HttpError.forbidden();
  return actor;
}

/** A positive integer from a route or form parameter, or undefined. */
export function idOf(value: string | undefined): number | undefined {
  if (!value || !/^[0-9]{1,9}$/.test(value)) return undefined;
  const id = Number(value);
  return id > 0 ? id : undefined;
}
