import { Hono } from 'hono';
import { sql } from 'kysely';
import type { Runtime } from '../../runtime.ts';
import type { AppEnv } from '../env.ts';

export interface HealthReport {
  status: 'ok' | 'error';
  database: 'ok' | 'error';
}

/** The database answers `select 1` within `timeoutMs`. */
export async function checkHealth(runtime: Runtime, timeoutMs = 5000): Promise<HealthReport> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`la base ne répond pas après ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([sql`select 1`.execute(runtime.db.kysely), timeout]);
    return { status: 'ok', database: 'ok' };
  } catch (error) {
    runtime.logger.error({ err: error }, 'Supervision : la base de données ne répond pas');
    return { status: 'error', database: 'error' };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * `GET /health`, for load balancers and supervision: no authentication, no session, never cached.
 * 200 `{ status: 'ok', database: 'ok' }`, or 503 when the database does not answer.
 * Mount with `app.route('/', healthRoutes())` after the middleware that sets `runtime`.
 */
export function healthRoutes(options: { timeoutMs?: number } = {}): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.get('/health', async (c) => {
    const report = await checkHealth(c.get('runtime'), options.timeoutMs);
    c.header('Cache-Control', 'no-store');
    return c.json(report, report.status === 'ok' ? 200 : 503);
  });
  return routes;
}
