/**
 * The generator's configuration of an application: the default export of `<folder>/commun.app.ts`.
 * Plain data, checked when loaded, so that a typo is reported rather than silently ignored.
 */
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { t } from '../i18n/index.ts';

export interface GeneratorOptions {
  /** The application's name: the URL segment (`/registre/traitement`) and the migration scope. */
  readonly name: string;
  /** Its title (« Registre RGPD »): the heading of its entries in the menu (default: made from `name`). */
  readonly title?: string;
  /** The PostgreSQL schema its migrations create. */
  readonly schema: string;
  /** Folder of the SQL migrations, relative to the application folder (`./migrations`). */
  readonly migrations: string;
  /** Tables and views left out of the application. */
  readonly exclude?: readonly string[];
  /** Label corrections: `'table'` for an object, `'table.column'` for a field. */
  readonly labels?: Readonly<Record<string, string>>;
  /** Columns of each table's listing, in order (default: every field). */
  readonly listColumns?: Readonly<Record<string, readonly string[]>>;
  /** Order of the sub-form tabs of a table: child table names (the others follow). */
  readonly subFormOrder?: Readonly<Record<string, readonly string[]>>;
  /**
   * openMairie's "postulate" mode for databases without declared foreign keys: a column named like
   * another table of the schema (or `<table>_id`) refers to that table's key.
   */
  readonly postulate?: boolean;
  /** The schema has geometry columns: the scratch database loads PostGIS. */
  readonly postgis?: boolean;
  /**
   * Which tables' listings go under « Paramétrage » rather than « Application »: `true` (default)
   * the reference tables (see `isReferenceTable`), `false` none, or exactly the tables listed.
   */
  readonly parametrage?: TableSelection;
  /**
   * Which tables get stored queries, a CSV import, a PDF listing: `true` (default) every table that
   * can have one, `false` none, or a list of tables.
   */
  readonly storedQueries?: TableSelection;
  readonly imports?: TableSelection;
  readonly listingPdfs?: TableSelection;
}

export type TableSelection = boolean | readonly string[];

/** Whether a table is in a selection (absent: every table). */
export const selects = (selection: TableSelection | undefined, table: string): boolean =>
  selection === undefined || selection === true || (Array.isArray(selection) && selection.includes(table));

/** The options that select tables for an artefact. */
export const ARTEFACT_OPTIONS = ['storedQueries', 'imports', 'listingPdfs'] as const;

/** Typed helper for `commun.app.ts`: `export default defineGenerator({ … })`. */
export const defineGenerator = (options: GeneratorOptions): GeneratorOptions => options;

export const APP_CONFIG_FILE = 'commun.app.ts';

/** Lowercase letters, digits and `_`, as in a URL segment and a schema name. */
const NAME = /^[a-z][a-z0-9_]*$/;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

function recordOf(value: unknown, check: (item: unknown) => boolean): boolean {
  return isRecord(value) && Object.values(value).every(check);
}

/** The problems of a configuration, in French; empty when it can be used. */
export function checkOptions(value: unknown): string[] {
  if (!isRecord(value)) return [t('cli.gen.options.notObject')];
  const problems: string[] = [];
  const wrong = (option: string, expected: string) => problems.push(t('cli.gen.options.wrong', { option, expected }));
  if (typeof value.name !== 'string' || !NAME.test(value.name)) wrong('name', t('cli.gen.options.aName'));
  if (value.title !== undefined && (typeof value.title !== 'string' || value.title.trim() === '')) wrong('title', t('cli.gen.options.aString'));
  if (typeof value.schema !== 'string' || value.schema === '') wrong('schema', t('cli.gen.options.aString'));
  if (typeof value.migrations !== 'string' || value.migrations === '') wrong('migrations', t('cli.gen.options.aString'));
  if (value.exclude !== undefined && !isStringArray(value.exclude)) wrong('exclude', t('cli.gen.options.aList'));
  if (value.labels !== undefined && !recordOf(value.labels, (item) => typeof item === 'string')) {
    wrong('labels', t('cli.gen.options.aLabelRecord'));
  }
  for (const option of ['listColumns', 'subFormOrder'] as const) {
    if (value[option] !== undefined && !recordOf(value[option], isStringArray)) wrong(option, t('cli.gen.options.aListRecord'));
  }
  for (const option of ['postulate', 'postgis'] as const) {
    if (value[option] !== undefined && typeof value[option] !== 'boolean') wrong(option, t('cli.gen.options.aBoolean'));
  }
  for (const option of [...ARTEFACT_OPTIONS, 'parametrage'] as const) {
    if (value[option] !== undefined && typeof value[option] !== 'boolean' && !isStringArray(value[option])) {
      wrong(option, t('cli.gen.options.aSelection'));
    }
  }
  const known = new Set(['name', 'title', 'schema', 'migrations', 'exclude', 'labels', 'listColumns', 'subFormOrder', 'postulate', 'postgis', 'parametrage', ...ARTEFACT_OPTIONS]);
  for (const key of Object.keys(value)) if (!known.has(key)) problems.push(t('cli.gen.options.unknown', { option: key }));
  return problems;
}

export class OptionsError extends Error {}

/** Reads and checks `<folder>/commun.app.ts`. */
export async function loadOptions(folder: string): Promise<GeneratorOptions> {
  const file = join(resolve(folder), APP_CONFIG_FILE);
  if (!existsSync(file)) throw new OptionsError(t('cli.gen.options.missing', { file }));
  // The file's date in the address: a long-running server (the generator screen) reads an edited file again.
  const version = statSync(file).mtimeMs;
  const module = (await import(`${pathToFileURL(file).href}?v=${version}`)) as { default?: unknown };
  const problems = checkOptions(module.default);
  if (problems.length > 0) throw new OptionsError(t('cli.gen.options.invalid', { file, problems: problems.join('\n  ') }));
  return module.default as GeneratorOptions;
}
