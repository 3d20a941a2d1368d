/**
 * Responsiveness benchmark (`npm run bench:live`): while an agent imports 100,000 lines through the
 * import page and another prints the 20,000-row PDF listing again and again, two more keep asking for
 * `/health` and for a listing page of 15 rows; their latencies are measured, idle first, then under
 * that load. `commun start` serves the benchmark application (bench/banc) on the embedded database,
 * then on the server. Target: p99 under 200 ms under load on both.
 *
 *   BENCH_LIVE_IMPORT_ROWS  lines of the import (default 100,000)
 *   BENCH_LIVE_PDF_ROWS     rows in the table before the load, printed by the PDF listing (default 20,000)
 *   BENCH_LIVE_TARGETS      `embarquee`, `serveur` or `embarquee,serveur` (default)
 *   BENCH_DATABASE_URL      server (default postgres://postgres@127.0.0.1:5432/commun_bench); the
 *                           benchmark uses its own database `commun_bench_live` beside it
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeImportCsv } from './data/import-data.ts';
import { ADMIN_PASSWORD, Client, commun, embedded, freshServerDatabase, server, startInstance, type Target } from './lib/instance.ts';
import { formatTable, percentile } from './lib/measure.ts';

const IMPORT_ROWS = Number(process.env.BENCH_LIVE_IMPORT_ROWS ?? 100_000);
const PDF_ROWS = Number(process.env.BENCH_LIVE_PDF_ROWS ?? 20_000);
const BASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/commun_bench';
const PORT = Number(process.env.BENCH_PORT ?? 8098);
/** `embarquee`, `serveur` or both (default), separated by commas. */
const TARGETS = (process.env.BENCH_LIVE_TARGETS ?? 'embarquee,serveur').split(',');
const IDLE_SECONDS = 5;
/** Pause between two requests of one sampler: a user clicking, not a load generator. */
const PAUSE_MS = 25;
const LISTING = '/banc/inscrit?per_page=15';

interface Samples {
  readonly health: number[];
  readonly listing: number[];
  errors: number;
}

