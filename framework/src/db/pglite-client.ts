/**
 * The main thread's side of the embedded database: PGlite runs in a worker thread
 * (pglite-worker.mjs), so a heavy query or a migration never blocks the HTTP event loop; this
 * client sends it statements and gets rows back.
 */
import { Worker } from 'node:worker_threads';

export interface EmbeddedResult<R> {
  rows: R[];
  affectedRows?: number | undefined;
}

export interface EmbeddedOptions {
  /** Folder of the database files, or `memory://`. Ignored when `image` is given. */
  dataDir: string;
  postgis: boolean;
  /** A database image (`dumpDataDir`) to start from. */
  image?: Blob | undefined;
}

type Operation =
  | { op: 'exec'; sql: string }
  | { op: 'query'; sql: string; params: unknown[] }
  | { op: 'dump'; compression: 'gzip' | 'none' }
  | { op: 'close' };

interface WorkerError {
  message: string;
  [field: string]: string;
}

type Reply = { id: number; result: unknown; error?: undefined } | { id: number; error: WorkerError };
type Ready = { ready: true } | { ready: false; error: WorkerError };

/** An error of the embedded database with PostgreSQL's fields (`code`, `constraint`, `detail`…), like `pg`'s. */
export class EmbeddedDatabaseError extends Error {
  readonly code: string | undefined;
  readonly constraint: string | undefined;
  readonly detail: string | undefined;
  readonly column: string | undefined;
  readonly table: string | undefined;
  readonly schema: string | undefined;

  constructor(fields: WorkerError) {
    super(fields.message);
    this.name = 'EmbeddedDatabaseError';
    // Every field PostgreSQL sent (severity, hint, position…) is kept, as `pg` does.
    Object.assign(this, fields);
    this.code = fields.code;
    this.constraint = fields.constraint;
    this.detail = fields.detail;
    this.column = fields.column;
    this.table = fields.table;
    this.schema = fields.schema;
  }
}

const WORKER_URL = new URL('./pglite-worker.mjs', import.meta.url);

export class EmbeddedClient {
  readonly #worker: Worker;
  readonly #pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  #nextId = 1;
  #closed: Promise<void> | undefined;
  /** Set when the thread stopped or crashed: nothing can be sent any more. */
  #failure: Error | undefined;

  private constructor(worker: Worker) {
    this.#worker = worker;
    worker.on('message', (reply: Reply) => this.#settle(reply));
    worker.on('error', (error) => this.#failAll(error));
    worker.on('exit', () => this.#failAll(new Error('Embedded database thread stopped')));
    // An idle database must not keep the process alive (a command that forgot to close still ends).
    worker.unref();
  }

  /** Starts the worker and opens the database in it. */
  static async open(options: EmbeddedOptions): Promise<EmbeddedClient> {
    const image = options.image ? await options.image.arrayBuffer() : undefined;
    const worker = new Worker(WORKER_URL, {
      workerData: { dataDir: options.dataDir, postgis: options.postgis, image },
      ...(image ? { transferList: [image] } : {}),
    });
    const ready = await new Promise<Ready>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    if (!ready.ready) {
      await worker.terminate();
      throw new EmbeddedDatabaseError(ready.error);
    }
    return new EmbeddedClient(worker);
  }

  get closed(): boolean {
    return this.#closed !== undefined;
  }

  /** Several statements, no parameters (simple protocol); the last statement's result. */
  exec<R>(sql: string): Promise<EmbeddedResult<R>> {
    return this.#send({ op: 'exec', sql }) as Promise<EmbeddedResult<R>>;
  }

  /** One statement with bound parameters (extended protocol). */
  query<R>(sql: string, params: readonly unknown[] = []): Promise<EmbeddedResult<R>> {
    return this.#send({ op: 'query', sql, params: [...params] }) as Promise<EmbeddedResult<R>>;
  }

  /** An image of the whole database, to start another one from (`loadDataDir`). */
  async dumpDataDir(compression: 'gzip' | 'none' = 'gzip'): Promise<Blob> {
    const bytes = (await this.#send({ op: 'dump', compression })) as ArrayBuffer;
    return new Blob([bytes]);
  }

  /** Closes the database (its files are flushed), then stops the thread. */
  close(): Promise<void> {
    this.#closed ??= (async () => {
      try {
        // A thread that already stopped has nothing left to flush.
        if (!this.#failure) await this.#send({ op: 'close' });
      } finally {
        await this.#worker.terminate();
      }
    })();
    return this.#closed;
  }

  #send(operation: Operation): Promise<unknown> {
    if (this.#failure) return Promise.reject(this.#failure);
    if (this.#closed && operation.op !== 'close') return Promise.reject(new Error('Embedded database closed'));
    const id = this.#nextId++;
    if (this.#pending.size === 0) this.#worker.ref();
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#worker.postMessage({ id, ...operation });
    });
  }

  #settle(reply: Reply): void {
    const waiting = this.#pending.get(reply.id);
    if (!waiting) return;
    this.#pending.delete(reply.id);
    if (this.#pending.size === 0) this.#worker.unref();
    if (reply.error) waiting.reject(new EmbeddedDatabaseError(reply.error));
    else waiting.resolve(reply.result);
  }

  #failAll(error: Error): void {
    this.#failure ??= error;
    for (const waiting of this.#pending.values()) waiting.reject(error);
    this.#pending.clear();
  }
}
