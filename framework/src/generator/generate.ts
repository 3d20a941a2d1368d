/**
 * Writes the generated modules of a set of tables into a folder: a file is written only when its
 * text changes, and a generated file whose table is gone is removed.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { t } from '../i18n/index.ts';
import type { TableMeta } from '../model/types.ts';
import { GENERATED_HEADER, renderIndex, renderTableModule } from './render.ts';

export interface GenerateOptions {
  /** Write nothing; report the files that differ from what would be generated. */
  check?: boolean;
  /** Same as `check` for the files, without the verdict: to see what a generation would do. */
  dryRun?: boolean;
  /** Only these tables' modules (the index still lists every table); stale files are kept. */
  only?: readonly string[];
  /** Module the generated files import `TableMeta` from; by default a relative path to the framework's. */
  typesImport?: string;
}

export interface GenerateResult {
  /** Files written (new or changed). */
  written: string[];
  unchanged: string[];
  /** With `check` or `dryRun`: the files that would be written or removed. */
  wouldChange: string[];
  /** Generated files of tables that no longer exist: removed, or to remove with `check`/`dryRun`. */
  removed: string[];
}

const TYPES_FILE = fileURLToPath(new URL('../model/types.ts', import.meta.url));

function defaultTypesImport(outDir: string): string {
  const path = relative(outDir, TYPES_FILE).split(sep).join('/');
  return path.startsWith('.') ? path : `./${path}`;
}

function readIfExists(path: string): string | undefined {
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

function assertDistinctFileNames(tables: readonly TableMeta[]): void {
  const seen = new Map<string, string>();
  for (const table of tables) {
    const folded = table.name.toLowerCase();
    if (folded === 'index') {
      throw new Error(t('cli.gen.indexTable'));
    }
    const other = seen.get(folded);
    if (other !== undefined) {
      throw new Error(t('cli.gen.sameFileName', { first: other, second: table.name }));
    }
    seen.set(folded, table.name);
  }
}

/** Generated files of the folder that no table produces any more (hand-written files are kept). */
function staleFiles(outDir: string, expected: ReadonlySet<string>): string[] {
  if (!existsSync(outDir)) return [];
  return readdirSync(outDir)
    .filter((name) => name.endsWith('.ts') && !expected.has(name))
    .sort()
    .map((name) => join(outDir, name))
    .filter((path) => readFileSync(path, 'utf8').startsWith(GENERATED_HEADER));
}

export function generateModules(tables: readonly TableMeta[], outDir: string, options: GenerateOptions = {}): GenerateResult {
  assertDistinctFileNames(tables);
  const typesImport = options.typesImport ?? defaultTypesImport(outDir);
  const sorted = [...tables].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const selected = options.only ? sorted.filter((table) => options.only?.includes(table.name)) : sorted;
  const files = new Map<string, string>(selected.map((table) => [`${table.name}.ts`, renderTableModule(table, typesImport)]));
  files.set('index.ts', renderIndex(sorted, typesImport));

  const readOnly = Boolean(options.check || options.dryRun);
  const result: GenerateResult = { written: [], unchanged: [], wouldChange: [], removed: [] };
  if (!readOnly) mkdirSync(outDir, { recursive: true });
  for (const [name, text] of [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const path = join(outDir, name);
    if (readIfExists(path) === text) {
      result.unchanged.push(path);
    } else if (readOnly) {
      result.wouldChange.push(path);
    } else {
      writeFileSync(path, text);
      result.written.push(path);
    }
  }
  if (!options.only) {
    const expected = new Set(sorted.map((table) => `${table.name}.ts`).concat('index.ts'));
    for (const path of staleFiles(outDir, expected)) {
      if (readOnly) result.wouldChange.push(path);
      else rmSync(path);
      result.removed.push(path);
    }
  }
  return result;
}