interface Phase {
  readonly target: string;
  readonly phase: string;
  readonly samples: Samples;
  readonly seconds: number;
  readonly note: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Asks for `path` again and again until `until` resolves; each answer's time goes into `into`. */
async function sample(client: Client, path: string, into: number[], samples: Samples, until: Promise<unknown>): Promise<void> {
  let done = false;
  void until.finally(() => (done = true));
  while (!done) {
    const started = performance.now();
    try {
      const response = await client.fetch(path);
      await response.arrayBuffer();
      if (!response.ok) samples.errors += 1;
    } catch {
      samples.errors += 1;
    }
    into.push(performance.now() - started);
    await sleep(PAUSE_MS);
  }
}

async function sampleWhile(client: Client, until: Promise<unknown>): Promise<Samples> {
  const samples: Samples = { health: [], listing: [], errors: 0 };
  await Promise.all([sample(client, '/health', samples.health, samples, until), sample(client, LISTING, samples.listing, samples, until), until]);
  return samples;
}

/** Uploads the file through the import page, as the form does; returns the job's follow-up address. */
async function startImport(client: Client, file: string): Promise<string> {
  const form = new FormData();
  form.set('_csrf', client.csrf);
  form.set('separateur', ';');
  form.set('entete', 'on');
  form.set('mode', 'ignorer');
  form.set('fichier', new Blob([readFileSync(file)], { type: 'text/csv' }), 'inscrits.csv');
  const response = await client.fetch('/import/banc/inscrit', { method: 'POST', body: form });
  const location = response.headers.get('Location');
  if (response.status !== 303 || !location) throw new Error(`import refusé : ${response.status} ${(await response.text()).slice(0, 500)}`);
  return location;
}

/** Waits for the job to end (its follow-up fragment answers 286 once it is finished). */
async function importFinished(client: Client, follow: string): Promise<void> {
  for (;;) {
    const response = await client.fetch(follow, { headers: { 'HX-Request': 'true' } });
    const text = await response.text();
    if (response.status === 286) {
      if (/échou|erreur interne/i.test(text)) throw new Error(`import en échec : ${text.slice(0, 500)}`);
      return;
    }
    await sleep(500);
  }
}

/** Prints the PDF listing again and again until `until` resolves; returns how many were printed. */
async function printWhile(client: Client, until: Promise<unknown>): Promise<number[]> {
  let done = false;
  void until.finally(() => (done = true));
  const times: number[] = [];
  while (!done) {
    const started = performance.now();
    const response = await client.fetch('/banc/inscrit.pdf');
    const bytes = (await response.arrayBuffer()).byteLength;
    if (!response.ok || bytes < 1000) throw new Error(`PDF refusé : ${response.status}`);
    times.push(performance.now() - started);
  }
  return times;
}

async function measure(target: Target, folder: string): Promise<Phase[]> {
  const preload = join(folder, 'preload.csv');
  const load = join(folder, 'load.csv');
  await writeImportCsv(preload, PDF_ROWS, 'P');
  await writeImportCsv(load, IMPORT_ROWS, 'L');
  process.stderr.write(`${target.name} : ${PDF_ROWS.toLocaleString('fr-FR')} lignes chargées avant la mesure…\n`);
  const loaded = await commun(target, ['import', 'banc.inscrit', preload, '--mode', 'ignorer']);
  if (loaded.code !== 0) throw new Error(`chargement : ${loaded.stderr}`);
  const instance = await startInstance(target, PORT);
  try {
    const client = new Client(instance.url);
    await client.login('admin', ADMIN_PASSWORD);
    const idleStarted = performance.now();
    const idle = await sampleWhile(client, sleep(IDLE_SECONDS * 1000));
    const phases: Phase[] = [{ target: target.name, phase: 'au repos', samples: idle, seconds: (performance.now() - idleStarted) / 1000, note: '' }];
    const loadStarted = performance.now();
    const follow = await startImport(client, load);
    const imported = importFinished(client, follow);
    // fetch keeps a pool of connections: the PDF, the import's follow-up and the samplers run side by side.
    const pdfs = printWhile(client, imported);
    const busy = await sampleWhile(client, imported);
    const pdfTimes = await pdfs;
    const seconds = (performance.now() - loadStarted) / 1000;
    const pdfNote = `import ${seconds.toFixed(1)} s ; ${pdfTimes.length} PDF de ${PDF_ROWS.toLocaleString('fr-FR')} lignes (médiane ${(percentile([...pdfTimes].sort((a, b) => a - b), 0.5) / 1000).toFixed(1)} s)`;
    phases.push({ target: target.name, phase: 'import + PDF', samples: busy, seconds, note: pdfNote });
    return phases;
  } finally {
    await instance.stop();
  }
}

function row(phase: Phase, name: string, values: number[]): string[] {
  const sorted = [...values].sort((a, b) => a - b);
  const ms = (fraction: number) => percentile(sorted, fraction).toFixed(0);
  return [phase.target, phase.phase, name, String(sorted.length), ms(0.5), ms(0.95), ms(0.99), (sorted.at(-1) ?? NaN).toFixed(0)];
}

const folder = mkdtempSync(join(tmpdir(), 'commun-bench-live-'));
try {
  const phases: Phase[] = [];
  if (TARGETS.includes('embarquee')) phases.push(...(await measure(embedded(join(folder, 'data')), folder)));
  if (TARGETS.includes('serveur')) phases.push(...(await measure(server(await freshServerDatabase(BASE_URL, 'commun_bench_live')), folder)));
  console.log(`Latence pendant un import de ${IMPORT_ROWS.toLocaleString('fr-FR')} lignes et l’édition PDF de ${PDF_ROWS.toLocaleString('fr-FR')} lignes (cible : p99 < 200 ms).\n`);
  const rows = phases.flatMap((phase) => [row(phase, '/health', phase.samples.health), row(phase, 'liste de 15', phase.samples.listing)]);
  console.log(formatTable(['base', 'phase', 'requête', 'n', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms'], rows));
  for (const phase of phases) if (phase.note || phase.samples.errors) console.log(`${phase.target}, ${phase.phase} : ${phase.note}${phase.samples.errors ? ` ; ${phase.samples.errors} erreur(s)` : ''}`);
  console.log(`Charge de la machine (/proc/loadavg) : ${readFileSync('/proc/loadavg', 'utf8').trim()}`);
} finally {
  rmSync(folder, { recursive: true, force: true });
}
