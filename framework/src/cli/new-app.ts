/**
 * `commun new <nom> [--titre "…"]`: writes a new application's skeleton in `apps/<nom>/` of the
 * working directory, generates its (empty) `gen/` so that it compiles at once, and adds it to the
 * instance's `commun.config.ts`. Everything is checked before anything is written.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { INSTANCE_CONFIG_FILE } from '../config/applications.ts';
import { relativeImport } from '../generator/generate.ts';
import { camelName } from '../generator/names.ts';
import { APP_CONFIG_FILE, loadOptions } from '../generator/options.ts';
import { t } from '../i18n/index.ts';
import { frenchLabel } from '../model/conventions.ts';
import { addApplication } from './instance-config-edit.ts';
import { appOptionsFile, indexFile, instanceConfigFile, migrationFile, overridesFile, type Skeleton } from './new-app-files.ts';

const FRAMEWORK_SRC = fileURLToPath(new URL('..', import.meta.url));
const frameworkFile = (path: string) => join(FRAMEWORK_SRC, path);

/** Lowercase letters, digits and `_`: a URL segment and a PostgreSQL schema without quotes. */
const NAME = /^[a-z][a-z0-9_]*$/;
const MAX_NAME_LENGTH = 40;

/**
 * Taken: the framework's own application (`om`) and the first segments of its pages (`/api/…`,
 * `/administration/…`), and the schemas PostgreSQL keeps for itself.
 */
const RESERVED = new Set([
  'om', 'api', 'static', 'health', 'login', 'logout', 'password', 'compte', 'administration', 'recherche',
  'requetes', 'editions', 'import', 'traitements', 'collectivite', 'choix', 'apercu', 'public',
  'information_schema', 'commun',
]);

interface Arguments {
  readonly name: string;
  readonly title: string | undefined;
}

function parseArguments(argv: readonly string[]): Arguments | { help: true } | { error: string } {
  const names: string[] = [];
  let title: string | undefined;
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index] ?? '';
    if (argument === '--help' || argument === '-h') return { help: true };
    if (argument === '--titre' || argument.startsWith('--titre=')) {
      const value = argument === '--titre' ? argv[++index] : argument.slice('--titre='.length);
      if (value === undefined || value.trim() === '' || (argument === '--titre' && value.startsWith('--'))) return { error: t('cli.new.missingTitle') };
      title = value.replace(/\s+/g, ' ').trim();
    } else if (argument.startsWith('-')) return { error: t('cli.unknownOption', { option: argument }) };
    else names.push(argument);
  }
  if (names.length === 0) return { error: t('cli.new.missingName') };
  if (names.length > 1) return { error: t('cli.new.tooManyNames', { names: names.join(', ') }) };
  return { name: names[0] ?? '', title };
}

function nameProblem(name: string): string | undefined {
  if (!NAME.test(name) || name.length > MAX_NAME_LENGTH) return t('cli.new.invalidName', { name });
  if (RESERVED.has(name) || name.startsWith('pg_')) return t('cli.new.reservedName', { name });
  return undefined;
}

/** Whether Node reads the folder's `.ts` files as ES modules: the nearest package.json says so, or there is none. */
function nearestPackageJson(directory: string): string | undefined {
  for (let current = resolve(directory); ; current = dirname(current)) {
    const candidate = join(current, 'package.json');
    if (existsSync(candidate)) return candidate;
    if (dirname(current) === current) return undefined;
  }
}

const shown = (cwd: string, path: string) => relative(cwd, path).split(sep).join('/') || '.';

interface Plan {
  readonly skeleton: Skeleton;
  readonly root: string;
  readonly configFile: string;
  /** The new text of commun.config.ts. */
  readonly configText: string;
  readonly configExisted: boolean;
  readonly writePackageJson: boolean;
}

