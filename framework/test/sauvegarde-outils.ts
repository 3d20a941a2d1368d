/**
 * For the backup tests: a real embedded data folder (not an in-memory image), started from the
 * migrated template the test databases use (support/databases.ts), so that no test file pays for
 * the migrations; then the instance booted on it, as `commun start` would.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bootstrap } from '../src/bootstrap.ts';
import { loadConfig } from '../src/config/index.ts';
import { frameworkMigrations, readMigrations } from '../src/db/index.ts';
import type { Runtime } from '../src/runtime.ts';
import { createTestDatabase } from './support/databases.ts';

export const ADMIN_PASSWORD = 'Motdepasse-solide-42';

/** The same key as support/databases.ts gives the framework's template. */
function templateFile(): string {
  const hash = createHash('sha256');
  for (const file of readMigrations(frameworkMigrations)) hash.update(`${file.scope}/${file.name}:${file.checksum}\n`);
  return join(tmpdir(), 'commun-test-templates', `pglite-${hash.digest('hex').slice(0, 16)}.tar.gz`);
}

/** Boots an instance on a new data folder `dataDir` (the folder's lock is this process's). */
export async function bootOnNewFolder(dataDir: string): Promise<Runtime> {
  const template = templateFile();
  if (!existsSync(template)) await (await createTestDatabase('pglite')).close();
  mkdirSync(dataDir, { recursive: true });
  execFileSync('tar', ['-xzf', template, '-C', dataDir], { stdio: 'ignore' });
  const config = { ...loadConfig({}), dataDir, demo: false, adminPassword: ADMIN_PASSWORD, logLevel: 'silent' };
  return (await bootstrap(config, [])).runtime;
}
