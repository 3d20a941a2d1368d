/**
 * Writes the generated modules of a set of tables into a folder: a file is written only when its
 * text changes, and a generated file whose table is gone is removed.
 */
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { t } from '../i18n/index.ts';
import type { TableMeta } from '../model/types.ts';
import { renderIndex, renderTableModule } from './render.ts';
import { writeFiles, type GenerateResult } from './write.ts';

export type { GenerateResult } from './write.ts';

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

export const TYPES_FILE = fileURLToPath(new URL('../model/types.ts', import.meta.url));

/** A relative import of a framework file from a folder (works wherever the folder is). */
export function relativeImport(fromDir: string, file: string): string {
  const path = relative(fromDir, file).split(sep).join('/');
  return path.startsWith('.') ? path : `./${path}`;
}

export function assertDistinctFileNames(tables: readonly TableMeta[]): void {
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

/** The modules of these tables (file name → text), `only` some of them; the index always lists every table. */
export function moduleFiles(tables: readonly TableMeta[], outDir: string, options: Pick<GenerateOptions, 'only' | 'typesImport'> = {}): Map<string, string> {
  assertDistinctFileNames(tables);
  const typesImport = options.typesImport ?? relativeImport(outDir, TYPES_FILE);
  const sorted = [...tables].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const selected = options.only ? sorted.filter((table) => options.only?.includes(table.name)) : sorted;
  const files = new Map<string, string>(selected.map((table) => [`${table.name}.ts`, renderTableModule(table, typesImport)]));
  files.set('index.ts', renderIndex(sorted, typesImport));
  return files;
}

export function generateModules(tables: readonly TableMeta[], outDir: string, options: GenerateOptions = {}): GenerateResult {
  const files = moduleFiles(tables, outDir, options);
  return writeFiles(outDir, files, { check: options.check, dryRun: options.dryRun, ...(options.only ? {} : { prune: [''] }) });
}
