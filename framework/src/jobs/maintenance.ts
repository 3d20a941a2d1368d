/**
 * The jobs' housekeeping: once when a process starts (no job of its own yet), then every minute in
 * the server — orphan jobs become « interrompu », expired result files, stale uploads, the file
 * store's temporary files and expired sign-in exchanges go; the applications' daily tasks run when
 * the day changes.
 */
import { purgeExpiredExchanges } from '../access/oidc/exchanges.ts';
import { inBackground } from '../db/background.ts';
import { fileStoreOf } from '../files/store.ts';
import { sweepScanFolders } from '../files/intake/index.ts';
import type { Logger } from '../logger.ts';
import { canDeliverMail, deliverQueuedMail } from '../mail/index.ts';
import { runDailyTasks, type DailyRuntime } from './daily.ts';
import { currentProcess } from './process.ts';
import { interruptOrphanJobs } from './recovery.ts';
import { sweepJobFiles, sweepStaleUploads } from './retention.ts';
import { jobRunnerOf, type JobRuntime } from './runner.ts';

export interface MaintainedRuntime extends JobRuntime {
  readonly config: JobRuntime['config'] & { readonly jobs: { readonly keepResultsDays: number } };
  readonly logger: Logger;
  /** The applications' daily tasks, when the runtime serves applications. */
  readonly registry?: DailyRuntime['registry'];
}

/** Start-up: the jobs a previous life of the instance left « en cours » become « interrompu ». */
export async function interruptJobsLeftRunning(runtime: MaintainedRuntime): Promise<number> {
  const count = await interruptOrphanJobs(runtime.db.kysely, { process: currentProcess(), runningHere: jobRunnerOf(runtime).runningHere() });
  if (count > 0) runtime.logger.warn({ count }, 'traitements interrompus par un arrêt précédent');
  return count;
}

/** One pass of the housekeeping; a failure is logged, never thrown. */
export async function maintainJobs(runtime: MaintainedRuntime): Promise<void> {
  await inBackground(async () => {
    try {
      await interruptJobsLeftRunning(runtime);
      const swept = await sweepJobFiles(runtime.db.kysely, runtime.config.dataDir, runtime.config.jobs.keepResultsDays);
      // Stale uploads of streamed imports, then the file store's temporary files (interrupted saves, released files).
      const uploads = (await sweepStaleUploads(runtime.config.dataDir)) + (await fileStoreOf(runtime).sweep());
      if (swept + uploads > 0) runtime.logger.info({ jobs: swept, uploads }, 'fichiers de traitements supprimés (durée de conservation dépassée)');
      // Sign-ins started at an identity provider that nobody came back from.
      await purgeExpiredExchanges(runtime.db.kysely);
      await sweepScanFolders(runtime); // scans a scanner wrote into the users' watched folders
      const { registry } = runtime;
      if (registry) await runDailyTasks({ db: runtime.db, logger: runtime.logger, registry });
      if (canDeliverMail(runtime)) await deliverQueuedMail(runtime);
    } catch (error) {
      runtime.logger.error({ err: error }, 'entretien des traitements en échec');
    }
  });
}

/** Runs the housekeeping now, then every `intervalMs`; `stop` ends it. */
export function startJobMaintenance(runtime: MaintainedRuntime, intervalMs = 60_000): { stop(): void; done: Promise<void> } {
  const done = maintainJobs(runtime);
  const timer = setInterval(() => void maintainJobs(runtime), intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer), done };
}
