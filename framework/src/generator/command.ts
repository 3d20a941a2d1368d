/**
 * `commun gen [--app <folder>] [--check] [--dry-run] [--all | table…]`: generates the modules of
 * the framework tables, or of an application's, from a scratch database migrated in memory, so
 * that the result depends only on the migrations.
 */
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from '../db/index.ts';
import type { Introspection, IntrospectionProblem } from '../db/introspect.ts';
import { t } from '../i18n/index.ts';
import type { GenerateResult } from './generate.ts';
import { loadOptions } from './options.ts';

export const FRAMEWORK_GENERATION = {
  schema: 'om',
  app: 'om',
  /** Technical tables the generic screens never serve. */
  exclude: ['om_migration', 'om_session', 'om_password_reset', 'om_login_attempt', 'om_fichier', 'om_soumission', 'om_traitement', 'om_referentiel', 'om_compteur', 'om_fichier_attente', 'om_courriel', 'om_annuaire_synchro', 'om_double_authentification', 'om_code_secours', 'om_verification_connexion', 'om_notification_envoi', 'om_application_collectivite', 'om_oidc_echange', 'om_identite_federee', 'om_connexion_attente', 'om_fournisseur_identite', 'om_etablissement', 'om_identite_visuelle'],
  outDir: fileURLToPath(new URL('../../gen', import.meta.url)),
} as const;

// The database and generator modules load on use (one after the other): refusing `commun gen`'s
// arguments, or reading FRAMEWORK_GENERATION, stays quick.
export async function introspectFramework(db: Db): Promise<Introspection> {
  const { introspectSchema } = await import('../db/introspect.ts');
  const { schema, app, exclude } = FRAMEWORK_GENERATION;
  return introspectSchema(db, schema, { app, exclude });
}

interface Arguments {
  check: boolean;
  dryRun: boolean;
  /** `--app <folder>`: an application instead of the framework. */
  app?: string;
  /** Empty: every table. */
  tables: string[];
}

function parseArguments(argv: string[]): Arguments | { help: true } | { error: string } {
  const parsed: Arguments = { check: false, dryRun: false, tables: [] };
  let all = false;
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index] ?? '';
    if (argument === '--help' || argument === '-h') return { help: true };
    else if (argument === '--app') {
      const folder = argv[++index];
      if (folder === undefined || folder.startsWith('-')) return { error: t('cli.gen.app.missingFolder') };
      parsed.app = folder;
    } else if (argument.startsWith('--app=')) parsed.app = argument.slice('--app='.length);
    else if (argument === '--check') parsed.check = true;
    else if (argument === '--dry-run') parsed.dryRun = true;
    else if (argument === '--all') all = true;
    else if (argument.startsWith('-')) return { error: t('cli.gen.unknownOption', { option: argument }) };
    else parsed.tables.push(argument);
  }
  if (all && parsed.tables.length > 0) return { error: t('cli.gen.allOrTables') };
  return parsed;
}

const shown = (path: string) => relative(process.cwd(), path) || path;

async function introspectScratchDatabase(): Promise<Introspection> {
  const { frameworkMigrations, migrate, openDatabase } = await import('../db/index.ts');
  const database = await openDatabase({ dataDir: 'memory://' });
  try {
    await migrate(database.kysely, [frameworkMigrations]);
    return await introspectFramework(database.kysely);
  } finally {
    await database.close();
  }
}

function report(result: GenerateResult, args: Arguments): number {
  const removed = new Set(result.removed);
  if (args.check || args.dryRun) {
    for (const path of result.wouldChange) {
      const gone = removed.has(path);
      const key = args.check ? (gone ? 'cli.gen.toRemove' : 'cli.gen.toRegenerate') : gone ? 'cli.gen.wouldRemove' : 'cli.gen.wouldWrite';
      console.log(t(key, { path: shown(path) }));
    }
  } else {
    for (const path of result.written) console.log(t('cli.gen.written', { path: shown(path) }));
    for (const path of result.removed) console.log(t('cli.gen.removed', { path: shown(path) }));
  }
  if (args.check) {
    if (result.wouldChange.length > 0) {
      console.error(t('cli.gen.outOfDate'));
      return 1;
    }
    console.log(t('cli.gen.upToDate', { files: result.unchanged.length }));
    return 0;
  }
  if (args.dryRun) {
    console.log(t('cli.gen.nothingWritten', { files: result.wouldChange.length }));
    return 0;
  }
  console.log(t('cli.gen.done', { written: result.written.length, unchanged: result.unchanged.length, removed: result.removed.length }));
  return 0;
}

const usage = () => `${t('cli.gen.usage')}\n\n${t('cli.gen.app.usage')}`;

const warnAbout = (problems: readonly IntrospectionProblem[]) => {
  for (const problem of problems) console.error(t('cli.gen.warning', { table: problem.table, reason: problem.reason }));
};

async function genAppCommand(folder: string, args: Arguments): Promise<number> {
  const options = await loadOptions(folder);
  const { generateApp, introspectScratchApp } = await import('./app.ts');
  const schema = await introspectScratchApp(folder, options);
  warnAbout(schema.problems);
  const known = new Set(schema.tables.map((table) => table.name));
  const unknown = args.tables.filter((name) => !known.has(name));
  if (unknown.length > 0) {
    console.error(t('cli.gen.unknownTables', { schema: options.schema, tables: unknown.join(', ') }));
    return 2;
  }
  const result = generateApp(folder, options, schema, {
    check: args.check,
    dryRun: args.dryRun,
    ...(args.tables.length > 0 ? { only: args.tables } : {}),
  });
  const code = report(result, args);
  if (code === 0 && !args.check && !args.dryRun) tellWhatNext(folder, result);
  return code;
}

/** After a generation that wrote files: the override stubs to wire, then starting the instance. */
function tellWhatNext(folder: string, result: GenerateResult): void {
  const objects = join(resolve(folder), 'src', 'objects');
  const index = join(objects, 'index.ts');
  if (result.written.some((path) => dirname(path) === objects && path !== index)) {
    console.log(t('cli.gen.app.newOverrides', { folder: shown(objects), index: shown(index) }));
  }
  if (result.written.length > 0) console.log(t('cli.gen.app.next'));
}

export async function genCommand(argv: string[]): Promise<number> {
  const args = parseArguments(argv);
  if ('help' in args) {
    console.log(usage());
    return 0;
  }
  if ('error' in args) {
    console.error(`${args.error}\n${usage()}`);
    return 2;
  }
  try {
    if (args.app !== undefined) return await genAppCommand(args.app, args);
    const { tables, problems } = await introspectScratchDatabase();
    warnAbout(problems);
    const known = new Set(tables.map((table) => table.name));
    const unknown = args.tables.filter((name) => !known.has(name));
    if (unknown.length > 0) {
      console.error(t('cli.gen.unknownTables', { schema: FRAMEWORK_GENERATION.schema, tables: unknown.join(', ') }));
      return 2;
    }
    const { generateModules } = await import('./generate.ts');
    const result = generateModules(tables, FRAMEWORK_GENERATION.outDir, {
      check: args.check,
      dryRun: args.dryRun,
      ...(args.tables.length > 0 ? { only: args.tables } : {}),
    });
    return report(result, args);
  } catch (error) {
    console.error(t('cli.gen.failed', { message: error instanceof Error ? error.message : String(error) }));
    return 2;
  }
}
