/**
 * Public results benchmark (`npm run bench:resultats`), issue 12: the public page of an election and
 * its data endpoint watched by BENCH_VIEWERS virtual viewers (default 200) while results are entered.
 *
 * `commun start` (this repository's instance: commun.config.ts) on a fresh data folder and a fresh
 * server database `commun_bench_resultats` beside BENCH_DATABASE_URL's, with the demo (Libreville,
 * 12 bureaux, two rounds). The second round is reopened (état « ouverte », set in SQL before the
 * measure: a setup step); then, for BENCH_SECONDS (default 60):
 * - each viewer loads the page once (its start spread over the first 10 s), then asks the JSON
 *   endpoint every 10 s (±10 %) with If-None-Match, as page-vivante.js does;
 * - a writer signed in as admin takes the bureaux in turn through the election-night pages:
 *   unlock (with a reason), re-enter the figures (a few votes moved between two lists), validate,
 *   a bureau every 2 s during the first two thirds of the time (then the polls get 304s).
 * Printed: latency p50/p99 of the page and of the endpoint, requests served (200 / 304 / errors),
 * the writer's operations, the server process's CPU % (utime + stime from /proc/<pid>/stat) and RSS
 * (VmRSS, mean and peak), and beside them the reference: the totals' four queries sent raw through
 * `pg` as the application role (RLS applies); the load average before and after.
 *
 *   BENCH_DATABASE_URL   server (default postgres://postgres@127.0.0.1:5432/commun_bench)
 *   BENCH_VIEWERS        virtual viewers (default 200)
 *   BENCH_SECONDS        measured seconds (default 60)
 *   BENCH_PORT           port of the instance (default 8099)
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { Client, freshServerDatabase } from './lib/instance.ts';
import { formatTable, percentile } from './lib/measure.ts';

const BASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/commun_bench';
const VIEWERS = Number(process.env.BENCH_VIEWERS ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const PORT = Number(process.env.BENCH_PORT ?? 8099);
const POLL_MS = 10_000;
const ADMIN_PASSWORD = 'Banc-Resultats-Public-1';
const COMMAND = new URL('../framework/bin/commun.js', import.meta.url).pathname;
const ROOT = new URL('..', import.meta.url).pathname;
const COLLECTIVITE = 1;
const TOUR2 = 'Municipales 2026 – second tour';
/** Clock ticks per second of /proc/<pid>/stat (USER_HZ: 100 on Linux). */
const TICKS = 100;

const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').trim();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : '–');

// ---- the server process -------------------------------------------------------------------------

