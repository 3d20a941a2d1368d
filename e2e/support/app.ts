/**
 * The real application for browser tests: a fresh test database (embedded or server), a runtime
 * over it, `createApp` and `startServer` on a free port of 127.0.0.1. Nothing is mocked but the
 * mailer (the runtime keeps the messages it "sent", see `sentMail`).
 */
import type { DatabaseKind } from '../../framework/src/db/index.ts';
import type { RuntimeConfig } from '../../framework/src/config/index.ts';
import { syncPermissionVocabulary } from '../../framework/src/access/vocabulary.ts';
import type { ObjectOverride } from '../../framework/src/model/override.ts';
import type { Registry } from '../../framework/src/model/registry.ts';
import { createApp } from '../../framework/src/web/app.tsx';
import { startServer } from '../../framework/src/web/server.ts';
import { createTestDatabase, type TestDatabase } from '../../framework/test/support/databases.ts';
import { createTestRuntime, createUsers, grant, type TestRuntime, type TestUser } from '../../framework/test/support/runtime.ts';

export type { TestUser };

export interface RunningApp {
  readonly kind: DatabaseKind;
  /** Where the browser goes, e.g. `http://127.0.0.1:40123` (no trailing slash). */
  readonly url: string;
  readonly database: TestDatabase;
  readonly runtime: TestRuntime;
  /** Stops the server (which closes the runtime's database), then drops the test database. */
  close(): Promise<void>;
}

export interface AppOptions {
  /** Users created before the server starts (real argon2id hashes). */
  users?: TestUser[];
  /** Extra permissions per profile. */
  grants?: Partial<Record<TestUser['profil'], string[]>>;
  /** Anything else to prepare as the database owner (names, data), before the server starts. */
  setup?: (database: TestDatabase) => Promise<void>;
  config?: Partial<RuntimeConfig>;
  /**
   * Application schemas (created by `setup`) whose tables the runtime registers as objects of the
   * application named like the schema, with their overrides by table name.
   */
  schemas?: string[];
  overrides?: Record<string, ObjectOverride>;
  /** Registers what an application's start-up would (menu entries, server widgets) on the runtime's registry. */
  register?: (registry: Registry) => void;
  /** The application has geometry columns: the embedded database loads PostGIS (slow: one such application per test file). */
  postgis?: boolean;
}

export async function startApp(kind: DatabaseKind, options: AppOptions = {}): Promise<RunningApp> {
  const database = await createTestDatabase(kind, undefined, options.postgis ?? false);
  try {
    if (options.users) await createUsers(database, options.users);
    for (const [profil, permissions] of Object.entries(options.grants ?? {})) {
      await grant(database, profil as TestUser['profil'], permissions ?? []);
    }
    await options.setup?.(database);
    const runtime = await createTestRuntime(database, {
      ...(options.config ? { config: options.config } : {}),
      ...(options.schemas ? { schemas: options.schemas } : {}),
      ...(options.overrides ? { overrides: options.overrides } : {}),
    });
    options.register?.(runtime.registry);
    // As the start-up should: the user actions that send e-mail use the runtime's (test) mailer.
    // As the real start-up does (bootstrap): the permission vocabulary follows the registered objects.
    await syncPermissionVocabulary(runtime.db.kysely, runtime.registry);
    const server = await startServer(createApp(runtime), runtime, { port: 0, hostname: '127.0.0.1', handleSignals: false, shutdownTimeoutMs: 2000 });
    return {
      kind,
      url: server.url,
      database,
      runtime,
      close: async () => {
        try {
          // Closes `runtime.db`, which is `database.db`: closing it again below is a no-op
          // (Kysely's destroy runs once), and on the server `database.close()` still has to
          // end the owner's pool and drop the database.
          await server.close();
        } finally {
          await database.close();
        }
      },
    };
  } catch (error) {
    await database.close().catch(() => undefined);
    throw error;
  }
}
