/** A runtime with the résultats application over a test database (and, for the tests that need them, the élections bureaux). */
import { frameworkMigrations, type MigrationSource } from '../../../framework/src/db/index.ts';
import type { RegisteredObject } from '../../../framework/src/model/registry.ts';
import { applicationsRuntime, objectOf } from '../../../framework/test/support/app-runtime.ts';
import type { TestDatabase } from '../../../framework/test/support/databases.ts';
import type { TestRuntime } from '../../../framework/test/support/runtime.ts';
import { elections } from '../../elections/src/index.ts';
import { resultats } from '../src/index.ts';

export { actorsFor, depsOf } from '../../../framework/test/support/app-runtime.ts';

export const SOURCES: MigrationSource[] = [frameworkMigrations, resultats.migrations];
/** With the élections application installed too (bureaux and inscrits imported from it). */
export const SOURCES_AVEC_ELECTIONS: MigrationSource[] = [frameworkMigrations, elections.migrations, resultats.migrations];

export const PASSWORD = 'Resultats-Libreville-2026';

export const resultatsRuntime = (database: TestDatabase): Promise<TestRuntime> => applicationsRuntime(database, [resultats]);
export const resultatsEtElectionsRuntime = (database: TestDatabase): Promise<TestRuntime> => applicationsRuntime(database, [elections, resultats]);

export const resultatsObject = (runtime: TestRuntime, table: string): RegisteredObject => objectOf(runtime, 'resultats', table);
