/** `commun user add|password <login> [options]`: its arguments; the work is in users-run.ts. */
import { t } from '../i18n/index.ts';
import { parseCommandArguments } from './arguments.ts';

export async function userCommand(argv: string[]): Promise<number> {
  const read = parseCommandArguments({
    args: argv,
    allowPositionals: true,
    options: {
      nom: { type: 'string' },
      email: { type: 'string' },
      profil: { type: 'string' },
      collectivite: { type: 'string' },
      password: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (!read.ok) {
    console.error(`${read.problem}\n\n${t('cli.user.usage')}`);
    return 1;
  }
  const { values, positionals } = read.parsed;
  const [verb, login] = positionals;
  if (values.help || !login || (verb !== 'add' && verb !== 'password')) {
    console.log(t('cli.user.usage'));
    return values.help ? 0 : 1;
  }
  // The database and the record service load only once the arguments are accepted.
  return (await import('./users-run.ts')).runUserCommand(verb, login, values);
}
