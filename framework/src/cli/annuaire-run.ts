/** `commun annuaire` once its arguments are accepted (cli/annuaire.ts). */
import { annuaireMessage, directoryConfigOf, summaryOf, synchronizeDirectory, SyncFailure, testDirectoryConnection } from '../access/ldap/index.ts';
import { bootstrap } from '../bootstrap.ts';
import { loadApplications } from '../config/applications.ts';
import { loadConfig } from '../config/index.ts';
import type { Runtime } from '../runtime.ts';

async function synchronize(runtime: Runtime, simulation: boolean): Promise<number> {
  const locale = runtime.config.locale;
  const config = directoryConfigOf(runtime);
  if (!config) {
    console.error(annuaireMessage('sync.notConfigured', undefined, locale));
    return 1;
  }
  try {
    const report = await synchronizeDirectory(runtime.db.kysely, config, { simulation, origin: 'commande', startedBy: process.env.USER, locale });
    for (const entry of report.entries) console.log(`${annuaireMessage(`cli.actions.${entry.action}`, undefined, locale)}\t${entry.login}\t${entry.detail}`);
    console.log(summaryOf(report, locale));
    if (simulation) console.log(annuaireMessage('cli.simulation', undefined, locale));
    return report.erreurs > 0 ? 2 : 0;
  } catch (error) {
    if (error instanceof SyncFailure) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}

async function check(runtime: Runtime): Promise<number> {
  const locale = runtime.config.locale;
  const config = directoryConfigOf(runtime);
  if (!config) {
    console.error(annuaireMessage('sync.notConfigured', undefined, locale));
    return 1;
  }
  const outcome = await testDirectoryConnection(config, locale);
  (outcome.ok ? console.log : console.error)(outcome.message);
  return outcome.ok ? 0 : 1;
}

export async function runAnnuaireCommand(verb: 'synchroniser' | 'tester', simulation: boolean): Promise<number> {
  const { runtime } = await bootstrap({ ...loadConfig(), demo: false }, await loadApplications());
  try {
    return verb === 'synchroniser' ? await synchronize(runtime, simulation) : await check(runtime);
  } finally {
    await runtime.db.close();
  }
}
