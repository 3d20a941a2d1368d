/**
 * The staging folder of a backup being made: `<data dir>/sauvegardes/.en-cours-<id>/`. While the
 * database's snapshot is held, the stored files it references are hard-linked there (a link costs
 * no copy, and a file of the store is never rewritten in place: removing it later leaves the link),
 * then the archive is written from the staging folder at leisure, snapshot released.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, link, mkdir, readdir, rm, stat } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { backupsFolder } from './folders.ts';

export interface Staging {
  readonly root: string;
  remove(): Promise<void>;
}

export async function createStaging(dataDir: string): Promise<Staging> {
  const root = join(backupsFolder(dataDir), `.en-cours-${randomUUID()}`);
  await mkdir(root, { recursive: true });
  return { root, remove: () => rm(root, { recursive: true, force: true }) };
}

/** `ab/abcd/<uuid>`: the file store's layout (files/store.ts). */
export const storePath = (id: string) => `${id.slice(0, 2)}/${id.slice(0, 4)}/${id}`;

/** A hard link when the staging folder is on the same file system, else a copy. */
async function linkOrCopy(source: string, target: string): Promise<void> {
  await mkdir(dirname(target), { recursive: true });
  try {
    await link(source, target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw error;
    await copyFile(source, target);
  }
}

/** Links the stored files into `staging/fichiers/`; returns the ids whose content was gone. */
export async function stageStoredFiles(dataDir: string, staging: string, ids: readonly string[]): Promise<string[]> {
  const missing: string[] = [];
  for (const id of ids) {
    try {
      await linkOrCopy(join(dataDir, 'fichiers', storePath(id)), join(staging, 'fichiers', storePath(id)));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      missing.push(id);
    }
  }
  return missing;
}

export async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export interface StagedFile {
  /** Its path in the archive, with `/`. */
  readonly path: string;
  readonly source: string;
  readonly size: number;
  /** A folder (kept even when empty: PostgreSQL needs its empty folders). */
  readonly folder: boolean;
}

/** Every file and folder under `folder`, with its path relative to `base` (archive paths), in a stable order. */
export async function filesUnder(base: string, folder: string): Promise<StagedFile[]> {
  const found: StagedFile[] = [];
  let entries;
  try {
    entries = await readdir(folder, { withFileTypes: true, recursive: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  for (const entry of entries) {
    if (!entry.isFile() && !entry.isDirectory()) continue;
    const source = join(entry.parentPath, entry.name);
    const path = relative(base, source).split(sep).join('/');
    found.push({ path, source, size: entry.isFile() ? (await stat(source)).size : 0, folder: entry.isDirectory() });
  }
  return found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
