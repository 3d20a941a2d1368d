/**
 * Kysely over the embedded database (PGlite in its worker thread): one PostgreSQL session shared by
 * every request and job. The session is lent for one statement at a time, or for a whole
 * transaction, through a fair lock (fair-lock.ts): a request doing JavaScript between two queries
 * lets others in, and interactive work goes before background work.
 *
 * Because statements of different actors interleave on the one session, each Kysely connection
 * remembers the session settings it set (`readAs`: collectivité, « toutes ») and sets them again
 * before its next statement when someone else changed them in between: row-level security always
 * sees the settings of the actor whose statement runs.
 */
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
import { isBackground } from './background.ts';
import { FairLock } from './fair-lock.ts';
import type { EmbeddedClient } from './pglite-client.ts';
import { SESSION_SETTINGS_MARK } from './session-settings.ts';

const LOCK_TIMEOUT_MS = 60_000;

/** The one session and what is known of its state. */
class EmbeddedSession {
  readonly lock = new FairLock();
  /** The session settings in force (parameters of the last settings statement), when known. */
  settings: string | undefined;

  constructor(readonly client: EmbeddedClient) {}

  async run<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    // Without parameters, use the simple protocol: it accepts several statements (migrations).
    const result =
      query.parameters.length === 0
        ? await this.client.exec<R>(query.sql)
        : await this.client.query<R>(query.sql, query.parameters);
    const affected = result.affectedRows;
    return affected !== undefined && affected !== null && /^\s*(insert|update|delete|merge|with)/i.test(query.sql)
      ? { rows: result.rows, numAffectedRows: BigInt(affected) }
      : { rows: result.rows };
  }
}

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

class PGliteConnection implements DatabaseConnection {
  /** The statement that set this connection's session settings, and its parameters as a key. */
  #settings: { query: CompiledQuery; key: string } | undefined;
  /** Set while this connection is inside a transaction: it holds the session until COMMIT/ROLLBACK. */
  #release: (() => void) | undefined;

  constructor(private readonly session: EmbeddedSession) {}

  get inTransaction(): boolean {
    return this.#release !== undefined;
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    if (this.#release) return this.#execute<R>(query);
    const release = await this.session.lock.acquire(isBackground(), LOCK_TIMEOUT_MS);
    try {
      await this.#restoreSettings();
      return await this.#execute<R>(query);
    } finally {
      release();
    }
  }

  async *streamQuery<R>(query: CompiledQuery, chunkSize = 1000): AsyncIterableIterator<QueryResult<R>> {
    // A SQL cursor. Outside a transaction it is declared WITH HOLD (its rows are computed once, with
    // this actor's settings), so each FETCH takes the session only briefly.
    const cursor = `commun_cursor_${Math.random().toString(36).slice(2)}`;
    const hold = this.inTransaction ? '' : ' with hold';
    await this.executeQuery(CompiledQuery.raw(`declare ${cursor} no scroll cursor${hold} for ${query.sql}`, [...query.parameters]));
    try {
      for (;;) {
        const chunk = await this.executeQuery<R>(CompiledQuery.raw(`fetch ${Math.max(1, Math.floor(chunkSize))} from ${cursor}`));
        if (chunk.rows.length === 0) return;
        yield { rows: chunk.rows };
      }
    } finally {
      await this.executeQuery(CompiledQuery.raw(`close ${cursor}`));
    }
  }

  async begin(statement: string): Promise<void> {
    const release = await this.session.lock.acquire(isBackground(), LOCK_TIMEOUT_MS);
    try {
      await this.#restoreSettings();
      await this.session.run(CompiledQuery.raw(statement));
    } catch (error) {
      release();
      throw error;
    }
    this.#release = release;
  }

  async end(statement: 'commit' | 'rollback'): Promise<void> {
    try {
      await this.session.run(CompiledQuery.raw(statement));
    } finally {
      this.releaseSession();
    }
  }

  releaseSession(): void {
    const release = this.#release;
    this.#release = undefined;
    release?.();
  }

  async #execute<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    if (!query.sql.startsWith(SESSION_SETTINGS_MARK)) return this.session.run<R>(query);
    const key = JSON.stringify(query.parameters);
    this.#settings = { query, key };
    if (!this.inTransaction && this.session.settings === key) return { rows: [] };
    this.session.settings = undefined;
    const result = await this.session.run<R>(query);
    // Inside a transaction a rollback could undo them: leave the state unknown.
    if (!this.inTransaction) this.session.settings = key;
    return result;
  }

  async #restoreSettings(): Promise<void> {
    const mine = this.#settings;
    if (!mine || this.session.settings === mine.key) return;
    this.session.settings = undefined;
    await this.session.run(mine.query);
    this.session.settings = mine.key;
  }
}

const asEmbedded = (connection: DatabaseConnection) => connection as PGliteConnection;

class PGliteDriver implements Driver {
  readonly #session: EmbeddedSession;

  constructor(client: EmbeddedClient) {
    this.#session = new EmbeddedSession(client);
  }

  async init(): Promise<void> {}

  // No lock here: each statement (or transaction) of the connection takes the session in turn.
  async acquireConnection(): Promise<DatabaseConnection> {
    return new PGliteConnection(this.#session);
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const isolation = settings.isolationLevel ? ` isolation level ${settings.isolationLevel}` : '';
    const access = settings.accessMode ? ` ${settings.accessMode}` : '';
    await asEmbedded(connection).begin(`begin${isolation}${access}`);
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await asEmbedded(connection).end('commit');
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await asEmbedded(connection).end('rollback');
  }

  async savepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`savepoint ${quoted(name)}`));
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`rollback to savepoint ${quoted(name)}`));
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`release savepoint ${quoted(name)}`));
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    // A transaction Kysely did not end (it always does) must not keep the session forever.
    asEmbedded(connection).releaseSession();
  }

  async destroy(): Promise<void> {
    await this.#session.client.close();
  }
}

/** Kysely dialect over the embedded database in its worker thread. */
export class PGliteDialect implements Dialect {
  constructor(private readonly client: EmbeddedClient) {}
  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver(): Driver {
    return new PGliteDriver(this.client);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
  createIntrospector<DB>(db: Kysely<DB>) {
    return new PostgresIntrospector(db);
  }
}
