/** The shapes of a background job: its kind, its states, what its work receives, what pages read. */
import type { Db } from '../db/connection.ts';

/** As stored in `om.om_traitement.etat`, and as the pages name them (`traitements.states.*`). */
export const JOB_STATES = ['en_attente', 'en_cours', 'termine', 'echoue', 'interrompu', 'annule'] as const;
export type JobState = (typeof JOB_STATES)[number];

/** Not over yet: counted against the per-user cap, cancellable, watched at start-up. */
export const ACTIVE_STATES: readonly JobState[] = ['en_attente', 'en_cours'];
export const isActive = (state: JobState) => ACTIVE_STATES.includes(state);

/** How far a job is: `total` is undefined while the job does not know it yet. */
export interface JobProgress {
  readonly done: number;
  readonly total: number | undefined;
}

/**
 * A kind of job, with the type of its result and of the context it was started with (what its
 * pages show while it runs). `R` and `C` exist for the compiler only.
 */
export interface JobKind<R, C> {
  readonly name: string;
  readonly types?: { readonly result: R; readonly context: C };
}

export const jobKind = <R, C>(name: string): JobKind<R, C> => ({ name });

/** What a job's work receives. */
export interface JobContext {
  readonly id: string;
  /** Aborted when a user cancels the job (→ « annulé ») or the server shuts down (→ « interrompu »). */
  readonly signal: AbortSignal;
  /** Live progress (kept in memory, persisted at most every second or so). */
  report(done: number, total?: number): void;
  /**
   * Saves the job's running summary (JSON) in the caller's transaction, so that it commits, or not,
   * with the batch it describes (the import records « lines 2 to 5001 written » this way).
   */
  saveSummary(trx: Db, summary: Readonly<Record<string, unknown>>): Promise<void>;
  /** Absolute path of a result file of this job (its own folder, created on demand). */
  resultPath(name: string): string;
}

/** Kept for the work written before jobs were rows: `report` only. */
export type ProgressReporter = Pick<JobContext, 'report'>;

/** What the runner starts a job with. */
export interface JobStart<C> {
  /** The file the job works on, as the user named it. */
  readonly fileName?: string | undefined;
  readonly context: C;
}

/** A job as its pages read it (from its row, with the live progress when it runs in this process). */
export interface Job<R, C> {
  readonly id: string;
  readonly kind: string;
  /** `userId` of the user who started it. */
  readonly owner: number;
  /** The owner's name (`om_utilisateur.nom`), for an administrator's list. */
  readonly ownerName: string | undefined;
  readonly collectivite: number;
  readonly state: JobState;
  readonly progress: JobProgress;
  /** Epoch milliseconds. */
  readonly createdAt: number;
  readonly startedAt: number | undefined;
  readonly finishedAt: number | undefined;
  readonly fileName: string | undefined;
  readonly context: C;
  /** The last summary the job saved with a committed batch (« how far it got »). */
  readonly summary: Readonly<Record<string, unknown>> | undefined;
  readonly result: R | undefined;
  /** Names of its result files (served while they are kept). */
  readonly files: readonly string[];
  /** When the retention sweep deleted its files. */
  readonly filesDeletedAt: number | undefined;
  /** Why it failed, for the user (French unless the runner speaks another language). */
  readonly error: string | undefined;
  readonly cancelRequested: boolean;
}

/** A job of any kind, as the list of jobs reads it. */
export type AnyJob = Job<unknown, Readonly<Record<string, unknown>>>;

/** A failure whose message is meant for the user (a file that cannot be read…): shown as it is. */
export class JobFailure extends Error {}

/** The user already runs as many jobs as allowed: nothing was started. */
export class JobRefused extends Error {}
