/** What every application route's handler receives, built from the request; its refusals as HTTP errors. */
import type { Context } from 'hono';
import { fileStoreOf } from '../../files/store.ts';
import type { Actor } from '../../access/actor.ts';
import { readAs, readAsCollectivite } from '../../db/tenant-context.ts';
import { sql } from 'kysely';
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
    readPublic: async (collectivite, work) => {
      const unknown = () => HttpError.notFound(translatorOf(c)('appRoutes.unknownCollectivite'));
      if (!Number.isSafeInteger(collectivite) || collectivite <= 0) throw unknown();
      return readAsCollectivite(runtime.db.kysely, collectivite, async (connection) => {
        const found = await sql`select 1 from om.om_collectivite where om_collectivite = ${collectivite}`.execute(connection);
        if (found.rows.length === 0) throw unknown();
        return work(connection);
      });
    },
    fileStore: fileStoreOf(runtime),
  };
}

/** A handler's `RouteError` becomes the framework's `HttpError` (its JSON or its page); anything else is left to the error handler (a 500 without details). */
export function asHttpError(error: unknown): unknown {
  if (error instanceof RouteError) return new HttpError(error.status, undefined, error.message, error.fields);
  return error;
}
