/** Keeps the `keep` most recent archives of `<data dir>/sauvegardes/` (0: all of them). */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { backupsFolder, listArchives } from './folders.ts';

export async function pruneArchives(dataDir: string, keep: number): Promise<string[]> {
  if (keep <= 0) return [];
  const old = (await listArchives(dataDir)).slice(keep);
  for (const archive of old) await rm(join(backupsFolder(dataDir), archive.name), { force: true });
  return old.map((archive) => archive.name);
}
