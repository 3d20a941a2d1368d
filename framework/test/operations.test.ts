import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, it } from 'node:test';
import { Hono } from 'hono';
import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresDialect,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
} from 'kysely';
import pg from 'pg';
import type { Actor } from '../src/access/actor.ts';
import { loadConfig } from '../src/config/index.ts';
import type { Database, Schema } from '../src/db/index.ts';
import { createLogger } from '../src/logger.ts';
import { Veto } from '../src/model/override.ts';
import { Registry } from '../src/model/registry.ts';
import type { Runtime } from '../src/runtime.ts';
import type { AppEnv } from '../src/web/env.ts';
import {
  CONTENT_SECURITY_POLICY,
  HttpError,
  healthRoutes,
  notFound,
  onError,
  requestContext,
  securityHeaders,
  type ErrorBody,
} from '../src/web/operations/index.ts';
import { startServer } from '../src/web/server.ts';
import { describeEachDatabase } from './support/databases.ts';

// ---- a small application and its runtime -------------------------------------------------------------

type LogLine = Record<string, unknown> & { msg: string; level: string };

function capturingLogger() {
  const lines: LogLine[] = [];
  const logger = createLogger('info', { write: (text: string) => void lines.push(JSON.parse(text) as LogLine) });
  return { logger, lines };
}

/** Kysely over a driver that never hands out a connection: a database that hangs. */
function hangingKysely(): Kysely<Schema> {
  class HangingDriver extends DummyDriver {
    override acquireConnection(): Promise<DatabaseConnection> {
      return new Promise<DatabaseConnection>(() => undefined);
    }
  }
  return new Kysely<Schema>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new HangingDriver(),
      createIntrospector: (db) => new PostgresIntrospector(db),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  });
}

/** Kysely over a driver that answers every query with no rows: a database that works. */
function answeringKysely(): Kysely<Schema> {
  return new Kysely<Schema>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => new PostgresIntrospector(db),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  });
}

/** Kysely over a server that refuses connections (nothing listens on port 1). */
function unreachableKysely(): Kysely<Schema> {
  const pool = new pg.Pool({ connectionString: 'postgres://personne@127.0.0.1:1/aucune', connectionTimeoutMillis: 1000 });
  pool.on('error', () => undefined);
  return new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
}

function fakeDatabase(kysely: Kysely<Schema> = hangingKysely(), onClose: () => void = () => undefined): Database {
  return {
    kind: 'postgres',
    kysely,
    role: 'app',
    close: async () => {
      onClose();
      await kysely.destroy();
    },
  };
}

function makeRuntime(db: Database = fakeDatabase()) {
  const { logger, lines } = capturingLogger();
  const runtime: Runtime = {
    config: loadConfig({}),
    db,
    registry: new Registry(),
    logger,
    mailer: { send: async () => undefined },
  };
  return { runtime, lines };
}

const ACTOR = { login: 'agent.etatcivil' } as Actor;
const SECRET = 'select pwd from om.om_utilisateur -- relation "om_secret" does not exist';

function makeApp(runtime: Runtime) {
  const app = new Hono<AppEnv>();
  app.use(requestContext());
  app.use(securityHeaders());
  app.use(async (c, next) => {
    c.set('runtime', runtime);
    c.set('actor', c.req.header('X-Test-Actor') ? ACTOR : undefined);
    await next();
  });
  app.onError(onError);
  app.notFound(notFound);
  app.route('/', healthRoutes({ timeoutMs: 200 }));
  app.get('/ok', (c) => c.text('bonjour'));
  app.get('/boom', () => {
    throw new Error(SECRET);
  });
  app.get('/api/v1/elections/electeur/boom', () => {
    throw new Error(SECRET);
  });
  app.get('/api/v1/elections/electeur/interdit', () => {
    throw HttpError.forbidden();
  });
  app.get('/interdit', () => {
    throw HttpError.forbidden();
  });
  app.post('/api/v1/elections/electeur', () => {
    throw HttpError.validation({ nom: 'Le champ « Nom » est obligatoire.' });
  });
  app.post('/api/v1/elections/electeur/1', () => {
    throw new Veto('Électeur déjà radié.', { date_radiation: 'Date déjà saisie.' });
  });
  app.get('/lent', async (c) => {
    await sleep(Number(c.req.query('ms') ?? 300));
    return c.text('fini');
  });
  return app;
}