function cpuTicks(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // After the command name in parentheses: state is field 3, utime 14, stime 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

function rssMb(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : 0;
}

interface Server {
  readonly pid: number;
  readonly url: string;
  stop(): Promise<void>;
}

async function startServer(databaseUrl: string, dataDir: string): Promise<Server> {
  const child = spawn(process.execPath, [COMMAND, 'start'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, COMMUN_DATA_DIR: dataDir, PORT: String(PORT), COMMUN_ADMIN_PASSWORD: ADMIN_PASSWORD, COMMUN_DEMO: '1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const url = `http://127.0.0.1:${PORT}`;
  const started = performance.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`commun start s’est arrêté (code ${child.exitCode}) : ${stderr}`);
    try {
      if ((await fetch(`${url}/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (performance.now() - started > 120_000) throw new Error('pas de réponse de /health en 120 s');
    await sleep(100);
  }
  console.log(`Instance démarrée (démonstration chargée) en ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  return {
    pid: child.pid as number,
    url,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

// ---- the election reopened ------------------------------------------------------------------------

interface BureauSaisi {
  readonly electionBureau: number;
  readonly votants: number;
  readonly blancs: number;
  readonly nuls: number;
  readonly exprimes: number;
  /** Votes by candidature key. */
  readonly voix: Map<number, number>;
}

interface Election {
  readonly election: number;
  readonly bureaux: BureauSaisi[];
}

async function reopenSecondRound(owner: pg.Client): Promise<Election> {
  const found = await owner.query<{ election: number }>('select election from resultats.election where libelle = $1 and om_collectivite = $2', [TOUR2, COLLECTIVITE]);
  const election = found.rows[0]?.election;
  if (election === undefined) throw new Error(`l’élection de démonstration « ${TOUR2} » est introuvable`);
  await owner.query(`update resultats.election set etat = 'ouverte' where election = $1`, [election]);
  const bureaux = await owner.query<{ election_bureau: number; votants: number; blancs: number; nuls: number; exprimes: number }>(
    'select election_bureau, votants, blancs, nuls, exprimes from resultats.election_bureau where election = $1 order by election_bureau',
    [election],
  );
  const voix = await owner.query<{ election_bureau: number; candidature: number; nombre: number }>(
    'select v.election_bureau, v.candidature, v.nombre from resultats.voix v join resultats.election_bureau eb using (election_bureau) where eb.election = $1',
    [election],
  );
  return {
    election,
    bureaux: bureaux.rows.map((row) => ({
      electionBureau: row.election_bureau,
      votants: row.votants,
      blancs: row.blancs,
      nuls: row.nuls,
      exprimes: row.exprimes,
      voix: new Map(voix.rows.filter((vote) => vote.election_bureau === row.election_bureau).map((vote) => [vote.candidature, vote.nombre])),
    })),
  };
}

// ---- the writer --------------------------------------------------------------------------------------

interface WriterStats {
  readonly latencies: number[];
  errors: number;
  firstError: string | undefined;
  bureaux: number;
}

async function postForm(client: Client, path: string, fields: Record<string, string>, stats: WriterStats): Promise<void> {
  const started = performance.now();
  const response = await client.fetch(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'text/html' },
    body: new URLSearchParams({ ...fields, _csrf: client.csrf }).toString(),
  });
  await response.arrayBuffer();
  stats.latencies.push(performance.now() - started);
  if (response.status !== 303) {
    stats.errors++;
    stats.firstError ??= `${path} : ${response.status}`;
  }
}

/** Unlock, re-enter (one to five votes moved from the first list to the second), validate: bureau after bureau. */
async function writer(url: string, election: Election, deadline: number, stats: WriterStats): Promise<void> {
  const client = new Client(url);
  await client.login('admin', ADMIN_PASSWORD);
  let turn = 0;
  while (performance.now() < deadline) {
    const bureau = election.bureaux[turn % election.bureaux.length] as BureauSaisi;
    const [first, second] = [...bureau.voix.keys()];
    if (first !== undefined && second !== undefined) {
      const moved = Math.min(1 + (turn % 5), bureau.voix.get(first) ?? 0);
      bureau.voix.set(first, (bureau.voix.get(first) ?? 0) - moved);
      bureau.voix.set(second, (bureau.voix.get(second) ?? 0) + moved);
    }
    const path = (action: string) => `/resultats/${action}/${bureau.electionBureau}`;
    await postForm(client, path('deverrouiller'), { motif: `Banc d’essai : nouvelle saisie n° ${turn + 1}` }, stats);
    const figures: Record<string, string> = {
      votants: String(bureau.votants),
      blancs: String(bureau.blancs),
      nuls: String(bureau.nuls),
      exprimes: String(bureau.exprimes),
    };
    for (const [candidature, nombre] of bureau.voix) figures[`voix_${candidature}`] = String(nombre);
    await postForm(client, path('saisie'), figures, stats);
    await postForm(client, path('valider'), {}, stats);
    stats.bureaux++;
    turn++;
    await sleep(2000);
  }
}

// ---- the viewers ------------------------------------------------------------------------------------

interface ViewerStats {
  readonly page: number[];
  readonly endpoint: number[];
  ok: number;
  notModified: number;
  errors: number;
  firstError: string | undefined;
}

async function viewer(url: string, election: number, deadline: number, stats: ViewerStats): Promise<void> {
  await sleep(Math.random() * POLL_MS);
  const failed = (what: string) => {
    stats.errors++;
    stats.firstError ??= what;
  };
  try {
    let started = performance.now();
    const page = await fetch(`${url}/resultats/public/${COLLECTIVITE}/${election}`, { headers: { Accept: 'text/html' }, redirect: 'manual' });
    await page.arrayBuffer();
    stats.page.push(performance.now() - started);
    if (!page.ok) failed(`page : ${page.status}`);
    let etag: string | null = null;
    while (performance.now() < deadline) {
      started = performance.now();
      const headers: Record<string, string> = { Accept: 'application/json' };
      if (etag) headers['If-None-Match'] = etag;
      const response = await fetch(`${url}/api/v1/resultats/public/${COLLECTIVITE}/${election}`, { headers, redirect: 'manual' });
      await response.arrayBuffer();
      stats.endpoint.push(performance.now() - started);
      if (response.status === 304) stats.notModified++;
      else if (response.ok) {
        stats.ok++;
        etag = response.headers.get('ETag');
      } else failed(`données : ${response.status}`);
      await sleep(POLL_MS * (0.9 + Math.random() * 0.2));
    }
  } catch (error) {
    failed(String(error));
  }
}

// ---- the reference: the totals' queries, raw ---------------------------------------------------------

const TOTALS_SQL = [
  `select election, libelle, type, to_char(date_scrutin, 'YYYY-MM-DD') as date_scrutin, tour::int as tour, premier_tour, sieges, sieges_communautaires, etat, om_collectivite
     from resultats.election where election = $1`,
  `select eb.election_bureau, b.bureau, b.code, b.libelle, eb.etat, eb.inscrits, eb.votants, eb.blancs, eb.nuls, eb.exprimes
     from resultats.election_bureau eb join resultats.bureau b on b.bureau = eb.bureau where eb.election = $1 order by b.code collate "und-x-icu", b.bureau`,
  `select v.election_bureau, v.candidature, v.nombre from resultats.voix v join resultats.election_bureau eb on eb.election_bureau = v.election_bureau where eb.election = $1`,
  `select candidature, ordre, libelle, tete_de_liste, nuance, couleur from resultats.candidature where election = $1 order by ordre`,
];

async function rawTotals(url: string, election: number, runs: number): Promise<number[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('set role commun_app');
    const samples: number[] = [];
    for (let run = 0; run < runs; run++) {
      const started = performance.now();
      await client.query('begin read only');
      await client.query(`select set_config('commun.collectivite', $1, true), set_config('commun.toutes', 'off', true)`, [String(COLLECTIVITE)]);
      for (const text of TOTALS_SQL) await client.query(text, [election]);
      await client.query('commit');
      samples.push(performance.now() - started);
    }
    return samples.sort((a, b) => a - b);
  } finally {
    await client.end();
  }
}

// ---- the run ------------------------------------------------------------------------------------------

const loadBefore = loadAverage();
const dataDir = mkdtempSync(join(tmpdir(), 'commun-bench-resultats-'));
const databaseUrl = await freshServerDatabase(BASE_URL, 'commun_bench_resultats');
const server = await startServer(databaseUrl, dataDir);
const owner = new pg.Client({ connectionString: databaseUrl });
await owner.connect();
try {
  const election = await reopenSecondRound(owner);
  const viewers: ViewerStats = { page: [], endpoint: [], ok: 0, notModified: 0, errors: 0, firstError: undefined };
  const writes: WriterStats = { latencies: [], errors: 0, firstError: undefined, bureaux: 0 };
  console.log(`${VIEWERS} spectateurs, ${SECONDS} s, élection ${election.election} (${election.bureaux.length} bureaux) ; un agent saisit pendant ce temps…`);

  const cpuSamples: number[] = [];
  const rssSamples: number[] = [];
  let lastTicks = cpuTicks(server.pid);
  let lastAt = performance.now();
  const firstTicks = lastTicks;
  const firstAt = lastAt;
  const sampler = setInterval(() => {
    const ticks = cpuTicks(server.pid);
    const now = performance.now();
    cpuSamples.push(((ticks - lastTicks) / TICKS / ((now - lastAt) / 1000)) * 100);
    rssSamples.push(rssMb(server.pid));
    lastTicks = ticks;
    lastAt = now;
  }, 1000);

  const deadline = performance.now() + SECONDS * 1000;
  // The writer stops after two thirds of the time: the last polls find nothing new (304).
  const writerDeadline = performance.now() + ((SECONDS * 2) / 3) * 1000;
  await Promise.all([writer(server.url, election, writerDeadline, writes), ...Array.from({ length: VIEWERS }, () => viewer(server.url, election.election, deadline, viewers))]);
  clearInterval(sampler);
  const cpuMean = ((cpuTicks(server.pid) - firstTicks) / TICKS / ((performance.now() - firstAt) / 1000)) * 100;

  const reference = await rawTotals(databaseUrl, election.election, 200);
  const page = [...viewers.page].sort((a, b) => a - b);
  const endpoint = [...viewers.endpoint].sort((a, b) => a - b);
  const written = [...writes.latencies].sort((a, b) => a - b);

  console.log('');
  console.log(
    formatTable(
      ['mesure', 'requêtes', 'p50 (ms)', 'p99 (ms)'],
      [
        ['page publique (une fois par spectateur)', String(page.length), ms(percentile(page, 0.5)), ms(percentile(page, 0.99))],
        ['données JSON (toutes les 10 s)', String(endpoint.length), ms(percentile(endpoint, 0.5)), ms(percentile(endpoint, 0.99))],
        ['saisie (déverrouiller, saisir, valider)', String(written.length), ms(percentile(written, 0.5)), ms(percentile(written, 0.99))],
        ['référence : requêtes des totaux en SQL brut (pg)', String(reference.length), ms(percentile(reference, 0.5)), ms(percentile(reference, 0.99))],
      ],
    ),
  );
  console.log('');
  console.log(`Données JSON : ${viewers.ok} réponses 200, ${viewers.notModified} réponses 304 ; erreurs : ${viewers.errors}${viewers.firstError ? ` (${viewers.firstError})` : ''}.`);
  console.log(`Saisie : ${writes.bureaux} bureaux ressaisis et validés ; erreurs : ${writes.errors}${writes.firstError ? ` (${writes.firstError})` : ''}.`);
  const rssPeak = Math.max(...rssSamples);
  const rssMean = rssSamples.reduce((total, value) => total + value, 0) / Math.max(1, rssSamples.length);
  console.log(
    `Processus serveur (pid ${server.pid}) : CPU ${cpuMean.toFixed(1)} % en moyenne (pointe sur 1 s : ${Math.max(...cpuSamples).toFixed(1)} %), ` +
      `RSS ${rssMean.toFixed(0)} Mo en moyenne, ${rssPeak.toFixed(0)} Mo au plus.`,
  );
  console.log(`Machine : ${cpus().length} cœur(s), Node ${process.version}.`);
  console.log(`Charge (/proc/loadavg) avant : ${loadBefore}`);
  console.log(`Charge (/proc/loadavg) après : ${loadAverage()}`);
} finally {
  await owner.end();
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
