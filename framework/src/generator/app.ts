/**
 * `commun gen --app <folder>`: an application's generated files, from a scratch database migrated
 * with the framework's migrations and then the application's, so that the result depends only on
 * the migrations and `commun.app.ts`.
 */
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { frameworkMigrations, migrate, openDatabase, readMigrations, type Db, type MigrationSource } from '../db/index.ts';
import { introspectSchema, type IntrospectionProblem } from '../db/introspect.ts';
import { t } from '../i18n/index.ts';
import type { TableMeta } from '../model/types.ts';
import { tables as frameworkTables } from '../../gen/index.ts';
import { renderDoc, renderIndexAdvice, renderLabels, renderMenu, renderPermissions, renderStub } from './app-files.ts';
import { assertDistinctFileNames, relativeImport, TYPES_FILE } from './generate.ts';
import { readExistingIndexes, type ExistingIndexes } from './indexes.ts';
import { menuHeadingOf } from './menu-placement.ts';
import { quoteString } from './names.ts';
import { ARTEFACT_OPTIONS, OptionsError, selects, type GeneratorOptions } from './options.ts';
import { printLiteral, type Literal } from './print.ts';
import { renderIndex, renderTableModule, type TableArtefacts } from './render.ts';
import { importSpecOf, listingPdfOf, storedQueriesOf } from './specs.ts';
import { formFacts, listingFacts, screensOf } from './screens.ts';
import { mergeResults, writeFiles, writeMissingFiles, type GenerateResult } from './write.ts';

const OVERRIDE_FILE = fileURLToPath(new URL('../model/override.ts', import.meta.url));
const EXTENSIONS_FILE = fileURLToPath(new URL('../model/extensions.ts', import.meta.url));
const SPECS_FILE = fileURLToPath(new URL('../model/specs.ts', import.meta.url));

/** Files of `gen/` that are not a table's module: a table cannot take their name. */
const APP_FILES = ['index', 'permissions', 'menu', 'labels'];

export interface AppSchema {
  tables: TableMeta[];
  problems: IntrospectionProblem[];
  existingIndexes: ExistingIndexes;
}

export function migrationSourceOf(folder: string, options: GeneratorOptions): MigrationSource {
  return { scope: options.name, schema: options.schema, directory: resolve(folder, options.migrations) };
}

/** Applies the label corrections, after checking that every option names something that exists. */
export function applyOptions(tables: readonly TableMeta[], options: GeneratorOptions): TableMeta[] {
  const byName = new Map(tables.map((table) => [table.name, table]));
  const problems: string[] = [];
  const unknown = (option: string, name: string) =>
    problems.push(t('cli.gen.app.unknownInOptions', { option, name, schema: options.schema }));
  const hasColumn = (table: string, column: string) => byName.get(table)?.fields.some((field) => field.name === column) ?? false;

  for (const name of Object.keys(options.labels ?? {})) {
    const [table = '', column] = name.split('.', 2);
    if (!byName.has(table) || (column !== undefined && !hasColumn(table, column))) unknown('labels', name);
  }
  for (const [table, columns] of Object.entries(options.listColumns ?? {})) {
    if (!byName.has(table)) unknown('listColumns', table);
    else for (const column of columns) if (!hasColumn(table, column)) unknown('listColumns', `${table}.${column}`);
  }
  for (const option of [...ARTEFACT_OPTIONS, 'parametrage'] as const) {
    const selection = options[option];
    if (Array.isArray(selection)) for (const table of selection) if (!byName.has(table)) unknown(option, table);
  }
  for (const [table, children] of Object.entries(options.subFormOrder ?? {})) {
    const meta = byName.get(table);
    if (!meta) {
      unknown('subFormOrder', table);
      continue;
    }
    for (const child of children) {
      if (!meta.referencedBy.some((reference) => reference.source.table === child && reference.source.schema === meta.schema)) {
        problems.push(t('cli.gen.app.notSubForm', { table, child }));
      }
    }
  }
  if (problems.length > 0) throw new OptionsError(problems.join('\n'));

  const labels = options.labels ?? {};
  return tables.map((table) => ({
    ...table,
    label: labels[table.name] ?? table.label,
    fields: table.fields.map((field) => {
      const label = labels[`${table.name}.${field.name}`];
      return label === undefined ? field : { ...field, label };
    }),
  }));
}

async function readAppSchema(db: Db, options: GeneratorOptions): Promise<AppSchema> {
  const { tables, problems } = await introspectSchema(db, options.schema, {
    app: options.name,
    exclude: options.exclude ?? [],
    postulate: options.postulate ?? false,
  });
  return { tables, problems, existingIndexes: await readExistingIndexes(db, options.schema) };
}

