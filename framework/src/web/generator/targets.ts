/**
 * What the generator screen may generate: the instance's applications that have a folder with
 * `commun.app.ts` (the parent of their migrations folder), and the framework's own tables (`om`).
 * Tests (or an embedding) provide their own list for a runtime.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { loadApplications } from '../../config/applications.ts';
import { FRAMEWORK_GENERATION } from '../../generator/command.ts';
import { APP_CONFIG_FILE } from '../../generator/options.ts';
import type { Runtime } from '../../runtime.ts';

export const FRAMEWORK_TARGET = 'om';

export interface GeneratorTargets {
  /** Application name → its folder (holding `commun.app.ts`). */
  readonly apps: ReadonlyMap<string, string>;
  /** Folder of the framework's generated modules; undefined: the framework is not offered. */
  readonly frameworkOutDir?: string;
}

const provided = new WeakMap<Runtime, GeneratorTargets>();

/** Points the generator screen of this runtime at other folders (tests: temporary copies). */
export function provideGeneratorTargets(runtime: Runtime, targets: GeneratorTargets): void {
  provided.set(runtime, targets);
}

/** The applications the runtime serves (those `commun start` loaded), else the ones of `./commun.config.ts`. */
async function instanceTargets(runtime: Runtime): Promise<GeneratorTargets> {
  const apps = new Map<string, string>();
  for (const application of runtime.applications ?? (await loadApplications())) {
    const folder = dirname(resolve(application.migrations.directory));
    if (existsSync(resolve(folder, APP_CONFIG_FILE))) apps.set(application.name, folder);
  }
  return { apps, frameworkOutDir: FRAMEWORK_GENERATION.outDir };
}

export async function targetsOf(runtime: Runtime): Promise<GeneratorTargets> {
  return provided.get(runtime) ?? instanceTargets(runtime);
}
