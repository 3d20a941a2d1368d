/**
 * Test databases: every test that needs a database runs on the embedded one and, when a server is
 * reachable, on the PostgreSQL server. Each test file gets a fresh database copied from a migrated
 * template (a PGlite image, or a server template database), so a file costs about a second.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe } from 'node:test';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import {
  asApplicationRole,
  frameworkMigrations,
  migrate,
  openDatabase,
  readMigrations,
  secureSchema,
  type Database,
  type DatabaseKind,
  type Db,
  type MigrationSource,
} from '../../src/db/index.ts';

export const SERVER_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const serverRequired = Boolean(process.env.CI) || process.env.COMMUN_REQUIRE_SERVER === '1';

export interface TestDatabase {
  readonly kind: DatabaseKind;
  /** Connection string of the server database (undefined for the embedded one). */
  readonly url: string | undefined;
  /** The application role (RLS applies): what the runtime uses. */
  readonly db: Database;
  /** Runs SQL as the owner (DDL for test schemas, data that bypasses RLS), then re-secures `schema`. */
  asOwner(text: string, schema?: string): Promise<void>;
  /** Runs a query as the owner and returns its rows. */
  ownerQuery<T>(text: string): Promise<T[]>;
  /** Runs work on a connection of the owner (what `bootstrap` does as the owner: referentials…). */
  withOwner<T>(work: (db: Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

let serverReachable: boolean | undefined;

export async function isServerReachable(): Promise<boolean> {
  if (serverReachable !== undefined) return serverReachable;
  try {
    await connectOnce(serverRequired ? 4 : 1);
    serverReachable = true;
  } catch (error) {
    if (serverRequired) {
      throw new Error(`Serveur PostgreSQL injoignable (${SERVER_URL}) alors qu'il est exigé : ${String(error)}`);
    }
    console.log(`# Serveur PostgreSQL injoignable (${SERVER_URL}) : seuls les tests sur la base embarquée sont lancés.`);
    serverReachable = false;
  }
  return serverReachable;
}

/** A connection and a query; a busy machine (CI running tests side by side) gets a few tries. */
async function connectOnce(attempts = 4): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const client = new pg.Client({ connectionString: SERVER_URL, connectionTimeoutMillis: 10_000 });
    try {
      await client.connect();
      await client.query('select 1');
      return;
    } catch (error) {
      if (attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1000 * attempt));
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}

export async function databaseKinds(): Promise<DatabaseKind[]> {
  return (await isServerReachable()) ? ['pglite', 'postgres'] : ['pglite'];
}

function templateKey(sources: MigrationSource[]): string {
  const hash = createHash('sha256');
  for (const source of sources) for (const file of readMigrations(source)) hash.update(`${file.scope}/${file.name}:${file.checksum}\n`);
  return hash.digest('hex').slice(0, 16);
}

// ---- embedded -------------------------------------------------------------------------------

async function embeddedTemplate(sources: MigrationSource[], postgis: boolean): Promise<Blob> {
  const dir = join(tmpdir(), 'commun-test-templates');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `pglite-${postgis ? 'postgis-' : ''}${templateKey(sources)}.tar.gz`);
  if (!existsSync(file)) {
    const owner = await openDatabase({ dataDir: 'memory://', postgis });
    await migrate(owner.kysely, sources);
    const dump = await owner.pglite!.dumpDataDir('gzip');
    await owner.close();
    const temporary = `${file}.${process.pid}`;
    writeFileSync(temporary, Buffer.from(await dump.arrayBuffer()));
    renameSync(temporary, file);
  }
  return new Blob([readFileSync(file)]);
}

async function createEmbedded(sources: MigrationSource[], postgis: boolean): Promise<TestDatabase> {
  const owner = await openDatabase({ loadDataDir: await embeddedTemplate(sources, postgis), postgis });
  const app = await asApplicationRole(owner);
  const asOwnerDo = async <T>(work: (db: Db) => Promise<T>): Promise<T> => {
    await sql`reset role`.execute(owner.kysely);
    try {
      return await work(owner.kysely);
    } finally {
      await sql`set role commun_app`.execute(owner.kysely);
    }
  };
  return {
    kind: 'pglite',
    url: undefined,
    db: app,
    asOwner: (text, schema) =>
      asOwnerDo(async (db) => {
        await sql.raw(text).execute(db);
        if (schema) await secureSchema(db, schema);
      }),
    ownerQuery: <T>(text: string) => asOwnerDo(async (db) => (await sql.raw(text).execute(db)).rows as T[]),
    withOwner: asOwnerDo,
    close: () => app.close(),
  };
}