async function errorOf(response: Response): Promise<ErrorBody['error']> {
  assert.match(response.headers.get('Content-Type') ?? '', /application\/json/);
  return ((await response.json()) as ErrorBody).error;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const HTML = { Accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };

// ---- tests ---------------------------------------------------------------------------------------------

describe('identifiant de requête et journal', () => {
  it('donne un identifiant à chaque requête et le renvoie', async () => {
    const app = makeApp(makeRuntime().runtime);
    const first = await app.request('/ok');
    const second = await app.request('/ok');
    assert.match(first.headers.get('X-Request-Id') ?? '', UUID);
    assert.notEqual(first.headers.get('X-Request-Id'), second.headers.get('X-Request-Id'));
  });

  it('reprend un identifiant entrant sûr, remplace un identifiant douteux', async () => {
    const app = makeApp(makeRuntime().runtime);
    const kept = await app.request('/ok', { headers: { 'X-Request-Id': 'proxy-4f2a:17.3' } });
    assert.equal(kept.headers.get('X-Request-Id'), 'proxy-4f2a:17.3');
    for (const unsafe of ['<script>', 'a b', 'x'.repeat(200), 'ligne"}{"level":"fatal']) {
      const replaced = await app.request('/ok', { headers: { 'X-Request-Id': unsafe } });
      assert.match(replaced.headers.get('X-Request-Id') ?? '', UUID, unsafe);
    }
  });

  it('écrit une ligne structurée par requête', async () => {
    const { runtime, lines } = makeRuntime();
    const app = makeApp(runtime);
    const response = await app.request('/ok', { headers: { 'X-Test-Actor': '1' } });
    await app.request('/introuvable');
    const requests = lines.filter((line) => line.msg === 'requête');
    assert.equal(requests.length, 2);
    const [first, second] = requests;
    assert.equal(first!.method, 'GET');
    assert.equal(first!.path, '/ok');
    assert.equal(first!.status, 200);
    assert.equal(typeof first!.durationMs, 'number');
    assert.equal(first!.requestId, response.headers.get('X-Request-Id'));
    assert.equal(first!.actor, 'agent.etatcivil');
    assert.equal(first!.level, 'info');
    assert.equal(second!.status, 404);
    assert.equal(second!.actor, undefined);
  });

  it('journalise /health en debug seulement', async () => {
    const { runtime, lines } = makeRuntime(fakeDatabase(answeringKysely()));
    const app = makeApp(runtime);
    assert.equal((await app.request('/health')).status, 200);
    assert.equal(lines.filter((line) => line.path === '/health').length, 0);
    // A failing check is logged like any other request.
    const failing = makeRuntime(fakeDatabase(hangingKysely()));
    assert.equal((await makeApp(failing.runtime).request('/health')).status, 503);
    assert.equal(failing.lines.filter((line) => line.path === '/health' && line.status === 503).length, 1);
  });
});

describe('en-têtes de sécurité', () => {
  it('pose la politique de sécurité du contenu et les en-têtes associés', async () => {
    const app = makeApp(makeRuntime().runtime);
    const response = await app.request('/ok');
    assert.equal(
      response.headers.get('Content-Security-Policy'),
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; " +
        "base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
    );
    assert.equal(response.headers.get('Content-Security-Policy'), CONTENT_SECURITY_POLICY);
    assert.equal(response.headers.get('X-Content-Type-Options'), 'nosniff');
    assert.equal(response.headers.get('Referrer-Policy'), 'same-origin');
    assert.equal(response.headers.get('X-Frame-Options'), 'DENY');
    assert.match(response.headers.get('Permissions-Policy') ?? '', /camera=\(\)/);
    assert.equal(response.headers.get('Strict-Transport-Security'), null, 'pas de HSTS en http');
  });

  it('ajoute Strict-Transport-Security en https seulement', async () => {
    const app = makeApp(makeRuntime().runtime);
    const direct = await app.request('https://commun.example.fr/ok');
    assert.match(direct.headers.get('Strict-Transport-Security') ?? '', /max-age=\d+/);
    const proxied = await app.request('/ok', { headers: { 'X-Forwarded-Proto': 'https' } });
    assert.match(proxied.headers.get('Strict-Transport-Security') ?? '', /max-age=\d+/);
    const always = new Hono<AppEnv>().use(securityHeaders({ https: true })).get('/', (c) => c.text('ok'));
    assert.ok((await always.request('/')).headers.get('Strict-Transport-Security'));
  });

  it('pose les mêmes en-têtes sur les pages d’erreur', async () => {
    const app = makeApp(makeRuntime().runtime);
    for (const path of ['/boom', '/introuvable', '/api/v1/elections/electeur/boom']) {
      const response = await app.request(path, { headers: HTML });
      assert.equal(response.headers.get('Content-Security-Policy'), CONTENT_SECURITY_POLICY, path);
      assert.equal(response.headers.get('X-Frame-Options'), 'DENY', path);
      assert.match(response.headers.get('X-Request-Id') ?? '', UUID, path);
    }
  });

  it('laisse une route poser sa propre politique', async () => {
    const app = new Hono<AppEnv>().use(securityHeaders()).get('/visionneuse', (c) => {
      c.header('Content-Security-Policy', "default-src 'self'; frame-ancestors 'self'");
      return c.text('ok');
    });
    const response = await app.request('/visionneuse');
    assert.equal(response.headers.get('Content-Security-Policy'), "default-src 'self'; frame-ancestors 'self'");
  });
});

describe('erreurs', () => {
  it('répond à une erreur interne de l’API en JSON, sans détail, avec la référence', async () => {
    const { runtime, lines } = makeRuntime();
    const app = makeApp(runtime);
    const response = await app.request('/api/v1/elections/electeur/boom', { headers: HTML });
    assert.equal(response.status, 500);
    const text = await response.clone().text();
    assert.ok(!text.includes('om_secret') && !text.includes('select') && !text.includes('at '), text);
    const error = await errorOf(response);
    assert.equal(error.code, 'internal_error');
    assert.equal(error.message, 'Une erreur est survenue. Réessayez dans un instant ; si elle se répète, donnez sa référence à votre service informatique.');
    assert.equal(error.request_id, response.headers.get('X-Request-Id'));
    assert.equal(response.headers.get('Cache-Control'), 'no-store');
    // The log has everything, under the same reference.
    const logged = lines.find((line) => line.level === 'error');
    assert.ok(logged, 'erreur journalisée');
    assert.equal(logged.requestId, error.request_id);
    const err = logged.err as { message: string; stack: string };
    assert.equal(err.message, SECRET);
    assert.match(err.stack, /operations\.test\.ts/);
  });

  it('affiche une page française courte hors de l’API', async () => {
    const app = makeApp(makeRuntime().runtime);
    const response = await app.request('/boom', { headers: HTML });
    assert.equal(response.status, 500);
    assert.match(response.headers.get('Content-Type') ?? '', /text\/html/);
    const page = await response.text();
    const requestId = response.headers.get('X-Request-Id')!;
    assert.ok(page.startsWith('<!DOCTYPE html>'));
    assert.match(page, /<html lang="fr">/);
    assert.match(page, /<title>Une erreur est survenue — Commun<\/title>/);
    assert.match(page, /<h1>Une erreur est survenue<\/h1>/);
    assert.ok(page.includes(`Référence : <code>${requestId}</code>`), page);
    assert.ok(!page.includes('om_secret') && !page.includes('select') && !page.includes('.ts:'), page);
    assert.ok(!/<script|style=/.test(page), 'ni script ni style en ligne');
  });

  it('répond en JSON au client qui le demande', async () => {
    const app = makeApp(makeRuntime().runtime);
    const response = await app.request('/boom', { headers: { Accept: 'application/json' } });
    assert.equal(response.status, 500);
    assert.equal((await errorOf(response)).code, 'internal_error');
  });

  it('transforme une HttpError en réponse', async () => {
    const app = makeApp(makeRuntime().runtime);
    const api = await app.request('/api/v1/elections/electeur/interdit');
    assert.equal(api.status, 403);
    const forbidden = await errorOf(api);
    assert.deepEqual(forbidden, { code: 'forbidden', message: 'Droits insuffisants', request_id: api.headers.get('X-Request-Id') });

    const page = await app.request('/interdit', { headers: HTML });
    assert.equal(page.status, 403);
    assert.match(await page.text(), /<h1>Droits insuffisants<\/h1>/);

    const invalid = await app.request('/api/v1/elections/electeur', { method: 'POST' });
    assert.equal(invalid.status, 422);
    const validation = await errorOf(invalid);
    assert.equal(validation.code, 'validation_failed');
    assert.deepEqual(validation.fields, { nom: 'Le champ « Nom » est obligatoire.' });

    const vetoed = await app.request('/api/v1/elections/electeur/1', { method: 'POST' });
    assert.equal(vetoed.status, 422);
    assert.deepEqual(await errorOf(vetoed), {
      code: 'validation_failed',
      message: 'Électeur déjà radié.',
      fields: { date_radiation: 'Date déjà saisie.' },
      request_id: vetoed.headers.get('X-Request-Id'),
    });
  });

  it('construit les erreurs courantes', () => {
    const conflict = HttpError.conflict('Enregistrement modifié entre-temps.', 'stale_version');
    assert.equal(conflict.status, 409);
    assert.equal(conflict.code, 'stale_version');
    assert.equal(HttpError.notFound().message, 'Ressource introuvable.');
    assert.equal(HttpError.badRequest('Paramètre « per_page » invalide.').status, 400);
    assert.equal(new HttpError(401).code, 'unauthenticated');
  });

  it('répond 404 : JSON pour l’API, page « Page introuvable » sinon', async () => {
    const app = makeApp(makeRuntime().runtime);
    const api = await app.request('/api/v1/rien/du/tout');
    assert.equal(api.status, 404);
    const error = await errorOf(api);
    assert.equal(error.code, 'not_found');
    assert.equal(error.request_id, api.headers.get('X-Request-Id'));
    const page = await app.request('/rien', { headers: HTML });
    assert.equal(page.status, 404);
    const text = await page.text();
    assert.match(text, /<h1>Page introuvable<\/h1>/);
    assert.ok(text.includes(page.headers.get('X-Request-Id')!));
  });
});

describe('supervision', () => {
  it('répond 503 quand la base refuse les connexions', async () => {
    const app = makeApp(makeRuntime(fakeDatabase(unreachableKysely())).runtime);
    const response = await app.request('/health');
    assert.equal(response.status, 503);
    assert.deepEqual(await response.json(), { status: 'error', database: 'error' });
  });

  it('répond 503 quand la base ne répond pas à temps', async () => {
    const app = makeApp(makeRuntime(fakeDatabase(hangingKysely())).runtime);
    const started = Date.now();
    const response = await app.request('/health');
    assert.equal(response.status, 503);
    assert.ok(Date.now() - started < 2000);
  });
});

describeEachDatabase('supervision', (database) => {
  it('répond 200 quand la base répond', async () => {
    const db = database().db;
    const app = makeApp(makeRuntime({ ...db, close: async () => undefined }).runtime);
    const response = await app.request('/health');
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { status: 'ok', database: 'ok' });
    assert.equal(response.headers.get('Cache-Control'), 'no-store');
    assert.match(response.headers.get('X-Request-Id') ?? '', UUID);
  });
});

