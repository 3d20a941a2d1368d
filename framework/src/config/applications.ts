/**
 * The instance's applications: `commun.config.ts` in the working directory, whose default export
 * is `{ applications: [ … ] }`. Without the file the instance serves the framework alone.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Application } from '../application.ts';
import { t } from '../i18n/index.ts';

export interface InstanceConfig {
  /** The catalogue applications this instance serves, in the order their migrations run. */
  readonly applications: readonly Application[];
}

export const INSTANCE_CONFIG_FILE = 'commun.config.ts';

function isApplication(value: unknown): value is Application {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<Record<keyof Application, unknown>>;
  return typeof candidate.name === 'string' && typeof candidate.register === 'function' && typeof candidate.migrations === 'object' && candidate.migrations !== null;
}

export async function loadApplications(directory = process.cwd()): Promise<readonly Application[]> {
  const file = join(directory, INSTANCE_CONFIG_FILE);
  if (!existsSync(file)) return [];
  const loaded = ((await import(pathToFileURL(file).href)) as { default?: unknown }).default;
  const applications = typeof loaded === 'object' && loaded !== null ? (loaded as { applications?: unknown }).applications : undefined;
  if (!Array.isArray(applications) || !applications.every(isApplication)) throw new Error(t('cli.config.invalid', { file }));
  return applications;
}
