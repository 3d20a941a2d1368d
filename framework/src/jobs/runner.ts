/**
 * Background jobs (DESIGN principle 7): every job is a row of `om.om_traitement`, so that it
 * survives a restart and anyone allowed can read how far it got. The runner inserts the row, runs
 * the work after the current request is answered, as background work (it gives way to interactive
 * requests on the embedded database), keeps the live progress in memory and writes it at most
 * every `flushMs`, with a heartbeat. A job belongs to its owner; an administrator holding
 * `traitement_tous` sees and cancels every job of their collectivité; anyone else is told it
 * does not exist. A failing job never takes the process down: its error is logged and the user
 * reads a French message.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Actor } from '../access/actor.ts';
import { holds } from '../access/permissions.ts';
import type { Db } from '../db/connection.ts';
import { inBackground } from '../db/background.ts';
import { t, type Locale } from '../i18n/index.ts';
import type { Logger } from '../logger.ts';
import { ServiceError } from '../records/errors.ts';
import { isResultFileName, jobFolder } from './folders.ts';
import { currentProcess, type JobProcess } from './process.ts';
import { finishJob, insertJob, listJobs, markStarted, readJob, requestCancel, writeProgress, writeSummary, type JobPage, type Reader } from './store.ts';
import { isActive, JobFailure, JobRefused, type AnyJob, type Job, type JobContext, type JobKind, type JobProgress, type JobStart, type JobState } from './types.ts';

/** The permission that shows an administrator every job of their collectivité. */
export const ALL_JOBS_PERMISSION = 'traitement_tous';

export interface JobRunnerOptions {
  readonly db: Db;
  /** The instance's data folder: result files go to `<dataDir>/traitements/<id>/`. */
  readonly dataDir: string;
  readonly logger: Logger;
  readonly locale?: Locale | undefined;
  /** Jobs a user may run at once (default 3). */
  readonly maxRunningPerUser?: number;
  /** Least time between two writes of the progress (default one second). */
  readonly flushMs?: number;
  /** Greatest time between two heartbeats of a job that makes no progress (default 15 s). */
  readonly heartbeatMs?: number;
  /** Host and pid written in the rows (tests pretend to be another process). */
  readonly process?: JobProcess;
}

/** Why the signal was aborted: the state the job ends in. */
class JobStop extends Error {
  constructor(readonly state: 'annule' | 'interrompu') {
    super(state);
  }
}

interface LiveJob {
  readonly id: string;
  readonly kind: string;
  readonly owner: number;
  readonly controller: AbortController;
  readonly files: Set<string>;
  progress: JobProgress;
  dirty: boolean;
  lastWrite: number;
  flushing: Promise<void> | undefined;
  settled: Promise<void>;
}

export type CancelOutcome = 'cancelled' | 'notFound' | 'notRunning';

export class JobRunner {
  readonly #live = new Map<string, LiveJob>();
  readonly #db: Db;
  readonly #dataDir: string;
  readonly #logger: Logger;
  readonly #locale: Locale | undefined;
  readonly #maxRunning: number;
  readonly #flushMs: number;
  readonly #heartbeatMs: number;
  readonly #process: JobProcess;

  constructor(options: JobRunnerOptions) {
    this.#db = options.db;
    this.#dataDir = options.dataDir;
    this.#logger = options.logger;
    this.#locale = options.locale;
    this.#maxRunning = options.maxRunningPerUser ?? 3;
    this.#flushMs = options.flushMs ?? 1000;
    this.#heartbeatMs = options.heartbeatMs ?? 15_000;
    this.#process = options.process ?? currentProcess();
  }

