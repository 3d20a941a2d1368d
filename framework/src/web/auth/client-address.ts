import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { AppEnv } from '../env.ts';

/**
 * The client's address, for login throttling. `X-Forwarded-For` can be sent by anybody, so it is
 * read only when the instance is declared behind a reverse proxy (COMMUN_TRUST_PROXY), and then
 * only its last entry: the one the proxy itself added.
 */
export function clientAddress(c: Context<AppEnv>): string {
  if (c.get('runtime')?.config.trustProxy) {
    const forwarded = c.req.header('X-Forwarded-For')?.split(',').at(-1)?.trim();
    if (forwarded) return forwarded.slice(0, 64);
  }
  try {
    return getConnInfo(c).remote.address ?? 'inconnue';
  } catch {
    // No Node socket (tests calling `app.request` without bindings).
    return 'inconnue';
  }
}
