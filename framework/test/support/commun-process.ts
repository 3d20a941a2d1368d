/**
 * The `commun` command as the CLI tests run it: a child node process (COMMUN_NODE_FLAGS), without
 * a server database nor an admin password unless `env` gives one, logs silent. Asynchronous, so
 * that commands independent of each other (usages, refusals) run side by side.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { adminQuery, SERVER_URL } from './databases.ts';
import { COMMUN_NODE_FLAGS } from './node-flags.ts';

const COMMAND = fileURLToPath(new URL('../../bin/commun.js', import.meta.url));

export interface CommandResult {
  /** The exit code; null when the command was killed (timeout). */
  readonly code: number | null;
  /** Its standard output, then its error output. */
  readonly out: string;
}

export interface CommandOptions {
  /** The instance folder (its commun.config.ts); the test process's own by default. */
  readonly cwd?: string;
  readonly env?: Readonly<Record<string, string>>;
  readonly timeoutMs?: number;
}

export function commun(args: readonly string[], options: CommandOptions = {}): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...COMMUN_NODE_FLAGS, COMMAND, ...args], {
      cwd: options.cwd,
      env: { ...process.env, DATABASE_URL: '', COMMUN_ADMIN_PASSWORD: '', LOG_LEVEL: 'silent', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const guard = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 180_000);
    child.once('error', (error) => {
      clearTimeout(guard);
      reject(error);
    });
    child.once('close', (code) => {
      clearTimeout(guard);
      resolve({ code, out: `${stdout}${stderr}` });
    });
  });
}

export interface EmptyServerDatabase {
  readonly url: string;
  drop(): Promise<void>;
}

/** A new database on the server with nothing in it, as `commun migrate` meets it on a new installation. */
export async function emptyServerDatabase(label: string): Promise<EmptyServerDatabase> {
  const name = `commun_${label}_${process.pid}_${Date.now().toString(36)}`;
  await adminQuery(`create database ${name}`);
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => adminQuery(`drop database if exists ${name} with (force)`) };
}
