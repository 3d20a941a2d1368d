/**
 * Result files are kept for a configurable time (`COMMUN_TRAITEMENT_CONSERVATION_JOURS`), then
 * deleted with their folder; the row stays and says « fichier supprimé ». Uploads left behind by
 * a job that never ran (a crash between the upload and the start) go after a day.
 */
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Db } from '../db/connection.ts';
import { jobFolder, uploadsFolder } from './folders.ts';
import { expiredJobs, markFilesDeleted } from './store.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Deletes the folders of jobs finished more than `keepDays` ago; returns how many jobs. */
export async function sweepJobFiles(db: Db, dataDir: string, keepDays: number): Promise<number> {
  const ids = await expiredJobs(db, keepDays);
  for (const id of ids) await rm(jobFolder(dataDir, id), { recursive: true, force: true });
  await markFilesDeleted(db, ids);
  return ids.length;
}

/** Deletes uploads older than `olderThanMs`; returns how many. */
export async function sweepStaleUploads(dataDir: string, olderThanMs = DAY_MS, now = Date.now()): Promise<number> {
  const folder = uploadsFolder(dataDir);
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    const path = join(folder, name);
    const info = await stat(path).catch(() => undefined);
    if (info?.isFile() && now - info.mtimeMs > olderThanMs) {
      await rm(path, { force: true });
      removed += 1;
    }
  }
  return removed;
}
