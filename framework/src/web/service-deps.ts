import type { Context } from 'hono';
import { fileStoreOf } from '../files/store.ts';
import type { ReadDeps } from '../records/index.ts';
import type { AppEnv } from './env.ts';
import { localeOf } from './locale.ts';

/** What the record service needs for a request: the runtime's database, objects and services, the request's language. */
export function serviceDeps(c: Context<AppEnv>): ReadDeps {
  const runtime = c.get('runtime');
  const locale = localeOf(c);
  return {
    db: runtime.db,
    registry: runtime.registry,
    locale,
    exactCountLimit: runtime.config.exactCountLimit,
    exactCountTimeoutMs: runtime.config.exactCountTimeoutMs,
    files: fileStoreOf(runtime),
    services: { mailer: runtime.mailer, logger: runtime.logger, baseUrl: runtime.config.baseUrl, locale },
  };
}
