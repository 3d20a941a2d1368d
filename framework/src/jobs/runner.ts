/**
 * Background jobs in the process (DESIGN principle 7: long work shows its progress). A job belongs
 * to the user who started it: only they may read it; anyone else is told it does not exist.
 * Finished jobs are kept for an hour, and a bounded number per user, then forgotten. A failing job
 * never takes the process down: its error is logged and the user reads a French message.
 */
import { randomUUID } from 'node:crypto';
import { t, type Locale } from '../i18n/index.ts';
import type { Logger } from '../logger.ts';
import { ServiceError } from '../records/errors.ts';

export type JobState = 'running' | 'done' | 'failed';

/** How far a job is: `total` is undefined while the job does not know it yet. */
export interface JobProgress {
  readonly done: number;
  readonly total: number | undefined;
}

/** Given to a job's work, to tell how far it is. */
export interface ProgressReporter {
  report(done: number, total?: number): void;
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

export interface Job<R, C> {
  readonly id: string;
  readonly kind: string;
  /** `userId` of the user who started it. */
  readonly owner: number;
  readonly context: C;
  readonly state: JobState;
  readonly progress: JobProgress;
  readonly startedAt: number;
  readonly finishedAt: number | undefined;
  readonly result: R | undefined;
  /** Why it failed, for the user (French unless the runner speaks another language). */
  readonly error: string | undefined;
}

/** A failure whose message is meant for the user (a file that cannot be read…): shown as it is. */
export class JobFailure extends Error {}

/** The user already runs as many jobs as allowed: nothing was started. */
export class JobRefused extends Error {}

export interface JobRunnerOptions {
  readonly logger: Logger;
  readonly locale?: Locale | undefined;
  /** How long a finished job stays readable (default one hour). */
  readonly keepMs?: number;
  /** Finished jobs kept per user, the most recent ones (default 20). */
  readonly maxKeptPerUser?: number;
  /** Jobs a user may run at once (default 3). */
  readonly maxRunningPerUser?: number;
  readonly now?: () => number;
}

interface Entry {
  id: string;
  kind: string;
  owner: number;
  context: unknown;
  state: JobState;
  progress: JobProgress;
  startedAt: number;
  finishedAt: number | undefined;
  result: unknown;
  error: string | undefined;
  settled: Promise<void>;
}

const HOUR = 60 * 60 * 1000;

export class JobRunner {
  readonly #jobs = new Map<string, Entry>();
  readonly #logger: Logger;
  readonly #locale: Locale | undefined;
  readonly #keepMs: number;
  readonly #maxKept: number;
  readonly #maxRunning: number;
  readonly #now: () => number;

  constructor(options: JobRunnerOptions) {
    this.#logger = options.logger;
    this.#locale = options.locale;
    this.#keepMs = options.keepMs ?? HOUR;
    this.#maxKept = options.maxKeptPerUser ?? 20;
    this.#maxRunning = options.maxRunningPerUser ?? 3;
    this.#now = options.now ?? Date.now;
  }

  /**
   * Starts `work` after the current request has been answered; returns the job at once. Throws
   * `JobRefused` when the owner already runs the allowed number of jobs.
   */
  start<R, C>(kind: JobKind<R, C>, owner: number, context: C, work: (progress: ProgressReporter) => Promise<R>): Job<R, C> {
    this.#forgetOld();
    const running = [...this.#jobs.values()].filter((job) => job.owner === owner && job.state === 'running').length;
    if (running >= this.#maxRunning) throw new JobRefused(t('imports.jobs.tooMany', { max: this.#maxRunning }, this.#locale));
    const entry: Entry = {
      id: randomUUID(),
      kind: kind.name,
      owner,
      context,
      state: 'running',
      progress: { done: 0, total: undefined },
      startedAt: this.#now(),
      finishedAt: undefined,
      result: undefined,
      error: undefined,
      settled: Promise.resolve(),
    };
    const reporter: ProgressReporter = {
      report: (done, total) => {
        entry.progress = { done, total: total ?? entry.progress.total };
      },
    };
    this.#jobs.set(entry.id, entry);
    entry.settled = this.#run(entry, () => work(reporter));
    return this.#view<R, C>(entry);
  }

  /** The job, for its owner only; undefined for anyone else, an unknown id, a forgotten job or another kind. */
  get<R, C>(kind: JobKind<R, C>, id: string, owner: number): Job<R, C> | undefined {
    this.#forgetOld();
    const entry = this.#jobs.get(id);
    if (!entry || entry.owner !== owner || entry.kind !== kind.name) return undefined;
    return this.#view<R, C>(entry);
  }

  /** Resolves when the job has finished (done or failed); at once for an unknown job. */
  async settled(id: string): Promise<void> {
    await this.#jobs.get(id)?.settled;
  }

  async #run(entry: Entry, work: () => Promise<unknown>): Promise<void> {
    // Let the request that started the job be answered first.
    await new Promise((resolve) => setImmediate(resolve));
    try {
      entry.result = await work();
      entry.state = 'done';
    } catch (error) {
      entry.state = 'failed';
      entry.error = this.#messageOf(error, entry);
    } finally {
      entry.finishedAt = this.#now();
    }
  }

  #messageOf(error: unknown, entry: Entry): string {
    if (error instanceof JobFailure || error instanceof ServiceError) {
      this.#logger.warn({ job: entry.id, kind: entry.kind, owner: entry.owner, reason: error.message }, 'traitement arrêté');
      return error.message;
    }
    try {
      this.#logger.error({ err: error, job: entry.id, kind: entry.kind, owner: entry.owner }, 'traitement en échec');
    } catch {
      // A logger that fails must not turn a failed job into a crash.
    }
    return t('imports.jobs.failed', { reference: entry.id }, this.#locale);
  }

  /** Finished jobs older than the delay go, then each user's oldest finished ones beyond the bound. */
  #forgetOld(): void {
    const now = this.#now();
    const finishedByOwner = new Map<number, Entry[]>();
    for (const entry of this.#jobs.values()) {
      if (entry.finishedAt === undefined) continue;
      if (now - entry.finishedAt > this.#keepMs) {
        this.#jobs.delete(entry.id);
        continue;
      }
      const list = finishedByOwner.get(entry.owner) ?? [];
      list.push(entry);
      finishedByOwner.set(entry.owner, list);
    }
    for (const list of finishedByOwner.values()) {
      if (list.length <= this.#maxKept) continue;
      list.sort((a, b) => (b.finishedAt ?? 0) - (a.finishedAt ?? 0));
      for (const entry of list.slice(this.#maxKept)) this.#jobs.delete(entry.id);
    }
  }

  #view<R, C>(entry: Entry): Job<R, C> {
    // The kind was checked (or set) by the caller: its result and context have its types.
    return {
      id: entry.id,
      kind: entry.kind,
      owner: entry.owner,
      context: entry.context as C,
      state: entry.state,
      progress: entry.progress,
      startedAt: entry.startedAt,
      finishedAt: entry.finishedAt,
      result: entry.result as R | undefined,
      error: entry.error,
    };
  }
}

const runners = new WeakMap<object, JobRunner>();

/** The runtime's job runner (one per runtime, made on first use). */
export function jobRunnerOf(runtime: { readonly logger: Logger; readonly config: { readonly locale: Locale } }): JobRunner {
  let runner = runners.get(runtime);
  if (!runner) {
    runner = new JobRunner({ logger: runtime.logger, locale: runtime.config.locale });
    runners.set(runtime, runner);
  }
  return runner;
}