function shapeAppSchema(reading: AppSchema, options: GeneratorOptions): AppSchema {
  for (const table of reading.tables) {
    if (APP_FILES.includes(table.name.toLowerCase())) {
      throw new OptionsError(t('cli.gen.app.reservedName', { table: table.name, file: `${table.name.toLowerCase()}.ts` }));
    }
  }
  return { tables: applyOptions(reading.tables, options), problems: reading.problems, existingIndexes: reading.existingIndexes };
}

export async function introspectApp(db: Db, options: GeneratorOptions): Promise<AppSchema> {
  return shapeAppSchema(await readAppSchema(db, options), options);
}

/**
 * The scratch databases' readings of this process, by what they depend on (the migrations' texts and
 * the options the reading takes): a generator screen's page view, or a second `gen` of the same
 * application, does not migrate a new database (an embedded one costs seconds) unless a migration changed.
 */
const scratchReadings = new Map<string, Promise<AppSchema>>();
const SCRATCH_READINGS_KEPT = 8;

function scratchKey(sources: readonly MigrationSource[], options: GeneratorOptions): string {
  const hash = createHash('sha256');
  const { name, schema, exclude, postulate, postgis } = options;
  hash.update(JSON.stringify({ name, schema, exclude, postulate, postgis }));
  for (const source of sources) {
    hash.update(`\n${source.scope}/${source.schema}`);
    for (const file of readMigrations(source)) hash.update(`\n${file.name}:${file.checksum}`);
  }
  return hash.digest('hex');
}

async function readScratch(sources: MigrationSource[], options: GeneratorOptions): Promise<AppSchema> {
  const database = await openDatabase({ dataDir: 'memory://', postgis: options.postgis ?? false });
  try {
    await migrate(database.kysely, sources);
    return await readAppSchema(database.kysely, options);
  } finally {
    await database.close();
  }
}

function rememberedReading(sources: MigrationSource[], options: GeneratorOptions): Promise<AppSchema> {
  const key = scratchKey(sources, options);
  const known = scratchReadings.get(key);
  if (known) return known;
  const reading = readScratch(sources, options);
  // A failed migration is not remembered: the next call tries again (and reports again).
  reading.catch(() => {
    if (scratchReadings.get(key) === reading) scratchReadings.delete(key);
  });
  scratchReadings.set(key, reading);
  for (const oldest of scratchReadings.keys()) {
    if (scratchReadings.size <= SCRATCH_READINGS_KEPT) break;
    scratchReadings.delete(oldest);
  }
  return reading;
}

/** Migrates a scratch in-memory database and reads the application's schema from it. */
export async function introspectScratchApp(folder: string, options: GeneratorOptions): Promise<AppSchema> {
  const reading = await rememberedReading([frameworkMigrations, migrationSourceOf(folder, options)], options);
  // A copy: what a caller does with the tables never changes the remembered reading.
  return shapeAppSchema(structuredClone(reading), options);
}

export interface AppGenerateOptions {
  check?: boolean;
  dryRun?: boolean;
  /** Only these tables' own files (the shared files still cover every table); stale files are kept. */
  only?: readonly string[];
}

const exported = (name: string, value: Literal, type?: string) =>
  `export const ${name} = ${printLiteral(value)} as const${type ? ` satisfies ${type}` : ''};`;

/** The specifications of a table's engines, as the options select them. */
function artefactsOf(table: TableMeta, options: GeneratorOptions, knownTargets: ReadonlyMap<string, TableMeta>) {
  const storedQueries = selects(options.storedQueries, table.name) ? storedQueriesOf(table, knownTargets) : [];
  const csvImport = selects(options.imports, table.name) ? importSpecOf(table, knownTargets) : undefined;
  const listingPdf = selects(options.listingPdfs, table.name) ? listingPdfOf(table, knownTargets, options.listColumns?.[table.name]) : undefined;
  return { storedQueries, csvImport, listingPdf };
}

type Artefacts = ReturnType<typeof artefactsOf>;

const presence = (artefacts: Artefacts): TableArtefacts => ({
  storedQueries: artefacts.storedQueries.length > 0,
  csvImport: artefacts.csvImport !== undefined,
  listingPdf: artefacts.listingPdf !== undefined,
});

