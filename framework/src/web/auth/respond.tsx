import type { Context } from 'hono';
import type { JSXNode } from 'hono/jsx';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from '../env.ts';
import { localeOf, translatorOf } from '../locale.ts';
import { MessagePage } from './pages.tsx';
import { wantsJson } from '../operations/index.ts';

/** The API, and clients that send or ask for JSON, get JSON; browsers get a page. */
export function prefersJson(c: Context): boolean {
  return wantsJson(c) || (c.req.header('Content-Type') ?? '').toLowerCase().startsWith('application/json');
}

/** A complete HTML page; never cached (it may carry a CSRF token or personal data). */
export function renderPage(c: Context, page: JSXNode | Promise<string> | string, status: ContentfulStatusCode = 200): Response {
  c.header('Cache-Control', 'no-store');
  return c.html(`<!DOCTYPE html>${String(page)}`, status);
}

/** The API's error body (same shape as the rest of the API: code for programs, message for users). */
export function jsonRefusal(c: Context<AppEnv>, status: ContentfulStatusCode, code: string, message: string, fields?: Record<string, string>) {
  const requestId = c.get('requestId') as string | undefined;
  c.header('Cache-Control', 'no-store');
  return c.json(
    { error: { code, message, ...(fields && Object.keys(fields).length > 0 ? { fields } : {}), ...(requestId ? { request_id: requestId } : {}) } },
    status,
  );
}

/** A refusal as JSON or as a short page, depending on who asks. */
export function refuse(c: Context<AppEnv>, status: ContentfulStatusCode, code: string, title: string, message: string): Response {
  if (prefersJson(c)) return jsonRefusal(c, status, code, message);
  const home = { href: '/', label: translatorOf(c)('pages.backHome') };
  return renderPage(c, <MessagePage title={title} message={message} alert link={home} locale={localeOf(c)} />, status);
}
