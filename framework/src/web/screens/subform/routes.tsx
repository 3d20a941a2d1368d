import { Hono } from 'hono';
import type { AppEnv } from '../../env.ts';

// SCAFFOLD: replaced by the helper that owns this folder.
export function subformRoutes(): Hono<AppEnv> {
  return new Hono<AppEnv>();
}
