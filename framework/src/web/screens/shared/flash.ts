/**
 * A message that survives the redirect after a POST (« Vos modifications ont bien été
 * enregistrées. »): kept in a short-lived cookie, shown once by the next page, then removed.
 */
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../../env.ts';
import type { Message, MessageKind } from '../../layout/layout.tsx';

const FLASH_COOKIE = 'commun_flash';
const KINDS: readonly MessageKind[] = ['success', 'info', 'warning', 'error'];
const MAX_TEXT = 500;

const secure = (c: Context<AppEnv>) => c.get('runtime').config.baseUrl.startsWith('https://');

export function setFlash(c: Context<AppEnv>, message: Message): void {
  const value = Buffer.from(JSON.stringify({ kind: message.kind, text: message.text.slice(0, MAX_TEXT) })).toString('base64url');
  setCookie(c, FLASH_COOKIE, value, { path: '/', httpOnly: true, sameSite: 'Lax', secure: secure(c), maxAge: 60 });
}

/** The pending message, if any; it is removed so that a reload does not show it again. */
export function takeFlash(c: Context<AppEnv>): Message | undefined {
  const raw = getCookie(c, FLASH_COOKIE);
  if (raw === undefined) return undefined;
  deleteCookie(c, FLASH_COOKIE, { path: '/', secure: secure(c) });
  try {
    const parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as { kind?: unknown; text?: unknown };
    const kind = KINDS.find((candidate) => candidate === parsed.kind);
    if (!kind || typeof parsed.text !== 'string' || parsed.text === '') return undefined;
    return { kind, text: parsed.text.slice(0, MAX_TEXT) };
  } catch {
    return undefined;
  }
}
