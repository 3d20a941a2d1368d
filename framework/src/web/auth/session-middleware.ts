import type { MiddlewareHandler } from 'hono';
import { actorCache } from '../../access/actor-cache.ts';
import { authenticateBearer } from '../../access/api-tokens.ts';
import { sha256Hex } from '../../access/secrets.ts';
import { loadActor } from '../../access/load-actor.ts';
import { findSession, sessionIdOf } from '../../access/sessions.ts';
import type { AppEnv } from '../env.ts';
import { translatorOf } from '../locale.ts';
import { clearSessionCookie, readSessionCookie } from './cookies.ts';
import { jsonRefusal } from './respond.tsx';

const BEARER = /^Bearer[ ]+([^\s]+)[ ]*$/i;

/**
 * Who is acting: an `Authorization: Bearer` API token, else the session cookie, else nobody
 * (`actor` and `session` stay undefined). A request that presents a bearer token is judged on it
 * alone: the cookie is ignored, and a bad token is a 401 rather than an anonymous request. A
 * cookie whose session has ended is removed.
 */
export function sessionMiddleware(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const runtime = c.get('runtime');
    const db = runtime.db.kysely;
    c.set('actor', undefined);
    c.set('session', undefined);

    const authorization = c.req.header('Authorization');
    if (authorization !== undefined && /^Bearer\b/i.test(authorization)) {
      const token = BEARER.exec(authorization)?.[1];
      const key = token ? `token:${sha256Hex(token)}` : '';
      const actor = token ? (actorCache.get(key)?.actor ?? (await authenticateBearer(db, token))) : undefined;
      if (actor && token) actorCache.set(key, { actor });
      if (!actor) {
        c.header('WWW-Authenticate', 'Bearer error="invalid_token"');
        return jsonRefusal(c, 401, 'invalid_token', translatorOf(c)('access.invalidToken'));
      }
      c.set('actor', actor);
      return next();
    }

    const token = readSessionCookie(c);
    if (token !== undefined) {
      const key = `session:${sessionIdOf(token)}`;
      const cached = actorCache.get(key);
      if (cached?.session) {
        c.set('session', cached.session);
        c.set('actor', cached.actor);
        return next();
      }
      const session = await findSession(db, runtime.config.session, token);
      const actor = session ? await loadActor(db, session.userId, session.workingCollectivite, 'session') : undefined;
      if (session && actor) {
        const identity = { actor, session: { id: session.id, csrfToken: session.csrfToken } };
        actorCache.set(key, identity);
        c.set('session', identity.session);
        c.set('actor', actor);
      } else {
        clearSessionCookie(c);
      }
    }
    await next();
  };
}
