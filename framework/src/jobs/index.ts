/** Background jobs with progress, stored as rows (`om.om_traitement`), owned by the user who started them. */
export { ALL_JOBS_PERMISSION, JobRunner, jobRunnerOf } from './runner.ts';
export type { CancelOutcome, JobRunnerOptions, JobRuntime } from './runner.ts';
export { ACTIVE_STATES, JOB_STATES, JobFailure, JobRefused, isActive, jobKind } from './types.ts';
export type { AnyJob, Job, JobContext, JobKind, JobProgress, JobStart, JobState, ProgressReporter } from './types.ts';
export type { JobPage } from './store.ts';
export { isJobId } from './store.ts';
export { isResultFileName, jobFolder, newUploadPath, uploadsFolder } from './folders.ts';
export { currentProcess, isAlive, type JobProcess } from './process.ts';
export { interruptOrphanJobs, STALE_AFTER_MS } from './recovery.ts';
export { sweepJobFiles, sweepStaleUploads } from './retention.ts';
export { interruptJobsLeftRunning, maintainJobs, startJobMaintenance } from './maintenance.ts';
export { giveWay, interactiveRequest } from './give-way.ts';
