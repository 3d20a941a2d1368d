import type { Context, MiddlewareHandler } from 'hono';
import type { Actor } from '../../access/actor.ts';
import type { AppEnv } from '../env.ts';
import { translatorOf } from '../locale.ts';
import { jsonRefusal, prefersJson } from './respond.tsx';
import { loginUrl } from './safe-redirect.ts';

/**
 * Lets only authenticated requests through. The API gets a 401 in JSON; a page redirects to the
 * login form, which brings the user back here afterwards (htmx requests get `HX-Redirect`).
 */
export function requireActor(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.get('actor')) return next();
    if (prefersJson(c)) {
      c.header('WWW-Authenticate', 'Bearer');
      return jsonRefusal(c, 401, 'unauthenticated', translatorOf(c)('access.authenticationRequired'));
    }
    const url = new URL(c.req.url);
    const target = loginUrl(`${url.pathname}${url.search}`);
    if (c.req.header('HX-Request') === 'true') {
      c.header('HX-Redirect', target);
      return c.body(null, 401);
    }
    return c.redirect(target, 303);
  };
}

/** The actor of a request that went through `requireActor()`. */
export function signedIn(c: Context<AppEnv>): Actor {
  const actor = c.get('actor');
  if (!actor) throw new Error('signedIn() called on a route without requireActor()');
  return actor;
}
