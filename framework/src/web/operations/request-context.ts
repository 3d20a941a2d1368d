import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { Logger } from 'pino';
import type { AppEnv } from '../env.ts';

export const REQUEST_ID_HEADER = 'X-Request-Id';

/** An incoming id is kept when it cannot inject anything into a log line or a header. */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:=-]{1,128}$/;

/** The request id a proxy sent when it looks safe, else a fresh UUID. */
export function acceptRequestId(incoming: string | undefined): string {
  return incoming !== undefined && SAFE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

export interface RequestContextOptions {
  /** Used when the runtime is not (yet) in the context; otherwise `c.get('runtime').logger`. */
  logger?: Logger;
  /** Paths logged at `debug` only (probes calling every few seconds). Default: `/health`. */
  quietPaths?: readonly string[];
}

/**
 * First middleware of the application: gives every request an id (`c.get('requestId')`, returned
 * in the `X-Request-Id` header, shown on error pages) and writes one log line per request
 * once its response is known: method, path, status, duration, request id, actor's login.
 */
/** Secrets that travel in a path (password-reset links) are never written to the logs. */
export function loggablePath(path: string): string {
  return path.replace(/^(\/password\/reset\/)[^/]+/, '$1***');
}

export function requestContext(options: RequestContextOptions = {}): MiddlewareHandler<AppEnv> {
  const quiet = new Set(options.quietPaths ?? ['/health']);
  return async (c, next) => {
    const started = performance.now();
    const requestId = acceptRequestId(c.req.header(REQUEST_ID_HEADER));
    c.set('requestId', requestId);
    let failure: unknown;
    try {
      await next();
    } catch (error) {
      // Only when no error handler turned the error into a response: Node's adapter answers 500.
      failure = error ?? new Error('erreur inconnue');
      throw error;
    } finally {
      const status = failure === undefined ? c.res.status : 500;
      // `c.header` copies a response whose headers are immutable (a proxied `fetch`) before setting.
      if (failure === undefined) c.header(REQUEST_ID_HEADER, requestId);
      const logger = (c.get('runtime') as AppEnv['Variables']['runtime'] | undefined)?.logger ?? options.logger;
      if (logger) {
        if (failure !== undefined) logger.error({ requestId, err: failure }, 'Erreur non traitée');
        const line = {
          requestId,
          method: c.req.method,
          path: loggablePath(c.req.path),
          status,
          durationMs: Math.round((performance.now() - started) * 10) / 10,
          actor: c.get('actor')?.login,
        };
        // 5xx are logged with their error by the error handler; the request line stays informative.
        const level = quiet.has(c.req.path) && status < 400 ? 'debug' : 'info';
        logger[level](line, 'requête');
      }
    }
  };
}
