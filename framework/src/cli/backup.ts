/**
 * `commun backup` and `commun restore` (backup/). On the embedded database, `backup` opens the data
 * folder itself when it is free, and otherwise asks the server holding it (backup/requests.ts).
 */
import { existsSync } from 'node:fs';
import { backupMessage } from '../backup/messages.ts';
import { loadConfig } from '../config/index.ts';

/** Options `--name value`; the rest are positional. Undefined: an unknown option or a missing value. */
function parseArgs(args: readonly string[], known: readonly string[]): { options: Map<string, string>; rest: string[] } | string {
  const options = new Map<string, string>();
  const rest: string[] = [];
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] as string;
    if (!arg.startsWith('--')) {
      rest.push(arg);
      continue;
    }
    const name = arg.slice(2);
    const value = args[index + 1];
    if (!known.includes(name)) return backupMessage('cli.unknownOption', { option: arg });
    if (value === undefined || value.startsWith('--')) return backupMessage('cli.missingValue', { option: arg });
    options.set(name, value);
    index += 1;
  }
  return { options, rest };
}

export async function backupCommand(args: readonly string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    console.log(backupMessage('cli.backupUsage'));
    return 0;
  }
  const parsed = parseArgs(args, ['sortie']);
  if (typeof parsed === 'string' || parsed.rest.length > 0) {
    const problem = typeof parsed === 'string' ? parsed : backupMessage('cli.unexpectedArgument', { argument: parsed.rest[0] ?? '' });
    console.error(`${problem}\n\n${backupMessage('cli.backupUsage')}`);
    return 1;
  }
  const output = parsed.options.get('sortie');
  if (output && existsSync(output)) {
    console.error(backupMessage('cli.outputExists', { output }));
    return 1;
  }
  // The backup machinery and the database load only once the arguments are accepted.
  return (await import('./backup-run.ts')).runBackup(output);
}

export async function restoreCommand(args: readonly string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    console.log(backupMessage('cli.restoreUsage'));
    return 0;
  }
  const parsed = parseArgs(args, ['dossier', 'base']);
  if (typeof parsed === 'string' || parsed.rest.length !== 1) {
    console.error(`${typeof parsed === 'string' ? parsed : backupMessage('cli.oneArchive')}\n\n${backupMessage('cli.restoreUsage')}`);
    return 1;
  }
  const dataDir = parsed.options.get('dossier') ?? loadConfig().dataDir;
  return (await import('./backup-run.ts')).runRestore(parsed.rest[0] as string, dataDir, parsed.options.get('base'));
}
