export { APP_ROLE, asApplicationRole, openDatabase } from './connection.ts';
export type { Database, DatabaseConfig, DatabaseKind, Db, Row, Schema } from './connection.ts';
export { MigrationChangedError, migrate, readMigrations, secureSchema } from './migrate.ts';
export type { MigrationSource } from './migrate.ts';
export { frameworkMigrations } from './framework-migrations.ts';
export { readAs, writeAs } from './tenant-context.ts';
export { inBackground, isBackground } from './background.ts';
export { DataFolderLockedError, lockDataFolder, LOCK_FILE } from './data-folder-lock.ts';
export type { EmbeddedHandle } from './connection.ts';
