/**
 * node's parseArgs, with its refusals said in the command's language: its own messages are in
 * English (« Unknown option '--x'. To specify a positional argument… »).
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { t } from '../i18n/index.ts';

type Parsed<T extends ParseArgsConfig> = ReturnType<typeof parseArgs<T>>;

/** The option a parseArgs error names (`'--nom <value>'` → `--nom`). */
function namedOption(error: Error): string {
  return /'(-{1,2}[^' ]+)/.exec(error.message)?.[1] ?? '';
}

/** What is wrong, in the user's language, for an error thrown by parseArgs. */
export function argumentsProblem(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  switch ((error as NodeJS.ErrnoException).code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return t('cli.unknownOption', { option: namedOption(error) });
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return t('cli.optionValueMissing', { option: namedOption(error) });
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return t('cli.unexpectedArgument', { argument: /'([^']*)'/.exec(error.message)?.[1] ?? '' });
    default:
      return error.message;
  }
}

/** The parsed arguments, or the French message saying what is wrong. */
export function parseCommandArguments<T extends ParseArgsConfig>(config: T): { readonly ok: true; readonly parsed: Parsed<T> } | { readonly ok: false; readonly problem: string } {
  try {
    return { ok: true, parsed: parseArgs(config) };
  } catch (error) {
    return { ok: false, problem: argumentsProblem(error) };
  }
}
