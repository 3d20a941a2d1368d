import { fileURLToPath } from 'node:url';
import type { MigrationSource } from './migrate.ts';

/** The framework's own migrations (schema `om`). */
export const frameworkMigrations: MigrationSource = {
  scope: 'om',
  schema: 'om',
  directory: fileURLToPath(new URL('../../migrations', import.meta.url)),
};
