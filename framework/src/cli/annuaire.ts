/** `commun annuaire synchroniser [--simulation]` and `commun annuaire tester`. */
import { parseArgs } from 'node:util';
import { annuaireMessage } from '../access/ldap/messages.ts';

export async function annuaireCommand(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { simulation: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  } catch {
    console.error(annuaireMessage('cli.usage'));
    return 1;
  }
  const { values, positionals } = parsed;
  const [verb, ...extra] = positionals;
  if (values.help || extra.length > 0 || (verb !== 'synchroniser' && verb !== 'tester') || (verb === 'tester' && values.simulation)) {
    (values.help ? console.log : console.error)(annuaireMessage('cli.usage'));
    return values.help ? 0 : 1;
  }
  // The database and the directory client load only once the arguments are accepted.
  return (await import('./annuaire-run.ts')).runAnnuaireCommand(verb, values.simulation ?? false);
}
