/**
 * The HTTP API over the benchmark database: the application (same middlewares as `commun start`)
 * serves in this process; autocannon loads it from another process, so that client and server do
 * not share a core.
 */
import { spawn } from 'node:child_process';
import { sql } from 'kysely';
import { SYSTEM_ACTOR } from '../framework/src/access/actor.ts';
import { createApiToken } from '../framework/src/access/api-tokens.ts';
import { hashPassword } from '../framework/src/access/passwords.ts';
import { loadConfig } from '../framework/src/config/index.ts';
import { writeAs } from '../framework/src/db/tenant-context.ts';
import { createLogger } from '../framework/src/logger.ts';
import type { Runtime } from '../framework/src/runtime.ts';
import { createApp } from '../framework/src/web/app.tsx';
import { startServer } from '../framework/src/web/server.ts';
import { COLLECTIVITE, type ListingCase } from './cases.ts';
import type { BenchService } from './service.ts';

const AUTOCANNON = new URL('../node_modules/autocannon/autocannon.js', import.meta.url).pathname;

export interface BenchApi {
  /** `GET /api/v1/bench/personne?…` for the case, with 10 connections for `seconds`: requests per second. */
  throughput(benchCase: ListingCase, seconds: number, connections: number): Promise<number>;
  /**
   * `GET /bench/personne?…` (the listing page, whole HTML, default total as a user gets it)
   * through the application in this process, with the same API token: one answer's time.
   */
  page(benchCase: ListingCase): () => Promise<void>;
  close(): Promise<void>;
}

/** A user of Libreville allowed to list `personne` (`bench.personne`), and a personal API token of theirs. */
async function benchToken(service: BenchService): Promise<string> {
  const db = service.deps.db.kysely;
  const userId = await writeAs(db, SYSTEM_ACTOR, async (trx) => {
    await sql`insert into om.om_droit (libelle, om_profil) select 'bench.personne', om_profil from om.om_profil
      where libelle = 'UTILISATEUR' on conflict do nothing`.execute(trx);
    const existing = await sql<{ id: number }>`select om_utilisateur as id from om.om_utilisateur where login = 'banc.essai'`.execute(trx);
    if (existing.rows[0]) return existing.rows[0].id;
    const created = await sql<{ id: number }>`insert into om.om_utilisateur (nom, email, login, pwd, om_collectivite, om_profil)
      select 'Banc d''essai', 'banc@example.org', 'banc.essai', ${await hashPassword('Banc-Essai-Libreville-1')}, ${COLLECTIVITE}, om_profil
        from om.om_profil where libelle = 'UTILISATEUR' returning om_utilisateur as id`.execute(trx);
    return (created.rows[0] as { id: number }).id;
  });
  return (await createApiToken(db, userId, 'banc d’essai', null)).token;
}

function queryOf(benchCase: ListingCase): string {
  const { page, perPage, sort, q, col, count } = benchCase.request;
  const query = new URLSearchParams({ page: String(page), per_page: String(perPage) });
  if (sort) query.set('sort', sort);
  if (q) query.set('q', q);
  if (col) query.set('col', col);
  if (count) query.set('count', count);
  return query.toString();
}

/** The listing page's query for the case: what a user's links carry (no `count`: the page's default total). */
function pageQueryOf(benchCase: ListingCase): string {
  const { page, perPage, sort, q, col } = benchCase.request;
  const query = new URLSearchParams();
  if (q) query.set('q', q);
  if (col) query.set('col', col);
  if (sort) query.set('sort', sort);
  if (page > 1) query.set('page', String(page));
  if (perPage !== 15) query.set('per_page', String(perPage));
  return query.toString();
}

function autocannon(url: string, token: string, seconds: number, connections: number): Promise<{ average: number; non2xx: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [AUTOCANNON, '--json', '-c', String(connections), '-d', String(seconds), '-H', `Authorization=Bearer ${token}`, url],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`autocannon s’est arrêté (code ${code})`));
      const result = JSON.parse(output) as { requests: { average: number }; non2xx: number };
      resolve({ average: result.requests.average, non2xx: result.non2xx });
    });
  });
}


export async function openBenchApi(service: BenchService): Promise<BenchApi> {
  const token = await benchToken(service);
  const runtime: Runtime = {
    config: { ...loadConfig({}), logLevel: 'silent' },
    // The service layer owns the connections: stopping the server must not close them.
    db: { ...service.deps.db, close: async () => undefined },
    registry: service.deps.registry,
    logger: createLogger('silent'),
    mailer: { send: async () => undefined },
  };
  const app = createApp(runtime);
  const server = await startServer(app, runtime, { port: 0, handleSignals: false });
  const pageHeaders = { Authorization: `Bearer ${token}`, Accept: 'text/html' };
  return {
    page(benchCase) {
      const url = `http://bench.local/bench/personne?${pageQueryOf(benchCase)}`;
      return async () => {
        const response = await app.request(url, { headers: pageHeaders });
        const html = await response.text();
        if (response.status !== 200 || !html.includes('enregistrement(s) sur')) {
          throw new Error(`page HTML : ${response.status} ${html.slice(0, 300)}`);
        }
      };
    },
    async throughput(benchCase, seconds, connections) {
      const url = `${server.url}/api/v1/bench/personne?${queryOf(benchCase)}`;
      const check = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
      if (check.status !== 200) throw new Error(`API : ${check.status} ${await check.text()}`);
      const result = await autocannon(url, token, seconds, connections);
      if (result.non2xx > 0) throw new Error(`API : ${result.non2xx} réponses en erreur`);
      return result.average;
    },
    close: () => server.close(),
  };
}