function renderAppTable(
  table: TableMeta,
  artefacts: Artefacts,
  options: GeneratorOptions,
  served: ReadonlyMap<string, TableMeta>,
  knownTargets: ReadonlyMap<string, TableMeta>,
  imports: { types: string; override: string; specs: string },
): string {
  // Plain literals (JSON round trip): the facts are readonly interfaces, the printer takes plain data.
  const plain = (value: unknown) => JSON.parse(JSON.stringify(value)) as Literal;
  const used = presence(artefacts);
  const specTypes = [
    ...(used.csvImport ? ['ImportSpec'] : []),
    ...(used.listingPdf ? ['ListingPdfSpec'] : []),
    ...(used.storedQueries ? ['StoredQuerySpec'] : []),
  ];
  return renderTableModule(table, imports.types, {
    imports: [
      `import type { ScreensDeclaration } from ${quoteString(imports.override)};`,
      ...(specTypes.length > 0 ? [`import type { ${specTypes.join(', ')} } from ${quoteString(imports.specs)};`] : []),
    ],
    exports: [
      `/** The listing: columns in order, the columns the simple search looks in, the default sort. */\n${exported('listing', plain(listingFacts(table, options)))}`,
      `/** The form: each field with its widget, the select of each foreign key, the sub-forms of incoming keys. */\n${exported('form', plain(formFacts(table, served, knownTargets, options)))}`,
      `/** What commun.app.ts says about the screens: spread into the override's \`screens\`. */\n${exported('screens', plain(screensOf(table, options)), 'ScreensDeclaration')}`,
      ...(used.storedQueries
        ? [`/** Stored queries (« Export › Requêtes mémorisées »): every column, and one per foreign key. */\n${exported('storedQueries', plain(artefacts.storedQueries), 'readonly StoredQuerySpec[]')}`]
        : []),
      ...(artefacts.csvImport
        ? [`/** The CSV import (« Administration › Import »): the file's columns in order. */\n${exported('csvImport', plain(artefacts.csvImport), 'ImportSpec')}`]
        : []),
      ...(artefacts.listingPdf
        ? [`/** The PDF listing (\`/${table.app}/${table.name}.pdf\`): columns and widths in millimetres. */\n${exported('listingPdf', plain(artefacts.listingPdf), 'ListingPdfSpec')}`]
        : []),
    ],
  });
}

/** Every file of `<folder>/gen/`, by path relative to it. */
export function appFiles(folder: string, options: GeneratorOptions, schema: AppSchema, only?: readonly string[]): Map<string, string> {
  const outDir = join(resolve(folder), 'gen');
  const sorted = [...schema.tables].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  assertDistinctFileNames(sorted);
  const imports = {
    types: relativeImport(outDir, TYPES_FILE),
    override: relativeImport(outDir, OVERRIDE_FILE),
    specs: relativeImport(outDir, SPECS_FILE),
  };
  const served = new Map(sorted.map((table) => [table.name, table]));
  const knownTargets = new Map([...frameworkTables, ...sorted].map((table) => [`${table.schema}.${table.name}`, table]));
  const selected = only ? sorted.filter((table) => only.includes(table.name)) : sorted;
  // Derived once per table: its module, its documentation page and the index all show them.
  const artefacts = new Map(sorted.map((table) => [table.name, artefactsOf(table, options, knownTargets)]));
  const files = new Map<string, string>();
  for (const table of selected) {
    const own = artefacts.get(table.name) as Artefacts;
    files.set(`${table.name}.ts`, renderAppTable(table, own, options, served, knownTargets, imports));
    files.set(`docs/${table.name}.md`, renderDoc(table, own));
  }
  const present = new Map([...artefacts].map(([name, own]) => [name, presence(own)]));
  files.set('index.ts', renderIndex(sorted, imports.types, { title: menuHeadingOf(options), overrideImport: imports.override, specsImport: imports.specs, artefacts: present }));
  files.set('permissions.ts', renderPermissions(sorted));
  files.set('menu.ts', renderMenu(sorted, options, relativeImport(outDir, EXTENSIONS_FILE)));
  files.set('labels.ts', renderLabels(sorted));
  files.set('index-advice.sql', renderIndexAdvice(sorted, options.schema, schema.existingIndexes));
  return files;
}

/** The override stubs, by path relative to `<folder>/src/objects/`. */
export function stubFiles(folder: string, schema: AppSchema, only?: readonly string[]): Map<string, string> {
  const stubDir = join(resolve(folder), 'src', 'objects');
  const overrideImport = relativeImport(stubDir, OVERRIDE_FILE);
  return new Map(
    schema.tables
      .filter((table) => !only || only.includes(table.name))
      .map((table) => [`${table.name}.ts`, renderStub(table, overrideImport)]),
  );
}

export function generateApp(folder: string, options: GeneratorOptions, schema: AppSchema, write: AppGenerateOptions = {}): GenerateResult {
  const root = resolve(folder);
  const mode = { check: write.check ?? false, dryRun: write.dryRun ?? false };
  const generated = writeFiles(join(root, 'gen'), appFiles(root, options, schema, write.only), {
    ...mode,
    ...(write.only ? {} : { prune: ['', 'docs'] }),
  });
  const stubs = writeMissingFiles(join(root, 'src', 'objects'), stubFiles(root, schema, write.only), mode);
  return mergeResults(generated, stubs);
}
