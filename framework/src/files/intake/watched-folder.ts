/**
 * The scanners' folder: a network scanner writes into `<data dir>/numerisation/<collectivité>/<login>/`
 * and each file becomes a waiting scan of that user (`source = 'dossier'`). A taken file is moved to
 * `traites/`, a refused one (wrong type, empty, too big) to `refuses/` with a log line: nothing is
 * ever deleted. A file modified less than 5 s ago may still be being written: it waits for the next
 * pass. Folders of unknown users (or of a login of another collectivité) are left alone.
 *
 * Runs every minute with the jobs' housekeeping, and for one user when they open their intake page.
 * Passes of one process follow each other, so a file is never taken twice.
 */
import type { Dirent } from 'node:fs';
import { mkdir, readdir, readFile, rename, stat } from 'node:fs/promises';
import { extname, basename, join } from 'node:path';
import { sql } from 'kysely';
import { SYSTEM_ACTOR, type Actor } from '../../access/actor.ts';
import { loadActor } from '../../access/load-actor.ts';
import type { Db } from '../../db/connection.ts';
import { readAs } from '../../db/tenant-context.ts';
import type { Logger } from '../../logger.ts';
import { checkScan, scanSizeRefusal } from './rules.ts';
import { keepWaitingFile, type IntakeRuntime } from './waiting-files.ts';

export const SCAN_FOLDER = 'numerisation';
export const TAKEN_FOLDER = 'traites';
export const REFUSED_FOLDER = 'refuses';
/** A file younger than this may still be being written by the scanner. */
export const SETTLE_MS = 5_000;

export type SweepRuntime = IntakeRuntime & { readonly logger: Logger };

/** `<data dir>/numerisation/<collectivité>/<login>`: the folder a user's scanner writes into. */
export function scanFolderOf(dataDir: string, collectivite: number, login: string): string {
  return join(dataDir, SCAN_FOLDER, String(collectivite), login);
}

/** Creates the user's folder (with `traites/` and `refuses/`), so that a scanner can be pointed at it. */
export async function ensureScanFolder(dataDir: string, actor: Actor): Promise<string> {
  const folder = scanFolderOf(dataDir, actor.collectivite, actor.login);
  await mkdir(join(folder, TAKEN_FOLDER), { recursive: true });
  await mkdir(join(folder, REFUSED_FOLDER), { recursive: true });
  return folder;
}

async function entries(folder: string): Promise<Dirent[]> {
  try {
    return await readdir(folder, { withFileTypes: true });
  } catch {
    return [];
  }
}

/** Moves `name` into `folder/sub/`, under a new name if one is already there (never overwrites). */
async function moveInto(folder: string, sub: string, name: string): Promise<string> {
  const target = join(folder, sub);
  await mkdir(target, { recursive: true });
  const extension = extname(name);
  const stem = basename(name, extension);
  for (let attempt = 0; ; attempt++) {
    const candidate = join(target, attempt === 0 ? name : `${stem}-${Date.now()}-${attempt}${extension}`);
    try {
      await stat(candidate);
    } catch {
      await rename(join(folder, name), candidate);
      return candidate;
    }
  }
}

async function userOf(db: Db, collectivite: number, login: string): Promise<Actor | undefined> {
  const row = await readAs(db, SYSTEM_ACTOR, async (connection) =>
    (
      await sql<{ om_utilisateur: number }>`select om_utilisateur from om.om_utilisateur
        where login = ${login} and om_collectivite = ${collectivite}`.execute(connection)
    ).rows[0],
  );
  return row ? loadActor(db, Number(row.om_utilisateur)) : undefined;
}

/** Takes in the settled files of one user's folder; returns how many became waiting scans. */
async function sweepUserFolder(runtime: SweepRuntime, actor: Actor, folder: string): Promise<number> {
  let taken = 0;
  for (const entry of await entries(folder)) {
    // Hidden files are a scanner's or an editor's work in progress.
    if (!entry.isFile() || entry.name.startsWith('.')) continue;
    const path = join(folder, entry.name);
    const info = await stat(path).catch(() => undefined);
    if (!info || Date.now() - info.mtimeMs < SETTLE_MS) continue;
    const tooBig = scanSizeRefusal(entry.name, info.size);
    const checked = tooBig ? { ok: false as const, message: tooBig } : checkScan({ name: entry.name, declaredType: '', bytes: new Uint8Array(await readFile(path)) });
    if (!checked.ok) {
      const moved = await moveInto(folder, REFUSED_FOLDER, entry.name);
      runtime.logger.warn({ login: actor.login, fichier: moved, motif: checked.message }, 'numérisation : fichier refusé');
      continue;
    }
    await keepWaitingFile(runtime, actor, checked.upload, 'dossier');
    await moveInto(folder, TAKEN_FOLDER, entry.name);
    taken++;
  }
  return taken;
}

async function sweepAll(runtime: SweepRuntime, only: Actor | undefined): Promise<number> {
  const root = join(runtime.config.dataDir, SCAN_FOLDER);
  let taken = 0;
  for (const collectivite of await entries(root)) {
    if (!collectivite.isDirectory() || !/^[1-9]\d{0,9}$/.test(collectivite.name)) continue;
    if (only && collectivite.name !== String(only.collectivite)) continue;
    for (const login of await entries(join(root, collectivite.name))) {
      if (!login.isDirectory() || (only && login.name !== only.login)) continue;
      const actor = only ?? (await userOf(runtime.db.kysely, Number(collectivite.name), login.name));
      if (!actor) continue;
      try {
        taken += await sweepUserFolder(runtime, actor, join(root, collectivite.name, login.name));
      } catch (error) {
        runtime.logger.error({ err: error, login: login.name }, 'numérisation : dossier surveillé en échec');
      }
    }
  }
  return taken;
}

let running: Promise<unknown> = Promise.resolve();

/**
 * One pass over the watched folders (every user's, or only `only`'s: the user opening the page);
 * returns the number of files taken in. A failing folder is logged and the others go on.
 */
export function sweepScanFolders(runtime: SweepRuntime, only?: Actor): Promise<number> {
  const pass = running.then(() => sweepAll(runtime, only));
  running = pass.catch(() => undefined);
  return pass;
}
