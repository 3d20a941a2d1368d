/** « Faire une sauvegarde maintenant »: a framework job (progress in « Mes traitements » and on the page). */
import type { Actor } from '../access/actor.ts';
import { jobKind, jobRunnerOf, type Job, type JobRuntime } from '../jobs/index.ts';
import { backupInstance, type BackupRuntime } from './instance.ts';
import { totalRows } from './manifest.ts';
import { backupMessage } from './messages.ts';

export interface BackupResult {
  readonly archive: string;
  readonly lignes: number;
  readonly fichiers: number;
}

export const BACKUP_JOB = jobKind<BackupResult, { label: string }>('sauvegarde');

export function startBackupJob(runtime: BackupRuntime & JobRuntime, actor: Actor): Promise<Job<BackupResult, { label: string }>> {
  return jobRunnerOf(runtime).start(BACKUP_JOB, actor, { context: { label: backupMessage('job.label') } }, async (job) => {
    const made = await backupInstance(runtime, (done, total) => job.report(done, total));
    return {
      archive: made.name,
      lignes: totalRows(made.manifest),
      fichiers: Object.keys(made.manifest.empreintes).filter((path) => path.startsWith('fichiers/')).length,
    };
  });
}
