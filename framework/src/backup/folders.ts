/**
 * Where backups live: `<data dir>/sauvegardes/`, the archives `commun-AAAAMMJJ-HHMMSS.tar.gz`
 * (Paris time), and `demandes/` where a `commun backup` asks the running server for one.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

export const BACKUPS_FOLDER = 'sauvegardes';

export const backupsFolder = (dataDir: string) => join(dataDir, BACKUPS_FOLDER);
export const requestsFolder = (dataDir: string) => join(backupsFolder(dataDir), 'demandes');

const ARCHIVE_NAME = /^commun-\d{8}-\d{6}(-\d+)?\.tar\.gz$/;
export const isArchiveName = (name: string) => ARCHIVE_NAME.test(name);

/** `commun-20250314-023000.tar.gz`, from the date in Paris. */
export function archiveNameFor(date: Date): string {
  const parts = new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Paris',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(date);
  return `commun-${parts.replace(/\D/g, '').slice(0, 8)}-${parts.replace(/\D/g, '').slice(8, 14)}.tar.gz`;
}

export interface ArchiveInfo {
  readonly name: string;
  readonly size: number;
  readonly modifiedAt: Date;
}

/** The archives of the folder, most recent first. */
export async function listArchives(dataDir: string): Promise<ArchiveInfo[]> {
  let names: string[];
  try {
    names = await readdir(backupsFolder(dataDir));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const archives: ArchiveInfo[] = [];
  for (const name of names.filter(isArchiveName)) {
    const info = await stat(join(backupsFolder(dataDir), name));
    archives.push({ name, size: info.size, modifiedAt: info.mtime });
  }
  return archives.sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
}
