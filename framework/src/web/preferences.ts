/**
 * A user's choices for this browser (a working list, a default filter): small named values kept in
 * cookies `commun_pref_<name>` for a year, HttpOnly, SameSite=Lax. Not a security boundary: they
 * only preset screens (a listing's default criteria, `ScreensDeclaration.defaultCriteria`), so a
 * forged value is no more than a search the user could type. Written by a page's answer
 * (`PageRedirect.preferences`), read by pages (`PageContext.preferences`) and listings.
 */
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

const PREFIX = 'commun_pref_';
const NAME = /^[a-z][a-z0-9_]{0,49}$/;
const MAX_VALUE = 100;
const ONE_YEAR = 365 * 24 * 3600;

/** The preferences this request carries, by name; malformed ones are ignored. */
export function readPreferences(c: Context): Readonly<Record<string, string>> {
  const preferences: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [cookie, value] of Object.entries(getCookie(c))) {
    if (!cookie.startsWith(PREFIX)) continue;
    const name = cookie.slice(PREFIX.length);
    if (NAME.test(name) && value.length <= MAX_VALUE) preferences[name] = value;
  }
  return preferences;
}

/** Sets (or, with null, forgets) preferences; a bad name or a too long value is a programming error. */
export function writePreferences(c: Context, preferences: Readonly<Record<string, string | null>>): void {
  const secure = new URL(c.req.url).protocol === 'https:';
  for (const [name, value] of Object.entries(preferences)) {
    if (!NAME.test(name)) throw new Error(`nom de préférence invalide : ${name}`);
    if (value === null || value === '') {
      deleteCookie(c, `${PREFIX}${name}`, { path: '/' });
      continue;
    }
    if (value.length > MAX_VALUE) throw new Error(`préférence trop longue : ${name}`);
    setCookie(c, `${PREFIX}${name}`, value, { path: '/', httpOnly: true, sameSite: 'Lax', secure, maxAge: ONE_YEAR });
  }
}
