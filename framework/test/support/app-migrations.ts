/**
 * A suite's database for an application's own migrations: the framework's template, which many
 * test files share (built once per machine), with the application's migrations applied on top,
 * rather than a template of its own that one file alone would build (an embedded one costs a new
 * database, its migrations and its image).
 */
import { frameworkMigrations, migrate, type MigrationSource } from '../../src/db/index.ts';
import type { TestDatabase } from './databases.ts';

/** Applies the application's migrations (the framework's are in the template already), as its owner. */
export async function migrateApplication(database: TestDatabase, source: MigrationSource): Promise<void> {
  await database.withOwner(async (db) => {
    await migrate(db, [frameworkMigrations, source]);
  });
}
