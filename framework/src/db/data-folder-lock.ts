/**
 * One process owns an embedded data folder. PGlite cannot share its files: a second process would
 * write beside the first and lose its changes, or damage the folder. The owner writes
 * `commun.lock` (pid, host, start time, command) before opening the folder and removes it on close
 * and on exit; a lock left by a process that is gone (kill -9, power cut) is taken over.
 */
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { t } from '../i18n/index.ts';

export const LOCK_FILE = 'commun.lock';

export interface LockHolder {
  readonly pid: number;
  readonly host: string;
  readonly startedAt: string;
  readonly command: string;
}

/** The folder is used by another living process. Its message says which, and what to do. */
export class DataFolderLockedError extends Error {
  constructor(
    readonly folder: string,
    readonly holder: LockHolder | undefined,
  ) {
    super(
      holder
        ? t('database.lock.held', { folder, pid: holder.pid, host: holder.host, since: holder.startedAt, command: holder.command })
        : t('database.lock.unreadable', { folder, file: join(folder, LOCK_FILE) }),
    );
    this.name = 'DataFolderLockedError';
  }
}

export interface DataFolderLock {
  readonly path: string;
  release(): void;
}

function readHolder(path: string): LockHolder | undefined {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockHolder>;
    return typeof parsed.pid === 'number' && typeof parsed.host === 'string'
      ? { pid: parsed.pid, host: parsed.host, startedAt: String(parsed.startedAt ?? ''), command: String(parsed.command ?? '') }
      : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a process of this pid runs on this machine. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Lock files this process holds: the same pid in a lock it does not hold is a previous life (containers reuse pids). */
const heldHere = new Set<string>();

// A lock file being written right now has no content yet; one this old without any is debris.
const UNREADABLE_GRACE_MS = 10_000;

function isStale(path: string, holder: LockHolder | undefined): boolean {
  if (!holder) {
    try {
      return Date.now() - statSync(path).mtimeMs > UNREADABLE_GRACE_MS;
    } catch {
      return true;
    }
  }
  // A process of another host cannot be checked: its lock stands until removed by hand.
  if (holder.host !== hostname()) return false;
  return holder.pid === process.pid ? !heldHere.has(path) : !isAlive(holder.pid);
}

function describeSelf(): LockHolder {
  return {
    pid: process.pid,
    host: hostname(),
    startedAt: new Date().toISOString(),
    command: process.argv.slice(1).join(' '),
  };
}

function tryCreate(path: string, content: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, content);
  } finally {
    closeSync(fd);
  }
  return true;
}

/** Takes the folder's lock, or throws `DataFolderLockedError`. */
export function lockDataFolder(folder: string): DataFolderLock {
  const absolute = resolve(folder);
  mkdirSync(absolute, { recursive: true });
  const path = join(absolute, LOCK_FILE);
  const content = `${JSON.stringify(describeSelf(), null, 2)}\n`;
  for (let attempt = 0; attempt < 3; attempt++) {
    if (tryCreate(path, content)) return held(path);
    const holder = readHolder(path);
    if (!isStale(path, holder)) throw new DataFolderLockedError(absolute, holder);
    // Move the stale file aside atomically: of two processes taking it over, one wins the rename.
    const aside = `${path}.stale-${process.pid}`;
    try {
      renameSync(path, aside);
      unlinkSync(aside);
    } catch {
      // Another process took it over first: try again, and meet its fresh lock.
    }
  }
  throw new DataFolderLockedError(absolute, readHolder(path));
}

function held(path: string): DataFolderLock {
  heldHere.add(path);
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    heldHere.delete(path);
    process.off('exit', release);
    // Only our own lock: never remove one another process took over.
    if (readHolder(path)?.pid !== process.pid) return;
    try {
      unlinkSync(path);
    } catch {
      // Already gone.
    }
  };
  process.on('exit', release);
  return { path, release };
}
