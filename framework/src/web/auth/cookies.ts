import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { CookieOptions } from 'hono/utils/cookie';

/** The session cookie: a random token whose SHA-256 is the `om_session` key. */
export const SESSION_COOKIE = 'commun_session';
/** Anonymous forms (login, forgotten password, reset): double-submit CSRF cookie. */
export const CSRF_COOKIE = 'commun_csrf';

/** Secure cookies when the browser talks https (directly, or to a proxy that says so). */
export function isHttps(c: Context): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  return c.req.header('X-Forwarded-Proto')?.split(',')[0]?.trim().toLowerCase() === 'https';
}

/** HttpOnly, SameSite=Lax, Path=/, Secure on https; no Max-Age: it ends with the browser, the server ends it sooner. */
export function cookieOptions(c: Context): CookieOptions {
  return { httpOnly: true, sameSite: 'Lax', path: '/', secure: isHttps(c) };
}

export const readSessionCookie = (c: Context) => getCookie(c, SESSION_COOKIE);
export const setSessionCookie = (c: Context, token: string) => setCookie(c, SESSION_COOKIE, token, cookieOptions(c));
export const clearSessionCookie = (c: Context) => void deleteCookie(c, SESSION_COOKIE, cookieOptions(c));
