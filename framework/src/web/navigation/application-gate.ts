/**
 * Every address of an application the signed-in user's working collectivité does not use answers
 * 404, as if the application were not served: its pages and forms, exports, documents, the REST
 * API and its own JSON routes, imports, stored queries, form helpers (`applicationOfPath`). One
 * check for every route, keyed on the address, after the session middleware has found the actor.
 * An anonymous request goes on: the route asks it to sign in first.
 */
import type { MiddlewareHandler } from 'hono';
import { applicationOfPath, instanceApplicationNames, usesApplication } from '../../access/applications/index.ts';
import type { AppEnv } from '../env.ts';
import { HttpError } from '../operations/errors.tsx';

export function applicationGate(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const actor = c.get('actor');
    if (actor?.disabledApplications && actor.disabledApplications.size > 0) {
      const application = applicationOfPath(c.req.path, instanceApplicationNames(c.get('runtime')));
      if (application !== undefined && !usesApplication(actor, application)) throw new HttpError(404);
    }
    await next();
  };
}
