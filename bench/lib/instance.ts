/**
 * A Commun instance of the benchmark application (`bench/banc`) run as a user runs it: `commun`
 * commands in child processes, on the embedded database (a folder) or on a server database, and a
 * signed-in HTTP client for `commun start`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import pg from 'pg';

const COMMAND = new URL('../../framework/bin/commun.js', import.meta.url).pathname;
export const BANC_DIR = new URL('../banc/', import.meta.url).pathname;
export const ADMIN_PASSWORD = 'Banc-Essai-Traitements-1';

export interface Target {
  readonly name: 'embarquée' | 'serveur';
  /** `COMMUN_DATA_DIR` or `DATABASE_URL`, as the instance reads them. */
  readonly env: Readonly<Record<string, string>>;
}

export const embedded = (dataDir: string): Target => ({ name: 'embarquée', env: { COMMUN_DATA_DIR: dataDir, DATABASE_URL: '' } });
export const server = (url: string): Target => ({ name: 'serveur', env: { DATABASE_URL: url } });

function environment(target: Target, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, COMMUN_ADMIN_PASSWORD: ADMIN_PASSWORD, COMMUN_DEMO: '0', LOG_LEVEL: 'warn', ...target.env, ...extra };
}

export interface CommandResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
  /** Peak resident memory of the command (VmHWM read from /proc while it ran), in MB. */
  readonly peakRssMb: number;
}

export function peakRss(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /VmHWM:\s+(\d+) kB/.exec(status);
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** Runs `commun <args>` in the benchmark application's folder and waits for it. */
export async function commun(target: Target, args: readonly string[], extra: Record<string, string> = {}): Promise<CommandResult> {
  const started = performance.now();
  const child = spawn(process.execPath, [COMMAND, ...args], { cwd: BANC_DIR, env: environment(target, extra), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let peak = 0;
  // The peak is read while the process lives (its /proc entry goes with it).
  const sampler = setInterval(() => (peak = Math.max(peak, peakRss(child.pid))), 100);
  const code = await new Promise<number | null>((resolve) => child.on('exit', (exit) => resolve(exit)));
  clearInterval(sampler);
  return { code, stdout, stderr, ms: performance.now() - started, peakRssMb: peak };
}

/** Creates (or empties) a server database for a benchmark. */
export async function freshServerDatabase(baseUrl: string, name: string): Promise<string> {
  const maintenance = new URL(baseUrl);
  maintenance.pathname = '/postgres';
  const client = new pg.Client({ connectionString: maintenance.toString() });
  await client.connect();
  try {
    await client.query(`drop database if exists ${pg.escapeIdentifier(name)} with (force)`);
    await client.query(`create database ${pg.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** `commun start` on the target, up when /health answers. */
export interface RunningInstance {
  readonly url: string;
  stop(): Promise<void>;
}

/** Node options for the server only (`BENCH_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof'` to see where its time goes). */
const serverNodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter((arg) => arg !== '');

export async function startInstance(target: Target, port: number): Promise<RunningInstance> {
  const child: ChildProcess = spawn(process.execPath, [...serverNodeArgs, COMMAND, 'start'], { cwd: BANC_DIR, env: environment(target, { PORT: String(port) }), stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`commun start s’est arrêté (code ${child.exitCode}) : ${stderr}`);
    try {
      if ((await fetch(`${url}/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (performance.now() - started > 120_000) throw new Error('pas de réponse de /health en 120 s');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** A browser-like client: keeps the session cookie and the CSRF token. */
export class Client {
  #cookies = new Map<string, string>();
  #csrf = '';
  constructor(readonly base: string) {}

  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.#cookies.size > 0) headers.set('Cookie', [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; '));
    if (this.#csrf && init.method && init.method !== 'GET') headers.set('X-CSRF-Token', this.#csrf);
    const response = await fetch(`${this.base}${path}`, { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const cut = pair.indexOf('=');
      this.#cookies.set(pair.slice(0, cut).trim(), pair.slice(cut + 1).trim());
    }
    return response;
  }

  async login(login: string, password: string): Promise<void> {
    this.#csrf = ((await (await this.fetch('/api/v1/csrf')).json()) as { csrfToken: string }).csrfToken;
    const response = await this.fetch('/api/v1/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ login, password }),
    });
    if (!response.ok) throw new Error(`connexion refusée : ${response.status} ${await response.text()}`);
    this.#csrf = ((await (await this.fetch('/api/v1/csrf')).json()) as { csrfToken: string }).csrfToken;
  }

  get csrf(): string {
    return this.#csrf;
  }
}
