import type { PGlite } from '@electric-sql/pglite';
import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import { Mutex } from './mutex.ts';

const LOCK_TIMEOUT_MS = 60_000;

class PGliteConnection implements DatabaseConnection {
  constructor(private readonly pglite: PGlite) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    // Without parameters, use the simple protocol: it accepts several statements (migrations).
    const result =
      query.parameters.length === 0
        ? ((await this.pglite.exec(query.sql)).at(-1) ?? { rows: [], fields: [] })
        : await this.pglite.query<R>(query.sql, [...query.parameters]);
    const affected = 'affectedRows' in result ? result.affectedRows : undefined;
    return affected !== undefined && affected !== null && /^\s*(insert|update|delete|merge|with)/i.test(query.sql)
      ? { rows: result.rows as R[], numAffectedRows: BigInt(affected) }
      : { rows: result.rows as R[] };
  }

  async *streamQuery<R>(query: CompiledQuery, chunkSize = 1000): AsyncIterableIterator<QueryResult<R>> {
    // PGlite has no protocol-level cursor: use a SQL cursor inside the caller's transaction.
    const cursor = `commun_cursor_${Math.random().toString(36).slice(2)}`;
    await this.pglite.query(`declare ${cursor} no scroll cursor for ${query.sql}`, [...query.parameters]);
    try {
      for (;;) {
        const chunk = await this.pglite.query<R>(`fetch ${Math.max(1, Math.floor(chunkSize))} from ${cursor}`);
        if (chunk.rows.length === 0) return;
        yield { rows: chunk.rows };
      }
    } finally {
      await this.pglite.query(`close ${cursor}`);
    }
  }
}

class PGliteDriver implements Driver {
  readonly #mutex = new Mutex();
  readonly #connection: PGliteConnection;
  #release: (() => void) | undefined;

  constructor(private readonly pglite: PGlite) {
    this.#connection = new PGliteConnection(pglite);
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    this.#release = await this.#mutex.acquire(LOCK_TIMEOUT_MS);
    return this.#connection;
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const isolation = settings.isolationLevel ? ` isolation level ${settings.isolationLevel}` : '';
    await connection.executeQuery(CompiledQuery.raw(`begin${isolation}`));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }

  async releaseConnection(): Promise<void> {
    const release = this.#release;
    this.#release = undefined;
    release?.();
  }

  async destroy(): Promise<void> {
    if (!this.pglite.closed) await this.pglite.close();
  }
}

/** Kysely dialect over an in-process PGlite instance (one connection, serialised). */
export class PGliteDialect implements Dialect {
  constructor(private readonly pglite: PGlite) {}
  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver(): Driver {
    return new PGliteDriver(this.pglite);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
  createIntrospector<DB>(db: Kysely<DB>) {
    return new PostgresIntrospector(db);
  }
}
