/**
 * The messages that survive the redirect after a POST (« Vos modifications ont bien été
 * enregistrées. », then a save's warnings): kept in a short-lived cookie, shown once by the next
 * page, then removed.
 */
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../../env.ts';
import type { Message, MessageKind } from '../../layout/layout.tsx';

const FLASH_COOKIE = 'commun_flash';
const KINDS: readonly MessageKind[] = ['success', 'info', 'warning', 'error'];
const MAX_TEXT = 500;
/** A cookie holds about 4 KB: the texts together stay well under it once encoded. */
const MAX_TOTAL_TEXT = 1200;

const secure = (c: Context<AppEnv>) => c.get('runtime').config.baseUrl.startsWith('https://');

export function setFlash(c: Context<AppEnv>, messages: Message | readonly Message[]): void {
  const kept: { kind: MessageKind; text: string }[] = [];
  let room = MAX_TOTAL_TEXT;
  for (const message of Array.isArray(messages) ? (messages as readonly Message[]) : [messages as Message]) {
    const text = message.text.slice(0, Math.min(MAX_TEXT, room));
    if (text === '') break;
    kept.push({ kind: message.kind, text });
    room -= text.length;
  }
  const value = Buffer.from(JSON.stringify(kept)).toString('base64url');
  setCookie(c, FLASH_COOKIE, value, { path: '/', httpOnly: true, sameSite: 'Lax', secure: secure(c), maxAge: 60 });
}

const messageOf = (raw: unknown): Message | undefined => {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const { kind: rawKind, text } = raw as { kind?: unknown; text?: unknown };
  const kind = KINDS.find((candidate) => candidate === rawKind);
  return kind && typeof text === 'string' && text !== '' ? { kind, text: text.slice(0, MAX_TEXT) } : undefined;
};

/** The pending messages, in order; they are removed so that a reload does not show them again. */
export function takeFlashMessages(c: Context<AppEnv>): Message[] {
  const raw = getCookie(c, FLASH_COOKIE);
  if (raw === undefined) return [];
  deleteCookie(c, FLASH_COOKIE, { path: '/', secure: secure(c) });
  try {
    const parsed: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    // One object: a cookie set before messages were a list.
    const items: unknown[] = Array.isArray(parsed) ? parsed : [parsed];
    return items.slice(0, 10).flatMap((item) => messageOf(item) ?? []);
  } catch {
    return [];
  }
}

/** The first pending message (a page that shows one notice only, as the login page). */
export function takeFlash(c: Context<AppEnv>): Message | undefined {
  return takeFlashMessages(c)[0];
}
