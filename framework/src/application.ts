import type { MigrationSource } from './db/migrate.ts';
import type { Registry } from './model/registry.ts';
import type { Runtime } from './runtime.ts';

/** An application of the catalogue, as the runtime sees it. */
export interface Application {
  readonly name: string;
  readonly migrations: MigrationSource;
  /** Registers the application's objects (generated metadata + overrides). */
  register(registry: Registry): void;
  /** The application has geometry columns: the embedded database loads PostGIS. */
  readonly postgis?: boolean;
  /** Extra module permissions (menus, screens that are not objects). */
  readonly permissions?: readonly string[];
  /** Loads demo data when the database is new. */
  loadDemo?(runtime: Runtime): Promise<void>;
}
