/** What every application route's handler receives, built from the request; its refusals as HTTP errors. */
import type { Context } from 'hono';
import type { Actor } from '../../access/actor.ts';
import { readAs } from '../../db/tenant-context.ts';
import { RouteError, type RouteContext } from '../../model/app-routes.ts';
import type { AppEnv } from '../env.ts';
import { localeOf, translatorOf } from '../locale.ts';
import { HttpError } from '../operations/index.ts';

/** The context of a route: `actor` is the signed-in user (always there once the route's guard passed, unless it is public). */
export function routeContext<A extends Actor | undefined>(c: Context<AppEnv>, app: string, actor: A): RouteContext<A> {
  const runtime = c.get('runtime');
  return {
    app,
    actor,
    params: c.req.param() as Record<string, string>,
    query: new URL(c.req.url).searchParams,
    locale: localeOf(c),
    requestId: c.get('requestId'),
    read: async (work) => {
      if (!actor) throw HttpError.unauthorized(translatorOf(c)('appRoutes.signInToRead'));
      return readAs(runtime.db.kysely, actor, work);
    },
  };
}

/** A handler's `RouteError` becomes the framework's `HttpError` (its JSON or its page); anything else is left to the error handler (a 500 without details). */
export function asHttpError(error: unknown): unknown {
  if (error instanceof RouteError) return new HttpError(error.status, undefined, error.message, error.fields);
  return error;
}
