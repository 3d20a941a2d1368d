/**
 * `commun import <app>.<table> fichier.csv [options]`: the import of the web page, from a terminal,
 * as a user (default `admin`) with their permissions and collectivité. It runs as the same job, so
 * it appears in that user's « Mes traitements »; the progress is drawn on stderr.
 *
 * Exit code: 0 every line imported (or valid, in a simulation), 2 some lines rejected, 1 refused
 * or failed.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { t } from '../i18n/index.ts';
import { isSeparator } from '../imports/separator.ts';
import { parseCommandArguments } from './arguments.ts';
import { isImportMode, type ImportMode } from '../imports/result.ts';

export interface ImportOptions {
  readonly name: string;
  readonly file: string;
  readonly mode: ImportMode;
  readonly simulation: boolean;
  readonly updateKey: string | undefined;
  readonly separator: ';' | ',';
  readonly header: boolean;
  readonly login: string;
}

/** The options, or the message saying what is wrong (usage on `--help`). */
function readOptions(argv: string[]): ImportOptions | { readonly exit: number; readonly message: string } {
  const read = parseCommandArguments({
    args: argv,
    allowPositionals: true,
    options: {
      mode: { type: 'string', default: 'tout-ou-rien' },
      simulation: { type: 'boolean', default: false },
      'mise-a-jour': { type: 'string' },
      separateur: { type: 'string', default: ';' },
      'sans-entete': { type: 'boolean', default: false },
      utilisateur: { type: 'string', default: 'admin' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (!read.ok) return { exit: 1, message: `${read.problem}\n\n${t('bulkImport.cli.usage')}` };
  const { values, positionals } = read.parsed;
  const [name, file] = positionals;
  if (values.help) return { exit: 0, message: t('bulkImport.cli.usage') };
  if (!name || !file || positionals.length > 2) return { exit: 1, message: t('bulkImport.cli.usage') };
  if (!isImportMode(values.mode)) return { exit: 1, message: t('bulkImport.cli.badMode', { mode: values.mode }) };
  if (!isSeparator(values.separateur)) return { exit: 1, message: t('bulkImport.cli.badSeparator', { separator: values.separateur }) };
  if (!existsSync(file)) return { exit: 1, message: t('bulkImport.cli.missingFile', { file }) };
  return {
    name,
    file: resolve(file),
    mode: values.mode,
    simulation: values.simulation,
    updateKey: values['mise-a-jour'],
    separator: values.separateur,
    header: !values['sans-entete'],
    login: values.utilisateur,
  };
}

export async function importCommand(argv: string[]): Promise<number> {
  let options: ReturnType<typeof readOptions>;
  try {
    options = readOptions(argv);
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${t('bulkImport.cli.usage')}`);
    return 1;
  }
  if ('exit' in options) {
    (options.exit === 0 ? console.log : console.error)(options.message);
    return options.exit;
  }
  // The database and the import machinery load only once the arguments are accepted.
  return (await import('./import-run.ts')).runImportCommand(options);
}
