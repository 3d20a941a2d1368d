/** `commun notifications envoyer [--simulation]`: today's e-mails of pending work, now. */
import { parseArgs } from 'node:util';
import { loadApplications } from '../config/applications.ts';
import { loadConfig } from '../config/index.ts';
import { notificationMessage as m } from './messages.ts';

export async function notificationsCommand(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { simulation: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  } catch {
    console.error(m('cli.usage'));
    return 1;
  }
  const { values, positionals } = parsed;
  if (values.help || positionals.length !== 1 || positionals[0] !== 'envoyer') {
    (values.help ? console.log : console.error)(m('cli.usage'));
    return values.help ? 0 : 1;
  }
  // Loaded once the arguments are accepted, one after the other.
  const { bootstrap } = await import('../bootstrap.ts');
  const { sendDailyDigests } = await import('./send.ts');
  const { runtime } = await bootstrap({ ...loadConfig(), demo: false }, await loadApplications());
  try {
    const simulation = values.simulation ?? false;
    const report = await sendDailyDigests(runtime, { simulation });
    const locale = runtime.config.locale;
    for (const line of report.lines) console.log(m('cli.line', { login: line.login, email: line.email, count: line.count }, locale));
    console.log(m('cli.summary', { agents: report.agents, sent: report.sent, skipped: report.skipped }, locale));
    if (simulation) console.log(m('cli.simulation', undefined, locale));
    return 0;
  } finally {
    await runtime.db.close();
  }
}
