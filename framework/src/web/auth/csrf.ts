import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { randomSecret, sameSecret } from '../../access/secrets.ts';
import type { AppEnv } from '../env.ts';
import { translatorOf } from '../locale.ts';
import { CSRF_COOKIE, cookieOptions } from './cookies.ts';
import { refuse } from './respond.tsx';
import { isStreamedUpload } from '../streamed-uploads.ts';
import { PUBLIC_ROUTE } from '../../model/app-routes.ts';

export const CSRF_FIELD = '_csrf';
export const CSRF_HEADER = 'X-CSRF-Token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];
const ANONYMOUS_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** Anonymous tokens made during this request (the cookie is only in the response yet). */
const issued = new WeakMap<Context, string>();

/**
 * The CSRF token a page embeds in its forms (field `_csrf`) or a script sends (header
 * `X-CSRF-Token`): the session's, or for an anonymous visitor a random value also set in the
 * `commun_csrf` cookie (double submit).
 */
export function csrfToken(c: Context<AppEnv>): string {
  const session = c.get('session');
  if (session) return session.csrfToken;
  const known = issued.get(c) ?? getCookie(c, CSRF_COOKIE);
  if (known !== undefined && ANONYMOUS_SHAPE.test(known)) return known;
  const token = randomSecret(32);
  issued.set(c, token);
  setCookie(c, CSRF_COOKIE, token, cookieOptions(c));
  return token;
}

/**
 * The token the request carries: the header, else the `_csrf` field of a form body. Hono keeps the
 * parsed form (`c.req.parseBody()` caches it), so handlers can read the body again.
 */
async function presentedToken(c: Context): Promise<string | undefined> {
  const header = c.req.header(CSRF_HEADER);
  if (header) return header;
  const type = (c.req.header('Content-Type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!FORM_TYPES.includes(type)) return undefined;
  try {
    const value = (await c.req.parseBody())[CSRF_FIELD];
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Every state-changing request (POST, PUT, PATCH, DELETE…) made with the session cookie must carry
 * the session's CSRF token; an anonymous one must carry the value of its `commun_csrf` cookie.
 * Requests authenticated by an API token are exempt (a browser never adds that header by itself),
 * and so is a JSON body sent without a session to a public route of an application (a computation
 * like `POST /api/v1/resultats/repartition-sieges`): there is no session to ride, and another site
 * cannot send `application/json` here without a CORS preflight, which this server never grants.
 * A refusal is a 403 and the handler does not run, so nothing changes.
 */
export function csrfMiddleware(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    // Its handler checks the token as the body streams (streamed-uploads.ts).
    if (isStreamedUpload(c)) return next();
    if (isAnonymousJsonToPublicRoute(c)) return next();
    if (!csrfAccepts(c, await presentedToken(c))) return refuseCsrf(c);
    await next();
  };
}

const isJson = (c: Context) => (c.req.header('Content-Type') ?? '').split(';')[0]?.trim().toLowerCase() === 'application/json';

/** `/api/v1/<app>/<path>` against a declared path whose `:name` segments match any one segment. */
function matchesPath(declared: string, requested: string): boolean {
  const want = declared.split('/');
  const got = requested.split('/');
  return want.length === got.length && want.every((segment, index) => segment.startsWith(':') ? (got[index] ?? '') !== '' : segment === got[index]);
}

function isAnonymousJsonToPublicRoute(c: Context<AppEnv>): boolean {
  if (c.get('session') || !isJson(c)) return false;
  return c.get('runtime').registry.apiRoutes().some(
    (route) => route.permission === PUBLIC_ROUTE && route.method === c.req.method && matchesPath(`/api/v1/${route.app}/${route.path}`, c.req.path),
  );
}

/** Whether `presented` is the token this request must carry; requests authenticated by an API token need none. */
export function csrfAccepts(c: Context<AppEnv>, presented: string | undefined): boolean {
  if (c.get('actor')?.via === 'token') return true;
  const expected = c.get('session')?.csrfToken ?? getCookie(c, CSRF_COOKIE);
  return Boolean(expected && presented && sameSecret(expected, presented));
}

/** The 403 page of a request without its CSRF token (logged). */
export function refuseCsrf(c: Context<AppEnv>): Response {
  c.get('runtime').logger.warn({ path: c.req.path, method: c.req.method }, 'requête refusée : jeton CSRF absent ou invalide');
  const tr = translatorOf(c);
  return refuse(c, 403, 'csrf', tr('pages.securityCheckTitle'), tr('access.csrfRefused'));
}
