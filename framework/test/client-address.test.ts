import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Hono } from 'hono';
import { loadConfig } from '../src/config/index.ts';
import type { Runtime } from '../src/runtime.ts';
import { clientAddress } from '../src/web/auth/client-address.ts';
import type { AppEnv } from '../src/web/env.ts';
import { loggablePath } from '../src/web/operations/request-context.ts';

function appWith(trustProxy: boolean): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const runtime = { config: { ...loadConfig({}), trustProxy } } as Runtime;
  app.use(async (c, next) => {
    c.set('runtime', runtime);
    await next();
  });
  app.get('/', (c) => c.text(clientAddress(c)));
  return app;
}

test('X-Forwarded-For is ignored unless the instance is declared behind a proxy', async () => {
  const headers = { 'X-Forwarded-For': '203.0.113.9, 198.51.100.7' };
  assert.equal(await (await appWith(false).request('/', { headers })).text(), 'inconnue');
  assert.equal(await (await appWith(true).request('/', { headers })).text(), '198.51.100.7', 'the entry the proxy added');
});

test('password-reset tokens never reach the request log', () => {
  assert.equal(loggablePath('/password/reset/abcDEF123_-'), '/password/reset/***');
  assert.equal(loggablePath('/api/v1/om/om_utilisateur'), '/api/v1/om/om_utilisateur');
});
