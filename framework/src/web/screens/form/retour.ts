/**
 * « Retour »: where the user came from (the listing with its search and page), passed as the
 * `retour` query parameter or the `_retour` form field. Only a path of this site is followed.
 */
import type { Context } from 'hono';
import type { RegisteredObject } from '../../../model/registry.ts';
import type { AppEnv } from '../../env.ts';
import { listUrl } from '../shared/index.ts';

export const RETOUR_PARAM = 'retour';
export const RETOUR_FIELD = '_retour';

/** A local path (`/…`, not `//…` nor `/\…`), else undefined. */
export function safeReturn(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > 2000) return undefined;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return undefined;
  if (/[\u0000-\u001f\u007f]/.test(value)) return undefined;
  return value;
}

/** The return path the request carries (query string, then form field). */
export function returnOf(c: Context<AppEnv>, body?: Readonly<Record<string, unknown>>): string | undefined {
  return safeReturn(c.req.query(RETOUR_PARAM)) ?? safeReturn(body?.[RETOUR_FIELD]);
}

/** `path?retour=…` when there is a return path to carry along. */
export function withReturn(path: string, retour: string | undefined): string {
  if (!retour) return path;
  return `${path}${path.includes('?') ? '&' : '?'}${new URLSearchParams({ [RETOUR_PARAM]: retour }).toString()}`;
}

/** The return path worth carrying in a URL: none when it is the object's plain listing (the default). */
export const carried = (object: RegisteredObject, retour: string): string | undefined => (retour === listUrl(object) ? undefined : retour);
