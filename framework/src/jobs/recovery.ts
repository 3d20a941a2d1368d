/**
 * A job « en cours » whose process is gone must not stay so forever: at start-up and then every
 * minute, each running job of a dead process of this host (or of this very pid in a previous life,
 * as a restarted container has), or of another host silent for several minutes, becomes
 * « interrompu » with the progress and summary it had written (« how far it got »).
 */
import type { Db } from '../db/connection.ts';
import { isAlive as processIsAlive, type JobProcess } from './process.ts';
import { activeJobs, markInterrupted, type ActiveJobRow } from './store.ts';

/** Silence after which a job of another host is taken for dead (its heartbeat comes every 15 s). */
export const STALE_AFTER_MS = 5 * 60 * 1000;

export interface RecoveryOptions {
  /** This process. */
  readonly process: JobProcess;
  /** Jobs this process runs: never touched. */
  readonly runningHere: ReadonlySet<string>;
  readonly staleAfterMs?: number;
  readonly isAlive?: (pid: number) => boolean;
}

function isOrphan(row: ActiveJobRow, options: RecoveryOptions): boolean {
  if (options.runningHere.has(row.id)) return false;
  if (row.host === options.process.host) {
    if (row.pid === null || row.pid === options.process.pid) return true;
    return !(options.isAlive ?? processIsAlive)(row.pid);
  }
  return row.silentMs > (options.staleAfterMs ?? STALE_AFTER_MS);
}

/** Marks the orphan jobs « interrompu »; returns how many. */
export async function interruptOrphanJobs(db: Db, options: RecoveryOptions): Promise<number> {
  const orphans = (await activeJobs(db)).filter((row) => isOrphan(row, options)).map((row) => row.id);
  return markInterrupted(db, orphans);
}
