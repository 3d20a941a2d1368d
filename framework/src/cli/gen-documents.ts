/**
 * `commun gen --documents [--app <folder>] [--table <t>] [--collectivite <n>]`: the generator
 * screen's document assistants, from a terminal, into the instance's database (opened as
 * `commun import` does: migrations applied, the data folder's lock taken).
 */
import { parseArgs } from 'node:util';
import { loadApplications } from '../config/applications.ts';
import { FRAMEWORK_GENERATION } from '../generator/command.ts';
import { loadOptions } from '../generator/options.ts';
import { t } from '../i18n/index.ts';

export interface DocumentsOptions {
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
  // The framework's modules load before the applications', as the other commands do.
  const { runDocumentsCommand } = await import('./gen-documents-run.ts');
  const applications = await loadApplications();
  if (app !== FRAMEWORK_GENERATION.app && !applications.some((application) => application.name === app)) {
    console.error(t('generator.documents.cli.unknownApp', { app }));
    return 2;
  }
  return runDocumentsCommand(applications, app, options);
}
