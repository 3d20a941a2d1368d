/**
 * The server's pooled connections remember the collectivité settings `readAs` last gave their
 * session (`set_config(…, false)`). Most requests of one user reuse such a connection: the same
 * settings again are answered here, without a round trip to the server. Anything else, and any
 * failure, goes to the server (and a failure forgets what the connection had).
 */
import {
  PostgresDialect,
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type QueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';

/** Starts the one statement whose effect is remembered: session-level settings, outside any transaction. */
export const SESSION_SETTINGS_MARK = '/* commun:session-settings */';

class RememberingConnection implements DatabaseConnection {
  #settings: string | undefined;

  constructor(readonly inner: DatabaseConnection) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    if (!query.sql.startsWith(SESSION_SETTINGS_MARK)) return this.inner.executeQuery<R>(query);
    const settings = JSON.stringify(query.parameters);
    if (settings === this.#settings) return { rows: [] };
    this.#settings = undefined;
    const result = await this.inner.executeQuery<R>(query);
    this.#settings = settings;
    return result;
  }

  streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    return this.inner.streamQuery<R>(query, chunkSize);
  }
}

const innerOf = (connection: DatabaseConnection) => (connection instanceof RememberingConnection ? connection.inner : connection);

class RememberingDriver implements Driver {
  // Kysely's Postgres driver gives the same connection object for the same pooled client.
  readonly #connections = new WeakMap<DatabaseConnection, RememberingConnection>();

  constructor(private readonly inner: Driver) {}

  init(): Promise<void> {
    return this.inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const connection = await this.inner.acquireConnection();
    let remembering = this.#connections.get(connection);
    if (!remembering) {
      remembering = new RememberingConnection(connection);
      this.#connections.set(connection, remembering);
    }
    return remembering;
  }

  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    return this.inner.beginTransaction(innerOf(connection), settings);
  }

  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return this.inner.commitTransaction(innerOf(connection));
  }

  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    return this.inner.rollbackTransaction(innerOf(connection));
  }

  async savepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    await this.inner.savepoint?.(innerOf(connection), name, compile);
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    await this.inner.rollbackToSavepoint?.(innerOf(connection), name, compile);
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    await this.inner.releaseSavepoint?.(innerOf(connection), name, compile);
  }

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return this.inner.releaseConnection(innerOf(connection));
  }

  destroy(): Promise<void> {
    return this.inner.destroy();
  }
}

/** Kysely's Postgres dialect whose connections remember their session settings. */
export class SessionSettingsDialect extends PostgresDialect {
  override createDriver(): Driver {
    return new RememberingDriver(super.createDriver());
  }
}
