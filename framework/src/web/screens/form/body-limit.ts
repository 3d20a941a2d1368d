/**
 * The size limit of request bodies: forms with files (multipart) may reach the instance's upload
 * limit (`COMMUN_UPLOAD_REQUEST_MAX_BYTES`); every other body stays small. Streamed uploads (an
 * import's file) have their own limit, checked by their handler.
 */
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../../env.ts';
import { isStreamedUpload } from '../../streamed-uploads.ts';

export function uploadAwareBodyLimit(options: { maxBytes: number; multipartMaxBytes: number; onError: () => never }): MiddlewareHandler<AppEnv> {
  const small = bodyLimit({ maxSize: options.maxBytes, onError: options.onError });
  const large = bodyLimit({ maxSize: Math.max(options.maxBytes, options.multipartMaxBytes), onError: options.onError });
  return (c, next) => {
    // Checked by its handler against its own limit, as the file streams to disk.
    if (isStreamedUpload(c)) return next();
    const type = (c.req.header('Content-Type') ?? '').split(';')[0]?.trim().toLowerCase();
    return type === 'multipart/form-data' ? large(c, next) : small(c, next);
  };
}
