/**
 * The scheduled synchronisation: a daily task of the framework (run by the server's housekeeping
 * at start-up and when the day changes), which synchronises when the last run is at least
 * `COMMUN_LDAP_SYNCHRO_HEURES` old (0: never on its own).
 */
import type { Db } from '../../db/connection.ts';
import type { DailyTask } from '../../model/extensions.ts';
import type { LdapConfig } from './config.ts';
import { directoryConfigOf } from './runtime-config.ts';
import { summaryOf, synchronizeDirectory } from './sync.ts';
import { hoursSinceLastSync } from './sync-reports.ts';

/** Synchronises if due; returns what it did, for the housekeeping's log. */
export async function syncIfDue(db: Db, config: LdapConfig | undefined): Promise<string | undefined> {
  if (!config || config.syncHours === 0) return undefined;
  const since = await hoursSinceLastSync(db);
  // A little slack: the daily pass comes back after about 24 hours, not one minute more.
  if (since !== undefined && since < config.syncHours - 0.5) return undefined;
  const report = await synchronizeDirectory(db, config, { origin: 'planifiee' });
  return summaryOf(report);
}

/** The daily task, reading the environment's configuration. */
export const directorySyncTask = (source: { readonly config: object } = { config: process.env }): DailyTask => ({
  id: 'framework.annuaire',
  run: (db) => syncIfDue(db, directoryConfigOf(source)),
});