describe('serveur', () => {
  async function until(condition: () => boolean, timeoutMs = 2000) {
    const started = Date.now();
    while (!condition()) {
      if (Date.now() - started > timeoutMs) throw new Error('délai dépassé');
      await sleep(5);
    }
  }

  it('s’arrête en laissant finir les requêtes en cours, puis ferme la base', async () => {
    const events: string[] = [];
    const { runtime, lines } = makeRuntime(fakeDatabase(hangingKysely(), () => events.push('base fermée')));
    const server = await startServer(makeApp(runtime), runtime, { port: 0, handleSignals: false });
    assert.ok(server.port > 0);
    assert.ok(lines.some((line) => line.msg.includes(`http://localhost:${server.port}`)), 'adresse journalisée');

    assert.equal(await (await fetch(`${server.url}/ok`)).text(), 'bonjour');
    const slow = fetch(`${server.url}/lent?ms=400`).then(async (response) => {
      events.push('requête lente terminée');
      return { status: response.status, text: await response.text() };
    });
    await until(() => server.inFlight() === 1);
    const closed = server.close().then(() => events.push('serveur arrêté'));

    // No new connection is accepted once shutdown has begun.
    await sleep(20);
    await assert.rejects(fetch(`${server.url}/ok`, { headers: { Connection: 'close' } }));

    assert.deepEqual(await slow, { status: 200, text: 'fini' });
    await closed;
    // The client sees the end of its response after the server has finished with it, so only the
    // server-side order is fixed: the request completed (above), then the database, then the server.
    assert.deepEqual(events.filter((event) => event !== 'requête lente terminée'), ['base fermée', 'serveur arrêté']);
    assert.equal(server.inFlight(), 0);
  });

  it('interrompt les requêtes trop longues après le délai', async () => {
    const { runtime, lines } = makeRuntime();
    const server = await startServer(makeApp(runtime), runtime, { port: 0, handleSignals: false, shutdownTimeoutMs: 100 });
    const slow = fetch(`${server.url}/lent?ms=600`).then(
      () => 'terminée',
      () => 'interrompue',
    );
    await until(() => server.inFlight() === 1);
    const started = Date.now();
    await server.close();
    assert.ok(Date.now() - started < 500, 'le délai borne l’attente');
    assert.equal(await slow, 'interrompue');
    assert.ok(lines.some((line) => line.level === 'warn' && /Délai dépassé/.test(line.msg)));
  });

  it('s’arrête sur SIGTERM avec le statut 0', async () => {
    const listenersBefore = process.listenerCount('SIGTERM');
    const sigintBefore = process.listenerCount('SIGINT');
    const { runtime } = makeRuntime();
    let exitCode: number | undefined;
    const server = await startServer(makeApp(runtime), runtime, { port: 0, exit: (code) => (exitCode = code) });
    assert.equal(process.listenerCount('SIGTERM'), listenersBefore + 1);
    process.emit('SIGTERM', 'SIGTERM');
    await until(() => exitCode !== undefined);
    assert.equal(exitCode, 0);
    assert.equal(process.listenerCount('SIGTERM'), listenersBefore);
    assert.equal(process.listenerCount('SIGINT'), sigintBefore);
    await assert.rejects(fetch(`${server.url}/ok`));
  });

  it('explique en français un port déjà utilisé', async () => {
    const { runtime } = makeRuntime();
    const first = await startServer(makeApp(runtime), runtime, { port: 0, handleSignals: false });
    try {
      await assert.rejects(
        startServer(makeApp(runtime), runtime, { port: first.port, handleSignals: false }),
        /déjà utilisé/,
      );
    } finally {
      await first.close();
    }
  });
});
