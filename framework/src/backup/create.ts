/**
 * Makes a backup archive: the database's snapshot and the files it references go to a staging
 * folder (embedded.ts, server-snapshot.ts), their SHA-256 to the manifest, then everything to
 * `<data dir>/sauvegardes/commun-….tar.gz` (written as `.partiel`, then renamed: a listed archive
 * is always whole). One backup at a time per data folder in a process.
 */
import { rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Db } from '../db/connection.ts';
import { VERSION } from '../version.ts';
import { snapshotEmbedded } from './embedded.ts';
import { archiveNameFor, backupsFolder } from './folders.ts';
import { FORMAT_VERSION, MANIFEST_NAME, type Manifest } from './manifest.ts';
import { snapshotServer } from './server-snapshot.ts';
import { createStaging, filesUnder, sha256Of } from './staging.ts';
import { TarGzWriter } from './tar.ts';
import { existsSync } from 'node:fs';

/** The database to save: the embedded one through an open connection, or a server by its URL. */
export type BackupSource = { readonly kind: 'pglite'; readonly db: Db } | { readonly kind: 'postgres'; readonly url: string };

export interface BackupRequest {
  readonly dataDir: string;
  readonly source: BackupSource;
  /** Progress, in steps: the snapshot, then each file hashed, then each file written. */
  readonly report?: (done: number, total?: number) => void;
  readonly now?: Date;
}

export interface BackupMade {
  /** Absolute path of the archive. */
  readonly path: string;
  readonly name: string;
  readonly manifest: Manifest;
}

const running = new Map<string, Promise<unknown>>();

/** Runs `work` after any backup of the same data folder this process is making. */
function oneAtATime<T>(dataDir: string, work: () => Promise<T>): Promise<T> {
  const before = running.get(dataDir) ?? Promise.resolve();
  const next = before.catch(() => undefined).then(work);
  running.set(dataDir, next);
  void next.catch(() => undefined).finally(() => {
    if (running.get(dataDir) === next) running.delete(dataDir);
  });
  return next;
}

function freeName(folder: string, date: Date): string {
  const base = archiveNameFor(date);
  if (!existsSync(join(folder, base))) return base;
  for (let index = 2; ; index++) {
    const candidate = base.replace('.tar.gz', `-${index}.tar.gz`);
    if (!existsSync(join(folder, candidate))) return candidate;
  }
}

export function createBackup(request: BackupRequest): Promise<BackupMade> {
  return oneAtATime(request.dataDir, () => makeBackup(request));
}

async function makeBackup(request: BackupRequest): Promise<BackupMade> {
  const { dataDir, source } = request;
  const report = request.report ?? (() => undefined);
  const date = request.now ?? new Date();
  const staging = await createStaging(dataDir);
  try {
    report(0);
    const snapshot =
      source.kind === 'pglite' ? await snapshotEmbedded(source.db, dataDir, staging.root) : await snapshotServer(source.url, dataDir, staging.root);
    const entries = await filesUnder(staging.root, staging.root);
    const folders = entries.filter((entry) => entry.folder && entry.path.startsWith('base-de-donnees/'));
    const files = entries.filter((entry) => !entry.folder);
    const total = 1 + files.length * 2;
    report(1, total);
    const empreintes: Record<string, string> = {};
    for (const [index, file] of files.entries()) {
      empreintes[file.path] = await sha256Of(file.source);
      report(2 + index, total);
    }
    const manifest: Manifest = {
      format: FORMAT_VERSION,
      versionCommun: VERSION,
      date: date.toISOString(),
      base: source.kind === 'pglite' ? 'embarquee' : 'serveur',
      applications: snapshot.applications,
      lignes: snapshot.lignes,
      empreintes,
      fichiersAbsents: snapshot.missing,
      roles: snapshot.roles,
    };
    const folder = backupsFolder(dataDir);
    const name = freeName(folder, date);
    const path = join(folder, name);
    const partial = `${path}.partiel`;
    const writer = new TarGzWriter(partial);
    try {
      await writer.addBuffer(MANIFEST_NAME, Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`), date);
      for (const folder of folders) await writer.addFolder(folder.path, date);
      for (const [index, file] of files.entries()) {
        await writer.addFile(file.path, file.source, file.size, date);
        report(2 + files.length + index, total);
      }
      await writer.finish();
      await rename(partial, path);
    } catch (error) {
      await writer.abort();
      await rm(partial, { force: true });
      throw error;
    }
    report(total, total);
    return { path, name, manifest };
  } finally {
    await staging.remove();
  }
}
