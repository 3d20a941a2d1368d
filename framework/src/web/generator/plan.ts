/**
 * The generator screen's plan of one target: the tables read from a scratch database migrated as
 * the command does, and every file the command would produce, with its status on disk. Writing a
 * selection goes through the command's writers, so the rules are the same: a generated file is
 * written only when its text changes, an override stub only when it is missing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { frameworkMigrations, migrate, openDatabase } from '../../db/index.ts';
import type { IntrospectionProblem } from '../../db/introspect.ts';
import { appFiles, introspectScratchApp, stubFiles } from '../../generator/app.ts';
import { introspectFramework } from '../../generator/command.ts';
import { moduleFiles } from '../../generator/generate.ts';
import { loadOptions } from '../../generator/options.ts';
import { writeFiles, writeMissingFiles } from '../../generator/write.ts';
import type { TableMeta } from '../../model/types.ts';
import { FRAMEWORK_TARGET, type GeneratorTargets } from './targets.ts';

/** `kept`: an override stub that exists (never overwritten, whatever its text). */
export type FileStatus = 'absent' | 'current' | 'stale' | 'kept';

export interface CandidateFile {
  /** Relative to the target's folder, with `/`: the only name a request may use. */
  readonly name: string;
  /** Written once, when missing, and never overwritten. */
  readonly stub: boolean;
  readonly status: FileStatus;
}

export interface GeneratorPlan {
  readonly target: string;
  readonly folder: string;
  readonly tables: readonly TableMeta[];
  readonly problems: readonly IntrospectionProblem[];
  /** Every file the generator would produce, with its status on disk now. */
  files(): CandidateFile[];
  /** Writes the named candidates; returns the names of the files written. Names must come from `files`. */
  write(names: readonly string[]): string[];
}

interface FileGroup {
  /** Prefix of the names of this group, relative to the target's folder (`gen/`, `src/objects/`). */
  readonly prefix: string;
  readonly dir: string;
  readonly stub: boolean;
  readonly files: ReadonlyMap<string, string>;
}

function statusOf(path: string, text: string, stub: boolean): FileStatus {
  if (!existsSync(path)) return 'absent';
  if (stub) return 'kept';
  return readFileSync(path, 'utf8') === text ? 'current' : 'stale';
}

const byName = (a: CandidateFile, b: CandidateFile) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

function planOf(target: string, folder: string, tables: readonly TableMeta[], problems: readonly IntrospectionProblem[], groups: readonly FileGroup[]): GeneratorPlan {
  const files = () =>
    groups
      .flatMap((group) =>
        [...group.files].map(([name, text]) => ({
          name: `${group.prefix}${name}`,
          stub: group.stub,
          status: statusOf(join(group.dir, ...name.split('/')), text, group.stub),
        })),
      )
      .sort(byName);
  return {
    target,
    folder,
    tables,
    problems,
    files,
    write(names) {
      const written: string[] = [];
      for (const group of groups) {
        const selected = new Map([...group.files].filter(([name]) => names.includes(`${group.prefix}${name}`)));
        if (selected.size === 0) continue;
        const result = group.stub ? writeMissingFiles(group.dir, selected) : writeFiles(group.dir, selected);
        written.push(...result.written.map((path) => `${group.prefix}${relative(group.dir, path).split(sep).join('/')}`));
      }
      return written;
    },
  };
}

async function appPlan(name: string, folder: string): Promise<GeneratorPlan> {
  const root = resolve(folder);
  const options = await loadOptions(root);
  const schema = await introspectScratchApp(root, options);
  return planOf(name, root, schema.tables, schema.problems, [
    { prefix: 'gen/', dir: join(root, 'gen'), stub: false, files: appFiles(root, options, schema) },
    { prefix: 'src/objects/', dir: join(root, 'src', 'objects'), stub: true, files: stubFiles(root, schema) },
  ]);
}

/** The framework's modules, as `commun gen` (without `--app`) writes them. */
async function frameworkPlan(outDir: string): Promise<GeneratorPlan> {
  const database = await openDatabase({ dataDir: 'memory://' });
  try {
    await migrate(database.kysely, [frameworkMigrations]);
    const { tables, problems } = await introspectFramework(database.kysely);
    const sorted = [...tables].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const files = moduleFiles(sorted, outDir);
    return planOf(FRAMEWORK_TARGET, dirname(outDir), sorted, problems, [{ prefix: 'gen/', dir: outDir, stub: false, files }]);
  } finally {
    await database.close();
  }
}

/** Undefined when the target is not one the screen offers. */
export async function loadPlan(targets: GeneratorTargets, target: string): Promise<GeneratorPlan | undefined> {
  if (target === FRAMEWORK_TARGET) return targets.frameworkOutDir === undefined ? undefined : frameworkPlan(targets.frameworkOutDir);
  const folder = targets.apps.get(target);
  return folder === undefined ? undefined : appPlan(target, folder);
}
