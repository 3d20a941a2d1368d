/**
 * Start-up benchmark (`npm run bench:start`): time from `commun start` to the first successful
 * `GET /health`, on a new embedded database (creation, migrations, initial data) and then on the
 * same folder again (later starts). Targets: first start under 10 s, later starts under 3 s.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatTable } from './lib/measure.ts';

const COMMAND = new URL('../framework/bin/commun.js', import.meta.url).pathname;
const PORT = Number(process.env.BENCH_PORT ?? 8097);
const LATER_STARTS = 3;

async function healthy(): Promise<boolean> {
  try {
    return (await fetch(`http://127.0.0.1:${PORT}/health`)).ok;
  } catch {
    return false;
  }
}

/** Starts the server, waits for /health, stops it with SIGTERM; returns the start time in ms. */
async function timeStart(dataDir: string): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, [COMMAND, 'start'], {
    env: { ...process.env, COMMUN_DATA_DIR: dataDir, PORT: String(PORT), DATABASE_URL: '', COMMUN_ADMIN_PASSWORD: 'Banc-Essai-Demarrage-1', LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`commun start s’est arrêté (code ${child.exitCode})`);
      if (await healthy()) return performance.now() - started;
      if (performance.now() - started > 60_000) throw new Error('pas de réponse de /health en 60 s');
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

/** The load average (1, 5, 15 min): a busy machine starts slower, so it goes beside the figures. */
function loadAverage(): string {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  } catch {
    return 'inconnue';
  }
}

const folder = mkdtempSync(join(tmpdir(), 'commun-bench-start-'));
const loadBefore = loadAverage();
try {
  const rows: string[][] = [];
  const first = await timeStart(join(folder, 'data'));
  rows.push(['premier démarrage (base créée)', (first / 1000).toFixed(2), '10']);
  for (let index = 1; index <= LATER_STARTS; index++) {
    rows.push([`démarrage suivant n° ${index}`, ((await timeStart(join(folder, 'data'))) / 1000).toFixed(2), '3']);
  }
  console.log('Base embarquée : délai entre `commun start` et la première réponse de /health.\n');
  console.log(formatTable(['cas', 'secondes', 'cible (s)'], rows));
  console.log(`\nMachine : ${cpus().length} cœur(s), Node ${process.version} ; charge moyenne (1, 5, 15 min) avant : ${loadBefore}, après : ${loadAverage()}.`);
} finally {
  rmSync(folder, { recursive: true, force: true });
}