// ---- server ---------------------------------------------------------------------------------

function urlFor(database: string): string {
  const url = new URL(SERVER_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

/** One statement on the server's maintenance database (create or drop a database). */
export async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

async function serverTemplate(sources: MigrationSource[]): Promise<string> {
  const name = `commun_tpl_${templateKey(sources)}`;
  const client = new pg.Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    // One process builds the template; the others wait for the lock and then find it ready.
    await client.query('select pg_advisory_lock(7413202)');
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) {
      const building = `${name}_building`;
      await client.query(`drop database if exists ${building}`);
      await client.query(`create database ${building}`);
      const owner = await openDatabase({ url: urlFor(building) });
      try {
        await migrate(owner.kysely, sources);
      } finally {
        await owner.close();
      }
      await client.query(`alter database ${building} rename to ${name}`);
    }
  } finally {
    await client.query('select pg_advisory_unlock(7413202)').catch(() => undefined);
    await client.end();
  }
  return name;
}

let serverCounter = 0;

async function createOnServer(sources: MigrationSource[]): Promise<TestDatabase> {
  const template = await serverTemplate(sources);
  const name = `commun_t_${process.pid}_${Date.now().toString(36)}_${serverCounter++}`;
  await adminQuery(`create database ${name} template ${template}`);
  const url = urlFor(name);
  const ownerPool = new pg.Pool({ connectionString: url, max: 1 });
  // The database is dropped WITH (FORCE) at the end: a connection it cuts must not crash the file.
  ownerPool.on('error', () => undefined);
  const ownerKysely = new Kysely<Record<string, Record<string, unknown>>>({ dialect: new PostgresDialect({ pool: ownerPool }) });
  const owner = await openDatabase({ url, poolSize: 5 });
  const app = await asApplicationRole(owner);
  return {
    kind: 'postgres',
    url,
    db: app,
    asOwner: async (text, schema) => {
      await sql.raw(text).execute(ownerKysely);
      if (schema) await secureSchema(ownerKysely, schema);
    },
    ownerQuery: async <T>(text: string) => (await sql.raw(text).execute(ownerKysely)).rows as T[],
    withOwner: (work) => work(ownerKysely),
    close: async () => {
      await app.close();
      await ownerKysely.destroy();
      await adminQuery(`drop database if exists ${name} with (force)`);
    },
  };
}

/** Whether the server can create an extension (PostGIS is a Debian package of its own); false without a server. */
export async function serverHasExtension(name: string): Promise<boolean> {
  if (!availableKinds.includes('postgres')) return false;
  const client = new pg.Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    return (await client.query('select 1 from pg_available_extensions where name = $1', [name])).rowCount === 1;
  } finally {
    await client.end();
  }
}

/** Decided once per test process, before any suite is declared. */
const availableKinds: DatabaseKind[] = await databaseKinds();

/** Whether a migration of these sources creates the PostGIS extension (an application with geometry columns). */
export function needsPostgis(sources: readonly MigrationSource[]): boolean {
  return sources.some((source) => readMigrations(source).some((file) => /create\s+extension\s+(if\s+not\s+exists\s+)?postgis\b/i.test(file.text)));
}

/**
 * `postgis`: the embedded database loads the extension (the server has it installed, or migrations
 * fail); by default when one of the sources' migrations creates it.
 */
export async function createTestDatabase(
  kind: DatabaseKind,
  sources: MigrationSource[] = [frameworkMigrations],
  postgis = needsPostgis(sources),
): Promise<TestDatabase> {
  return kind === 'pglite' ? createEmbedded(sources, postgis) : createOnServer(sources);
}

/**
 * Declares the same suite once per database kind. `body` receives a getter for the suite's
 * database, which is created before the suite's tests and dropped after them.
 */
export function describeEachDatabase(
  title: string,
  body: (database: () => TestDatabase) => void,
  options: { sources?: MigrationSource[]; postgis?: boolean; skipServer?: string | undefined } = {},
): void {
  for (const kind of availableKinds) {
    const name = `${title} [${kind === 'pglite' ? 'embarquée' : 'serveur'}]`;
    const skip = kind === 'postgres' ? options.skipServer : undefined;
    if (skip) {
      describe(name, { skip }, () => undefined);
      continue;
    }
    describe(name, () => {
      let database: TestDatabase | undefined;
      before(async () => {
        database = await createTestDatabase(kind, options.sources, options.postgis);
      });
      after(async () => {
        await database?.close();
      });
      body(() => {
        if (!database) throw new Error('test database not ready');
        return database;
      });
    });
  }
}