  /**
   * Records the job « en attente » and starts `work` after the current request has been answered;
   * returns the job at once. Throws `JobRefused` when the owner already runs the allowed number.
   */
  async start<R, C>(kind: JobKind<R, C>, actor: Actor, start: JobStart<C>, work: (job: JobContext) => Promise<R>): Promise<Job<R, C>> {
    const id = randomUUID();
    const inserted = await insertJob(this.#db, actor, {
      id,
      kind: kind.name,
      fileName: start.fileName,
      context: start.context,
      ...this.#process,
      maxRunning: this.#maxRunning,
    });
    if (!inserted) throw new JobRefused(t('traitements.runner.tooMany', { max: this.#maxRunning }, this.#locale));
    const live: LiveJob = {
      id,
      kind: kind.name,
      owner: actor.userId,
      controller: new AbortController(),
      files: new Set(),
      progress: { done: 0, total: undefined },
      dirty: false,
      lastWrite: Date.now(),
      flushing: undefined,
      settled: Promise.resolve(),
    };
    this.#live.set(id, live);
    live.settled = this.#run(live, () => work(this.#contextOf(live)));
    const job = await this.get(kind, id, actor);
    if (!job) throw new Error(`traitement ${id} introuvable après son insertion`);
    return job;
  }

  /** The job, for its owner or an administrator of its collectivité; undefined for anyone else, an unknown id or another kind. */
  async get<R, C>(kind: JobKind<R, C>, id: string, actor: Actor): Promise<Job<R, C> | undefined> {
    const job = await readJob(this.#db, this.#readerOf(actor), id, kind.name);
    // The kind was checked in the query: its result and context have its types.
    return job ? (this.#withLiveProgress(job) as Job<R, C>) : undefined;
  }

  /** A job of any kind (the list of jobs, cancel, result files), under the same rule as `get`. */
  async find(id: string, actor: Actor): Promise<AnyJob | undefined> {
    const job = await readJob(this.#db, this.#readerOf(actor), id);
    return job ? this.#withLiveProgress(job) : undefined;
  }

  /** The jobs the actor may see, most recent first. */
  async list(actor: Actor, page: { readonly offset: number; readonly limit: number }): Promise<JobPage> {
    const found = await listJobs(this.#db, this.#readerOf(actor), page);
    return { ...found, jobs: found.jobs.map((job) => this.#withLiveProgress(job)) };
  }

  /** Whether the actor sees every job of their collectivité (else only their own). */
  seesEveryJob(actor: Actor): boolean {
    return holds(actor, ALL_JOBS_PERMISSION);
  }

  /**
   * Stops a running job at its next check of the signal (state « annulé »). A job running in
   * another process (a command) is stopped by that process when it next writes its progress.
   */
  async cancel(id: string, actor: Actor): Promise<CancelOutcome> {
    const job = await this.find(id, actor);
    if (!job) return 'notFound';
    if (!isActive(job.state)) return 'notRunning';
    const live = this.#live.get(id);
    live?.controller.abort(new JobStop('annule'));
    const cancelled = live !== undefined || (await requestCancel(this.#db, id));
    if (cancelled) this.#logger.info({ job: id, kind: job.kind, by: actor.login }, 'traitement annulé');
    return cancelled ? 'cancelled' : 'notRunning';
  }

  /** Where a result file of the job is, while it is kept; undefined for a name the job did not write. */
  resultFile(job: Pick<AnyJob, 'id' | 'files' | 'filesDeletedAt'>, name: string): string | undefined {
    if (job.filesDeletedAt !== undefined || !job.files.includes(name) || !isResultFileName(name)) return undefined;
    const path = join(jobFolder(this.#dataDir, job.id), name);
    return existsSync(path) ? path : undefined;
  }

  /** Resolves when the job has finished and its row says so; at once for a job not running here. */
  async settled(id: string): Promise<void> {
    await this.#live.get(id)?.settled;
  }

  /** The jobs running in this process (the start-up check leaves them alone). */
  runningHere(): ReadonlySet<string> {
    return new Set(this.#live.keys());
  }

  /** The server stops: every running job is told to stop (« interrompu »), and given `timeoutMs` to do so. */
  async shutdown(timeoutMs = 5000): Promise<void> {
    const running = [...this.#live.values()];
    if (running.length === 0) return;
    for (const live of running) live.controller.abort(new JobStop('interrompu'));
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, timeoutMs);
    });
    await Promise.race([Promise.all(running.map((live) => live.settled)), timeout]);
    clearTimeout(timer);
  }

  #readerOf(actor: Actor): Reader {
    return { actor, everyone: this.seesEveryJob(actor) };
  }

  #withLiveProgress(job: AnyJob): AnyJob {
    const live = this.#live.get(job.id);
    if (!live || !isActive(job.state)) return job;
    return { ...job, progress: live.progress, files: [...live.files] };
  }

  #contextOf(live: LiveJob): JobContext {
    const folder = jobFolder(this.#dataDir, live.id);
    return {
      id: live.id,
      signal: live.controller.signal,
      report: (done, total) => {
        live.progress = { done, total: total ?? live.progress.total };
        live.dirty = true;
      },
      saveSummary: (trx, summary) => writeSummary(trx, live.id, summary),
      resultPath: (name) => {
        if (!isResultFileName(name)) throw new Error(`nom de fichier résultat invalide : ${name}`);
        mkdirSync(folder, { recursive: true });
        live.files.add(name);
        live.dirty = true;
        return join(folder, name);
      },
    };
  }

  async #run(live: LiveJob, work: () => Promise<unknown>): Promise<void> {
    // Let the request that started the job be answered first.
    await new Promise((resolve) => setImmediate(resolve));
    await inBackground(async () => {
      let state: JobState = 'termine';
      let result: unknown;
      let error: string | undefined;
      const timer = setInterval(() => this.#flush(live), this.#flushMs);
      timer.unref();
      try {
        await markStarted(this.#db, live.id);
        live.controller.signal.throwIfAborted();
        result = await work();
        state = this.#stopState(live) ?? 'termine';
      } catch (failure) {
        state = this.#stopState(live) ?? 'echoue';
        if (state === 'echoue') error = this.#messageOf(failure, live);
      } finally {
        clearInterval(timer);
        await live.flushing;
      }
      try {
        await finishJob(this.#db, live.id, { state, progress: live.progress, result, error, files: [...live.files] });
      } catch (failure) {
        // The row stays « en cours »: the next start-up check makes it « interrompu ».
        this.#logger.error({ err: failure, job: live.id }, 'fin du traitement non enregistrée');
      } finally {
        this.#live.delete(live.id);
      }
    });
  }

  #stopState(live: LiveJob): 'annule' | 'interrompu' | undefined {
    const signal = live.controller.signal;
    if (!signal.aborted) return undefined;
    return signal.reason instanceof JobStop ? signal.reason.state : 'annule';
  }

  /** Writes the progress when it changed (or the heartbeat when due); reads back a cancel asked elsewhere. */
  #flush(live: LiveJob): void {
    if (live.flushing) return;
    if (!live.dirty && Date.now() - live.lastWrite < this.#heartbeatMs) return;
    live.dirty = false;
    live.lastWrite = Date.now();
    live.flushing = inBackground(() => writeProgress(this.#db, live.id, live.progress, [...live.files]))
      .then((cancelRequested) => {
        if (cancelRequested && !live.controller.signal.aborted) live.controller.abort(new JobStop('annule'));
      })
      .catch((failure: unknown) => this.#logger.warn({ err: failure, job: live.id }, 'avancement du traitement non enregistré'))
      .finally(() => {
        live.flushing = undefined;
      });
  }

  #messageOf(error: unknown, live: LiveJob): string {
    if (error instanceof JobFailure || error instanceof ServiceError) {
      this.#logger.warn({ job: live.id, kind: live.kind, owner: live.owner, reason: error.message }, 'traitement arrêté');
      return error.message;
    }
    try {
      this.#logger.error({ err: error, job: live.id, kind: live.kind, owner: live.owner }, 'traitement en échec');
    } catch {
      // A logger that fails must not turn a failed job into a crash.
    }
    return t('traitements.runner.failed', { reference: live.id }, this.#locale);
  }
}

const runners = new WeakMap<object, JobRunner>();

/** What a runner needs from the runtime (a command's or the server's). */
export interface JobRuntime {
  readonly db: { readonly kysely: Db };
  readonly logger: Logger;
  readonly config: { readonly locale: Locale; readonly dataDir: string };
}

/** The runtime's job runner (one per runtime, made on first use). */
export function jobRunnerOf(runtime: JobRuntime): JobRunner {
  let runner = runners.get(runtime);
  if (!runner) {
    runner = new JobRunner({ db: runtime.db.kysely, dataDir: runtime.config.dataDir, logger: runtime.logger, locale: runtime.config.locale });
    runners.set(runtime, runner);
  }
  return runner;
}
