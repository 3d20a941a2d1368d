/**
 * One process owns an embedded data folder: a second `commun start`, or a command that would open
 * the folder, refuses in French while the server runs (saying which process holds it and what to
 * do); a lock left by a dead process is taken over; the lock goes away when the server stops.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, test } from 'node:test';
import { DataFolderLockedError, LOCK_FILE, lockDataFolder } from '../src/db/index.ts';
import { commun } from './support/commun-process.ts';
import { copyMigratedInstance, REGISTRE_INSTANCE } from './support/instance-folder.ts';
import { COMMUN_NODE_FLAGS } from './support/node-flags.ts';

const COMMAND = fileURLToPath(new URL('../bin/commun.js', import.meta.url));
const folders: string[] = [];

function newFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'commun-lock-'));
  folders.push(folder);
  return folder;
}

after(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** The pid of a process that has ended. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
  return Number(child.stdout.trim());
}

function writeLock(folder: string, holder: { pid: number; host: string }): void {
  writeFileSync(join(folder, LOCK_FILE), JSON.stringify({ ...holder, startedAt: '2026-01-01T00:00:00.000Z', command: 'commun start' }));
}

describe('the lock of a data folder', () => {
  test('one holder at a time; released, the folder can be taken again', () => {
    const folder = newFolder();
    const lock = lockDataFolder(folder);
    const holder = JSON.parse(readFileSync(join(folder, LOCK_FILE), 'utf8')) as { pid: number; host: string };
    assert.equal(holder.pid, process.pid);
    assert.equal(holder.host, hostname());
    assert.throws(() => lockDataFolder(folder), (error: unknown) => {
      assert.ok(error instanceof DataFolderLockedError);
      assert.match(error.message, new RegExp(`déjà utilisé par un autre processus\\s+\\(pid ${process.pid}`));
      assert.match(error.message, /DATABASE_URL/);
      return true;
    });
    lock.release();
    assert.equal(existsSync(join(folder, LOCK_FILE)), false);
    lockDataFolder(folder).release();
  });

  test('a lock left by a dead process of this host is taken over', () => {
    const folder = newFolder();
    writeLock(folder, { pid: deadPid(), host: hostname() });
    const lock = lockDataFolder(folder);
    assert.equal((JSON.parse(readFileSync(join(folder, LOCK_FILE), 'utf8')) as { pid: number }).pid, process.pid);
    lock.release();
  });

  test('a lock of a living process, or of another host, stands', () => {
    const folder = newFolder();
    writeLock(folder, { pid: process.ppid, host: hostname() });
    assert.throws(() => lockDataFolder(folder), DataFolderLockedError);
    writeLock(folder, { pid: deadPid(), host: 'autre-serveur' });
    assert.throws(() => lockDataFolder(folder), /autre-serveur/);
  });
});

/** The commands run on the registre alone: the lock is the framework's, and the instance opens fastest. */
const run = (args: string[], env: Record<string, string>) =>
  commun(args, { cwd: REGISTRE_INSTANCE, env: { COMMUN_ADMIN_PASSWORD: 'Verrou-Essai-Dossier-1', ...env }, timeoutMs: 120_000 });

