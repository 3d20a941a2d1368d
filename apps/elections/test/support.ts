/** A runtime with the elections application over a test database, its referentials loaded, and actors from real users. */
import type { Actor } from '../../../framework/src/access/actor.ts';
import { frameworkMigrations, type MigrationSource } from '../../../framework/src/db/index.ts';
import type { RegisteredObject } from '../../../framework/src/model/registry.ts';
import { loadReferentials } from '../../../framework/src/referentials/index.ts';
import { actorsFor as actorsForApps, applicationsRuntime, depsOf, objectOf as objectOfApp } from '../../../framework/test/support/app-runtime.ts';
import type { TestDatabase } from '../../../framework/test/support/databases.ts';
import type { TestRuntime, TestUser } from '../../../framework/test/support/runtime.ts';
import { elections } from '../src/index.ts';

export const SOURCES: MigrationSource[] = [frameworkMigrations, elections.migrations];

export const PASSWORD = 'Elections-Libreville-2026';

/** A second town, for isolation tests. */
export const AUTREVILLE_SQL = `insert into om.om_collectivite (om_collectivite, libelle, niveau) values (3, 'Autreville', '1');
  select setval(pg_get_serial_sequence('om.om_collectivite', 'om_collectivite'), 3);`;

/** Loads the communes, départements and régions, as a start does. */
export const loadElectionReferentials = (database: TestDatabase) => database.withOwner((db) => loadReferentials(db, [elections]));

export const electionsRuntime = (database: TestDatabase): Promise<TestRuntime> => applicationsRuntime(database, [elections]);

export { depsOf };

export const objectOf = (runtime: TestRuntime, table: string): RegisteredObject => objectOfApp(runtime, 'elections', table);

/** Creates the users and returns their actors (permissions from the profiles, as at login). */
export const actorsFor = (database: TestDatabase, users: readonly Omit<TestUser, 'password'>[]): Promise<Record<string, Actor>> =>
  actorsForApps(database, PASSWORD, users);
