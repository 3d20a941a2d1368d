/**
 * `commun gen --documents [--app <folder>] [--table <t>] [--collectivite <n>]`: the generator
 * screen's document assistants, from a terminal, into the instance's database (opened as
 * `commun import` does: migrations applied, the data folder's lock taken).
 */
import { parseArgs } from 'node:util';
import { bootstrap } from '../bootstrap.ts';
import { loadApplications } from '../config/applications.ts';
import { loadConfig } from '../config/index.ts';
import { ASSISTANT_KINDS, collectiviteExists, niveau2Collectivite, writeAssistantDocuments } from '../documents/assistants/index.ts';
import { objetOf } from '../documents/objet.ts';
import { FRAMEWORK_GENERATION } from '../generator/command.ts';
import { loadOptions } from '../generator/options.ts';
import { t } from '../i18n/index.ts';
import type { RegisteredObject } from '../model/registry.ts';
import type { Runtime } from '../runtime.ts';

interface DocumentsOptions {
  readonly app?: string;
  readonly table?: string;
  readonly collectivite?: number;
}

const usage = () => t('generator.documents.cli.usage');

const OPTIONS = new Set(['--documents', '--app', '--table', '--collectivite', '--help', '-h']);

/** The arguments, or undefined when an option misses its value (parseArgs would say it in English). */
function parsedArguments(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      options: {
        documents: { type: 'boolean' },
        app: { type: 'string' },
        table: { type: 'string' },
        collectivite: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: true,
    });
  } catch {
    return undefined;
  }
}

function parse(argv: string[]): DocumentsOptions | { exit: number; message: string } {
  // Checked here rather than by parseArgs, whose messages are in English.
  const unknown = argv.find((argument) => argument.startsWith('-') && !OPTIONS.has(argument.split('=')[0] ?? ''));
  if (unknown !== undefined) return { exit: 2, message: `${t('cli.gen.unknownOption', { option: unknown })}\n${usage()}` };
  const parsed = parsedArguments(argv);
  if (parsed === undefined) return { exit: 2, message: `${t('generator.documents.cli.badArguments')}\n${usage()}` };
  const { values, positionals } = parsed;
  if (positionals[0] !== undefined) return { exit: 2, message: `${t('cli.gen.unknownOption', { option: positionals[0] })}\n${usage()}` };
  if (values.help) return { exit: 0, message: usage() };
  let collectivite: number | undefined;
  if (values.collectivite !== undefined) {
    collectivite = Number(values.collectivite);
    if (!Number.isSafeInteger(collectivite) || collectivite <= 0) {
      return { exit: 2, message: `${t('generator.documents.cli.badCollectivite', { value: values.collectivite })}\n${usage()}` };
    }
  }
  return {
    ...(values.app === undefined ? {} : { app: values.app }),
    ...(values.table === undefined ? {} : { table: values.table }),
    ...(collectivite === undefined ? {} : { collectivite }),
  };
}

/** The registered objects of the application (or the framework's), with a key: what a document prints. */
function objectsOf(runtime: Runtime, app: string, table: string | undefined): RegisteredObject[] {
  return runtime.registry
    .all()
    .filter((object) => object.app === app && object.meta.key !== null && (table === undefined || object.name === table))
    .sort((a, b) => a.name.localeCompare(b.name));
}

async function run(runtime: Runtime, app: string, options: DocumentsOptions): Promise<number> {
  const objects = objectsOf(runtime, app, options.table);
  if (objects.length === 0) {
    console.error(options.table === undefined ? t('generator.documents.cli.noTables', { app }) : t('generator.documents.unknownTable', { table: options.table }));
    return 2;
  }
  const collectivite = options.collectivite ?? (await niveau2Collectivite(runtime.db));
  if (collectivite === undefined) {
    console.error(t('generator.documents.noCollectivite'));
    return 2;
  }
  if (!(await collectiviteExists(runtime.db, collectivite))) {
    console.error(t('generator.documents.cli.unknownCollectivite', { collectivite }));
    return 2;
  }
  let created = 0;
  let existing = 0;
  for (const object of objects) {
    const written = await writeAssistantDocuments(runtime.db, runtime.registry, object, ASSISTANT_KINDS, collectivite);
    console.log(t('generator.documents.cli.table', { objet: objetOf(object) }));
    for (const document of written) {
      const kind = t(`generator.documents.kind_${document.kind}`);
      if (document.status === 'created') created++;
      else existing++;
      console.log(`  ${document.status === 'created' ? t('generator.documents.created', { kind, id: document.id, libelle: document.libelle }) : t('generator.documents.exists', { kind, id: document.id })}`);
    }
  }
  console.log(t('generator.documents.cli.done', { created, existing }));
  return 0;
}

export async function genDocumentsCommand(argv: string[]): Promise<number> {
  let options: DocumentsOptions;
  let app: string;
  try {
    const parsed = parse(argv);
    if ('exit' in parsed) {
      (parsed.exit === 0 ? console.log : console.error)(parsed.message);
      return parsed.exit;
    }
    options = parsed;
    app = options.app === undefined ? FRAMEWORK_GENERATION.app : (await loadOptions(options.app)).name;
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${usage()}`);
    return 2;
  }
  const applications = await loadApplications();
  if (app !== FRAMEWORK_GENERATION.app && !applications.some((application) => application.name === app)) {
    console.error(t('generator.documents.cli.unknownApp', { app }));
    return 2;
  }
  const { runtime } = await bootstrap({ ...loadConfig(), demo: false }, applications);
  try {
    return await run(runtime, app, options);
  } finally {
    await runtime.db.close();
  }
}