/** Starts `commun start` and waits for /health. */
async function startServer(dataDir: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [...COMMUN_NODE_FLAGS, COMMAND, 'start'], {
    cwd: REGISTRE_INSTANCE,
    // Without demo data: the lock is the subject, and the catalogue's demo takes seconds to load.
    env: { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'warn', COMMUN_DEMO: '0', COMMUN_DATA_DIR: dataDir, PORT: String(port), COMMUN_ADMIN_PASSWORD: 'Verrou-Essai-Dossier-1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`commun start ended (${child.exitCode}): ${errors}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) return child;
    } catch {
      // Not listening yet.
    }
    if (Date.now() - started > 120_000) {
      // A server left running would keep the test file (and the suite) waiting for ever.
      child.kill('SIGKILL');
      throw new Error('no /health within 120 s');
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function stop(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  return exited;
}

/** A new data folder, already migrated: the lock is the subject here, not the first migration (cli.test.ts). */
async function migratedFolder(): Promise<string> {
  const dataDir = join(newFolder(), 'data');
  await copyMigratedInstance(dataDir, REGISTRE_INSTANCE);
  return dataDir;
}

const lucie = ['user', 'add', 'lucie', '--nom', 'Lucie', '--email', 'lucie@mairie.fr', '--password', 'Ocean-Vague-2026-ok'];

describe('commands beside a running server [embarquée]', () => {
  const port = 20_000 + (process.pid % 10_000);
  // The second test starts again the folder the first one leaves (a start fewer than a folder each).
  let shared: string | undefined;
  const dataFolder = async () => (shared ??= await migratedFolder());

  test('a second start and a user command refuse in French; after the server stops, they work', async () => {
    const dataDir = await dataFolder();
    const server = await startServer(dataDir, port);
    try {
      // Refused at once, all three: they may ask side by side.
      const [secondStart, userAdd, migrate] = await Promise.all([
        run(['start'], { COMMUN_DATA_DIR: dataDir, PORT: String(port + 1) }),
        run(lucie, { COMMUN_DATA_DIR: dataDir }),
        run(['migrate'], { COMMUN_DATA_DIR: dataDir }),
      ]);
      assert.equal(secondStart.code, 1, secondStart.out);
      assert.match(secondStart.out, new RegExp(`déjà utilisé par un autre processus\\s+\\(pid ${server.pid} `));
      assert.match(secondStart.out, /arrêtez ce processus/);
      assert.doesNotMatch(secondStart.out, /\n\s+at /, 'no stack trace');

      assert.equal(userAdd.code, 1, userAdd.out);
      assert.match(userAdd.out, /déjà utilisé par un autre processus/);
      assert.doesNotMatch(userAdd.out, /\n\s+at /, 'no stack trace');

      assert.equal(migrate.code, 1, migrate.out);
      assert.ok((await fetch(`http://127.0.0.1:${port}/health`)).ok, 'the server still answers');
    } finally {
      assert.equal(await stop(server), 0);
    }
    assert.equal(existsSync(join(dataDir, LOCK_FILE)), false, 'the server removed its lock');
    const userAdd = await run(lucie, { COMMUN_DATA_DIR: dataDir });
    assert.equal(userAdd.code, 0, userAdd.out);
  });

  test('the folder starts again; a server killed with SIGKILL leaves a stale lock, which the next start takes over', async () => {
    const dataDir = await dataFolder();
    const server = await startServer(dataDir, port);
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGKILL');
    await exited;
    assert.equal((JSON.parse(readFileSync(join(dataDir, LOCK_FILE), 'utf8')) as { pid: number }).pid, server.pid, 'the lock stayed');
    const next = await startServer(dataDir, port);
    try {
      assert.equal((JSON.parse(readFileSync(join(dataDir, LOCK_FILE), 'utf8')) as { pid: number }).pid, next.pid);
    } finally {
      assert.equal(await stop(next), 0);
    }
  });
});

test('start and migrate print their usage with --help or -h, without opening the database', async () => {
  const dataDir = join(newFolder(), 'data');
  const usage = async (command: 'start' | 'migrate', flag: string) => ({ command, result: await run([command, flag], { COMMUN_DATA_DIR: dataDir }) });
  const [usages, unknown] = await Promise.all([
    Promise.all([usage('start', '--help'), usage('start', '-h'), usage('migrate', '--help'), usage('migrate', '-h')]),
    run(['start', '--port', '3000'], { COMMUN_DATA_DIR: dataDir }),
  ]);
  for (const { command, result } of usages) {
    assert.equal(result.code, 0, result.out);
    assert.match(result.out, new RegExp(`^Usage : commun ${command}`));
  }
  assert.equal(existsSync(dataDir), false, 'no data folder was created');
  assert.equal(unknown.code, 1);
  assert.match(unknown.out, /Option inconnue : « --port »/);
});
