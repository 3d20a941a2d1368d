/**
 * Import benchmark (`npm run bench:import`): a CSV of inscrits (two references given by label, a
 * unique number, a date JJ/MM/AAAA, a decimal comma) imported by `commun import … --mode
 * tout-ou-rien` — every line through the record service's rules, in batches — next to PostgreSQL's
 * `COPY` of the same rows, already clean, into the same table, in the same run. On the server and on
 * the embedded database. Target on the server: at least 0.25× COPY's rows per second, peak RSS of
 * the import under 300 MB.
 *
 *   BENCH_IMPORT_ROWS           rows of the server run (default 1,000,000)
 *   BENCH_IMPORT_EMBEDDED_ROWS  rows of the embedded run (default 1,000,000; 0 skips it)
 *   BENCH_DATABASE_URL          server (default postgres://postgres@127.0.0.1:5432/commun_bench);
 *                               the benchmark uses its own database `commun_bench_import` beside it
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { COPY_COLUMNS, writeCopyCsv, writeImportCsv } from './data/import-data.ts';
import { commun, embedded, freshServerDatabase, server, type Target } from './lib/instance.ts';
import { formatTable } from './lib/measure.ts';

const SERVER_ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 1_000_000);
const EMBEDDED_ROWS = Number(process.env.BENCH_IMPORT_EMBEDDED_ROWS ?? 1_000_000);
const BASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/commun_bench';
/** `admin`'s collectivité: the rows COPY writes belong to it, as the import's do. */
const COLLECTIVITE = 2;
const COPY_SQL = `copy banc.inscrit (${COPY_COLUMNS.join(', ')}) from stdin with (format csv, delimiter ';')`;

interface Figures {
  readonly target: string;
  readonly rows: number;
  readonly copyMs: number;
  readonly importMs: number;
  readonly startMs: number;
  readonly peakRssMb: number;
}

const fmt = (n: number) => Math.round(n).toLocaleString('fr-FR');

async function serverCopy(url: string, file: string): Promise<number> {
  const started = performance.now();
  const result = spawnSync('psql', [url, '-v', 'ON_ERROR_STOP=1', '-q', '-c', `\\${COPY_SQL.replace('from stdin', `from '${file}'`)}`], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`COPY a échoué : ${result.stderr}`);
  return performance.now() - started;
}

async function serverCount(url: string, truncate: boolean): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const rows = Number((await client.query('select count(*)::int as n from banc.inscrit')).rows[0]?.n ?? 0);
    if (truncate) await client.query('truncate banc.inscrit restart identity');
    return rows;
  } finally {
    await client.end();
  }
}

async function embeddedCopy(dataDir: string, file: string): Promise<number> {
  const db = await PGlite.create({ dataDir });
  try {
    const blob = new Blob([readFileSync(file)]);
    const started = performance.now();
    await db.query(COPY_SQL.replace('from stdin', "from '/dev/blob'"), [], { blob });
    const ms = performance.now() - started;
    await db.exec('truncate banc.inscrit restart identity');
    return ms;
  } finally {
    await db.close();
  }
}

async function embeddedCount(dataDir: string): Promise<number> {
  const db = await PGlite.create({ dataDir });
  try {
    return Number((await db.query<{ n: number }>('select count(*)::int as n from banc.inscrit')).rows[0]?.n ?? 0);
  } finally {
    await db.close();
  }
}

/** The import as an agent runs it from the command line; `startMs` is a command that only starts (migrate). */
async function runImport(target: Target, csv: string, rows: number): Promise<Pick<Figures, 'importMs' | 'startMs' | 'peakRssMb'>> {
  const start = await commun(target, ['migrate']);
  if (start.code !== 0) throw new Error(`commun migrate : ${start.stderr}`);
  const result = await commun(target, ['import', 'banc.inscrit', csv, '--mode', 'tout-ou-rien']);
  if (result.code !== 0) throw new Error(`commun import (code ${result.code}) : ${result.stderr}\n${result.stdout}`);
  process.stderr.write(`${result.stdout.trim().split('\n').slice(-3).join('\n')}\n`);
  return { importMs: result.ms, startMs: start.ms, peakRssMb: result.peakRssMb };
}

async function measure(target: Target, rows: number, folder: string, copy: (file: string) => Promise<number>, count: () => Promise<number>): Promise<Figures> {
  const csv = join(folder, `import-${rows}.csv`);
  const clean = join(folder, `copy-${rows}.csv`);
  process.stderr.write(`${target.name} : ${fmt(rows)} lignes…\n`);
  await writeImportCsv(csv, rows);
  await writeCopyCsv(clean, rows, COLLECTIVITE);
  const prepared = await commun(target, ['migrate']);
  if (prepared.code !== 0) throw new Error(`commun migrate : ${prepared.stderr}`);
  const copyMs = await copy(clean);
  const imported = await runImport(target, csv, rows);
  const written = await count();
  if (written !== rows) throw new Error(`${target.name} : ${written} lignes dans la table au lieu de ${rows}`);
  return { target: target.name, rows, copyMs, ...imported };
}

function report(figures: readonly Figures[]): void {
  const rows = figures.map((f) => {
    const importOnly = Math.max(1, f.importMs - f.startMs);
    const copyRate = (f.rows / f.copyMs) * 1000;
    const importRate = (f.rows / importOnly) * 1000;
    return [f.target, fmt(f.rows), fmt(copyRate), fmt(importRate), (importRate / copyRate).toFixed(3), (f.importMs / 1000).toFixed(1), (f.startMs / 1000).toFixed(1), fmt(f.peakRssMb)];
  });
  console.log('Import « tout ou rien » (commun import) à côté de COPY des mêmes lignes propres, dans la même table.\n');
  console.log(formatTable(['base', 'lignes', 'COPY lignes/s', 'import lignes/s', 'rapport', 'commande s', 'dont démarrage s', 'RSS max Mo'], rows));
  console.log('\nimport lignes/s : lignes ÷ (durée de la commande − durée d’une commande qui ne fait que démarrer, `commun migrate`).');
  console.log(`Charge de la machine (/proc/loadavg) : ${readFileSync('/proc/loadavg', 'utf8').trim()}`);
}

const folder = mkdtempSync(join(tmpdir(), 'commun-bench-import-'));
try {
  const figures: Figures[] = [];
  if (SERVER_ROWS > 0) {
    const url = await freshServerDatabase(BASE_URL, 'commun_bench_import');
    figures.push(await measure(server(url), SERVER_ROWS, folder, (file) => serverCopy(url, file).finally(() => serverCount(url, true)), () => serverCount(url, false)));
  }
  if (EMBEDDED_ROWS > 0) {
    const dataDir = join(folder, 'data');
    figures.push(await measure(embedded(dataDir), EMBEDDED_ROWS, folder, (file) => embeddedCopy(dataDir, file), () => embeddedCount(dataDir)));
  }
  report(figures);
} finally {
  rmSync(folder, { recursive: true, force: true });
}