/** Checks everything and computes what to write; a French message when something is in the way. */
function plan(cwd: string, args: Arguments): Plan | { error: string } {
  const problem = nameProblem(args.name);
  if (problem) return { error: problem };
  const root = join(cwd, 'apps', args.name);
  const folder = shown(cwd, root);
  if (existsSync(root)) return { error: t('cli.new.folderExists', { folder }) };

  const title = args.title ?? frenchLabel(args.name);
  const identifier = camelName(args.name, new Set(['fileURLToPath', 'registerGenerated', 'Application', 'generated', 'overrides']));
  const skeleton: Skeleton = {
    name: args.name,
    title,
    identifier,
    folder,
    imports: {
      options: relativeImport(root, frameworkFile('generator/options.ts')),
      application: relativeImport(join(root, 'src'), frameworkFile('application.ts')),
      override: relativeImport(join(root, 'src', 'objects'), frameworkFile('model/override.ts')),
    },
  };

  const configFile = join(cwd, INSTANCE_CONFIG_FILE);
  const importLine = `import { ${identifier} } from './apps/${args.name}/src/index.ts';`;
  const configExisted = existsSync(configFile);
  let configText: string;
  if (configExisted) {
    const edit = addApplication(readFileSync(configFile, 'utf8'), importLine, identifier);
    if (!edit.ok) {
      const file = INSTANCE_CONFIG_FILE;
      return { error: edit.reason === 'alreadyListed' ? t('cli.new.alreadyServed', { file, name: identifier }) : t('cli.new.configShape', { file, importLine, identifier }) };
    }
    configText = edit.text;
  } else {
    configText = instanceConfigFile(importLine, identifier, relativeImport(cwd, frameworkFile('cli.ts')));
  }
  return { skeleton, root, configFile, configText, configExisted, writePackageJson: nearestPackageJson(cwd) === undefined };
}

function writeSkeleton({ skeleton, root }: Plan): void {
  const files: [string, string][] = [
    [APP_CONFIG_FILE, appOptionsFile(skeleton)],
    [join('migrations', `0001_${skeleton.name}.sql`), migrationFile(skeleton)],
    [join('src', 'index.ts'), indexFile(skeleton)],
    [join('src', 'objects', 'index.ts'), overridesFile(skeleton)],
  ];
  for (const [path, text] of files) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

/** The generator on the skeleton's migration: `gen/` exists, so `src/index.ts` compiles before the schema is written. */
async function generateEmpty(root: string): Promise<void> {
  const options = await loadOptions(root);
  // Loaded here: the scratch database's modules are heavy, and a refused argument needs none of them.
  const { generateApp, introspectScratchApp } = await import('../generator/app.ts');
  generateApp(root, options, await introspectScratchApp(root, options));
}

export async function newAppCommand(argv: readonly string[], cwd = process.cwd()): Promise<number> {
  const args = parseArguments(argv);
  if ('help' in args) {
    console.log(t('cli.new.usage'));
    return 0;
  }
  if ('error' in args) {
    console.error(`${args.error}\n\n${t('cli.new.usage')}`);
    return 2;
  }
  const planned = plan(cwd, args);
  if ('error' in planned) {
    console.error(planned.error);
    return 1;
  }
  const { skeleton, root } = planned;
  if (planned.writePackageJson) writeFileSync(join(cwd, 'package.json'), `${JSON.stringify({ private: true, type: 'module' }, null, 2)}\n`);
  writeSkeleton(planned);
  await generateEmpty(root);
  writeFileSync(planned.configFile, planned.configText);

  const path = (...parts: string[]) => shown(cwd, join(root, ...parts));
  const migration = path('migrations', `0001_${skeleton.name}.sql`);
  const listed = [path(APP_CONFIG_FILE), migration, path('src', 'index.ts'), path('src', 'objects', 'index.ts'), `${path('gen')}/`];
  const width = Math.max(...listed.map((file) => file.length));
  const [appOptions, , index, overrides, generated] = listed.map((file) => file.padEnd(width));
  console.log(
    [
      t('cli.new.created', { title: skeleton.title, folder: skeleton.folder }),
      t('cli.new.fileAppOptions', { path: appOptions ?? '' }),
      t('cli.new.fileMigration', { path: migration.padEnd(width) }),
      t('cli.new.fileIndex', { path: index ?? '' }),
      t('cli.new.fileOverrides', { path: overrides ?? '' }),
      t('cli.new.fileGenerated', { path: generated ?? '' }),
      planned.configExisted ? t('cli.new.configUpdated', { file: INSTANCE_CONFIG_FILE }) : t('cli.new.configCreated', { file: INSTANCE_CONFIG_FILE }),
      ...(planned.writePackageJson ? [t('cli.new.packageCreated', { file: 'package.json' })] : []),
      '',
      t('cli.new.next', { migration, schema: skeleton.name, folder: skeleton.folder }),
    ].join('\n'),
  );
  return 0;
}
