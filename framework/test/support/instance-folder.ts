/**
 * An embedded data folder of an instance as `commun migrate` leaves it: every migration applied,
 * referentials and demo data loaded, `admin` created. The instance is this repository's
 * (`commun.config.ts`, six applications) or the registre alone (REGISTRE_INSTANCE), whose
 * commands open much faster on the embedded database (no PostGIS, a smaller folder).
 *
 * The CLI tests need such a folder to run their commands on; building one costs a whole
 * `commun migrate` on PGlite (six applications, PostGIS, the communes, the demo), which used to
 * be paid again by every test file. It is built once per content of what it depends on, in the
 * system's temporary folder, by the first test process that asks (the others wait for it), and
 * each test gets its own copy.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isAlive } from '../../src/db/data-folder-lock.ts';
import { COMMUN_NODE_FLAGS } from './node-flags.ts';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
/** The repository's instance: the folder of `commun.config.ts` (six applications). */
export const REPOSITORY_INSTANCE = ROOT;
/** An instance serving the registre alone: run `commun` with this working directory. */
export const REGISTRE_INSTANCE = join(ROOT, 'framework/test/fixtures/instance-registre');
const COMMAND = join(ROOT, 'framework/bin/commun.js');
const TEMPLATES = join(tmpdir(), 'commun-test-templates');
/** The password of `admin` in the copies (the template's `commun migrate` was given it). */
export const INSTANCE_ADMIN_PASSWORD = 'Mot-de-passe-Admin-2026';
/** A template older than this, of another content, is debris of an earlier checkout. */
const STALE_TEMPLATE_MS = 60 * 60 * 1000;

/** Files (recursively) under `path`, or `path` itself. */
function filesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { recursive: true })
    .map((name) => join(path, String(name)))
    .filter((file) => statSync(file).isFile())
    .sort();
}

/** What `commun migrate` of the instance depends on: migrations, applications' declarations, referentials, demo data, bootstrap. */
function templateKey(instance: string): string {
  const apps = readdirSync(join(ROOT, 'apps')).sort();
  const inputs = [
    relative(ROOT, join(instance, 'commun.config.ts')),
    'framework/migrations',
    'framework/src/bootstrap.ts',
    'framework/src/referentials',
    ...apps.flatMap((app) => [`apps/${app}/migrations`, `apps/${app}/src/index.ts`, `apps/${app}/src/demo.ts`, `apps/${app}/src/referentiels`, `apps/${app}/demo`]),
  ];
  const hash = createHash('sha256').update(`${relative(ROOT, instance)}\n`);
  for (const input of inputs) {
    for (const file of filesUnder(join(ROOT, input))) hash.update(`${relative(ROOT, file)}\n`).update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 16);
}

/** Takes the builder's lock (a file holding our pid); a lock of a dead process is taken over. */
function tryLock(path: string): boolean {
  try {
    writeFileSync(path, String(process.pid), { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const holder = Number(readFileSync(path, 'utf8') || NaN);
  if (Number.isInteger(holder) && isAlive(holder)) return false;
  // Unreadable yet (being written) or left by a dead builder: the next round decides.
  if (!Number.isInteger(holder) && Date.now() - statSync(path).mtimeMs < 5_000) return false;
  unlinkSync(path);
  return false;
}

function runMigrate(instance: string, dataDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...COMMUN_NODE_FLAGS, COMMAND, 'migrate'], {
      cwd: instance,
      env: { ...process.env, DATABASE_URL: '', COMMUN_DATA_DIR: dataDir, COMMUN_ADMIN_PASSWORD: INSTANCE_ADMIN_PASSWORD, LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    // A migration that hangs would keep every test waiting for the template: ten minutes at most.
    const guard = setTimeout(() => child.kill('SIGKILL'), 600_000);
    child.once('error', reject);
    child.once('exit', (code) => {
      clearTimeout(guard);
      if (code === 0) resolve();
      else reject(new Error(`commun migrate (template of the instance) ended with ${code}:\n${output}`));
    });
  });
}

async function build(instance: string, template: string): Promise<void> {
  const building = `${template}.building-${process.pid}`;
  rmSync(building, { recursive: true, force: true });
  try {
    await runMigrate(instance, building);
    renameSync(building, template);
  } finally {
    rmSync(building, { recursive: true, force: true });
  }
  for (const name of readdirSync(TEMPLATES)) {
    const path = join(TEMPLATES, name);
    try {
      if (name.startsWith('instance-') && path !== template && Date.now() - statSync(path).mtimeMs > STALE_TEMPLATE_MS) {
        rmSync(path, { recursive: true, force: true });
      }
    } catch {
      // Removed meanwhile by another test process.
    }
  }
}

const ready = new Map<string, Promise<string>>();

async function instanceTemplate(instance: string): Promise<string> {
  mkdirSync(TEMPLATES, { recursive: true });
  const template = join(TEMPLATES, `instance-${templateKey(instance)}`);
  const lock = `${template}.lock`;
  while (!existsSync(template)) {
    if (tryLock(lock)) {
      try {
        if (!existsSync(template)) await build(instance, template);
      } finally {
        rmSync(lock, { force: true });
      }
    } else {
      // Another test process is building it (a minute or two): look again shortly.
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  return template;
}

/**
 * Fills `dataDir` (absent or empty) with a copy of the migrated `instance` (the repository's by
 * default): what `commun migrate` would have made of it. Commands run in `instance` with
 * `COMMUN_DATA_DIR=dataDir` then find the database up to date.
 */
export async function copyMigratedInstance(dataDir: string, instance: string = REPOSITORY_INSTANCE): Promise<void> {
  let template = ready.get(instance);
  if (!template) ready.set(instance, (template = instanceTemplate(instance)));
  cpSync(await template, dataDir, { recursive: true });
}
