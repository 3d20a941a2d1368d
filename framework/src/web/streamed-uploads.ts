/**
 * Routes whose multipart body their handler reads as a stream, straight to disk (an import's CSV
 * file may weigh hundreds of megabytes). The body-size limit and the CSRF middleware leave them
 * alone: the handler checks the size as the file arrives (its own limit) and the CSRF token
 * (header, or the `_csrf` field the form puts before the file) before it keeps anything.
 */
import type { Context } from 'hono';

const STREAMED_UPLOADS: readonly RegExp[] = [
  // POST /import/:app/:name (web/imports/routes.tsx, web/imports/upload.ts).
  /^\/import\/[^/]+\/[^/]+$/,
];

export function isStreamedUpload(c: Context): boolean {
  if (c.req.method !== 'POST') return false;
  const type = (c.req.header('Content-Type') ?? '').split(';')[0]?.trim().toLowerCase();
  return type === 'multipart/form-data' && STREAMED_UPLOADS.some((route) => route.test(c.req.path));
}
