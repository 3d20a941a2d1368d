/** Background jobs with progress, owned by the user who started them. */
export { JobFailure, JobRefused, JobRunner, jobKind, jobRunnerOf } from './runner.ts';
export type { Job, JobKind, JobProgress, JobRunnerOptions, JobState, ProgressReporter } from './runner.ts';
