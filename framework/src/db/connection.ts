import { Kysely, sql } from 'kysely';
import pg from 'pg';
import { lockDataFolder, type DataFolderLock } from './data-folder-lock.ts';
import { EmbeddedClient } from './pglite-client.ts';
import { PGliteDialect } from './pglite-dialect.ts';
import { SessionSettingsDialect } from './session-settings.ts';

/** Tables are reached by name at run time (from the model), so rows are plain records. */
export type Row = Record<string, unknown>;
export type Schema = Record<string, Row>;
export type Db = Kysely<Schema>;

export type DatabaseKind = 'pglite' | 'postgres';

export interface DatabaseConfig {
  /** `postgres://…`: a PostgreSQL server. Absent: the embedded database. */
  url?: string | undefined;
  /** Folder of the embedded database (`memory://` keeps it in memory). */
  dataDir?: string | undefined;
  /** Load PostGIS into the embedded database (the server has it from Debian's package). */
  postgis?: boolean | undefined;
  /** An embedded database image to start from (tests use a migrated template). */
  loadDataDir?: Blob | undefined;
  /** Size of the server connection pool. */
  poolSize?: number | undefined;
}

export interface Database {
  readonly kind: DatabaseKind;
  readonly kysely: Db;
  /** The role queries run as: the owner (migrations) or the application role (RLS applies). */
  readonly role: 'owner' | 'app';
  close(): Promise<void>;
}

/** The role the application works as: it owns nothing and is no superuser, so RLS applies to it. */
export const APP_ROLE = 'commun_app';

// Dates stay `AAAA-MM-JJ` strings, timestamps without zone stay strings, int8 becomes a number:
// the same JS values whichever database answers (pglite-worker.mjs sets the same parsers).
const DATE = 1082;
const TIMESTAMP = 1114;
const INT8 = 20;
const NUMERIC = 1700;
const INTERVAL = 1186;
const identity = (value: string) => value;

export function serverTypes(): pg.CustomTypesConfig {
  return {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
      if (oid === DATE || oid === TIMESTAMP || oid === NUMERIC || oid === INTERVAL) return identity;
      if (oid === INT8) return (value: string) => Number(value);
      return pg.types.getTypeParser(oid, format ?? 'text');
    }) as pg.CustomTypesConfig['getTypeParser'],
  };
}

/** What the owner of an embedded database can do besides queries. */
export interface EmbeddedHandle {
  /** An image of the whole database (tests start their databases from a migrated one). */
  dumpDataDir(compression?: 'gzip' | 'none'): Promise<Blob>;
}

/** Opens the embedded database in its worker thread, after taking the data folder's lock. */
async function openEmbedded(config: DatabaseConfig): Promise<{ client: EmbeddedClient; lock: DataFolderLock | undefined }> {
  const dataDir = config.dataDir ?? 'memory://';
  const lock = config.loadDataDir || dataDir.startsWith('memory://') ? undefined : lockDataFolder(dataDir);
  try {
    const client = await EmbeddedClient.open({ dataDir, postgis: config.postgis ?? false, image: config.loadDataDir });
    return { client, lock };
  } catch (error) {
    lock?.release();
    throw error;
  }
}

function kyselyOnServer(url: string, poolSize: number, role?: string): Db {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    types: serverTypes(),
    // JIT compiling costs 150–200 ms per query whose estimated cost is high (PostGIS functions
    // declare one): far more than such a query of a web page takes to run (bench:cartes).
    options: role ? `-c role=${role} -c jit=off` : '-c jit=off',
  });
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it. Nothing to do here.
  });
  return new Kysely<Schema>({ dialect: new SessionSettingsDialect({ pool }) });
}

/** Opens the database as its owner (to migrate). Use `asApplicationRole` for everything else. */
export async function openDatabase(config: DatabaseConfig): Promise<Database & { config: DatabaseConfig; pglite?: EmbeddedHandle }> {
  if (config.url) {
    const kysely = kyselyOnServer(config.url, 2);
    return { kind: 'postgres', kysely, role: 'owner', config, close: () => kysely.destroy() };
  }
  const { client, lock } = await openEmbedded(config);
  const kysely = new Kysely<Schema>({ dialect: new PGliteDialect(client) });
  const close = async () => {
    try {
      await kysely.destroy();
    } finally {
      lock?.release();
    }
  };
  return { kind: 'pglite', kysely, role: 'owner', config, pglite: client, close };
}

/**
 * Switches to the application role. On the server this opens a pool whose sessions start as
 * `commun_app` and closes the owner's; the embedded database has one connection, which changes role.
 */
export async function asApplicationRole(owner: Awaited<ReturnType<typeof openDatabase>>): Promise<Database> {
  if (owner.kind === 'postgres') {
    await owner.close();
    const kysely = kyselyOnServer(owner.config.url as string, owner.config.poolSize ?? 10, APP_ROLE);
    return { kind: 'postgres', kysely, role: 'app', close: () => kysely.destroy() };
  }
  await sql`set role ${sql.id(APP_ROLE)}`.execute(owner.kysely);
  return { kind: 'pglite', kysely: owner.kysely, role: 'app', close: () => owner.close() };
}
