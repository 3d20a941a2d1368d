/** A backup of the running instance: its own connection (embedded) or its server's URL. */
import type { Database } from '../db/connection.ts';
import type { Logger } from '../logger.ts';
import { createBackup, type BackupMade, type BackupSource } from './create.ts';
import { backupMessage } from './messages.ts';
import { pruneArchives } from './retention.ts';
import { backupSettings } from './settings.ts';

export interface BackupRuntime {
  readonly db: Pick<Database, 'kind' | 'kysely'>;
  readonly config: { readonly dataDir: string; readonly databaseUrl: string | undefined };
  readonly logger: Pick<Logger, 'info' | 'warn' | 'error'>;
}

export function sourceOf(runtime: BackupRuntime): BackupSource {
  if (runtime.db.kind === 'pglite') return { kind: 'pglite', db: runtime.db.kysely };
  if (!runtime.config.databaseUrl) throw new Error(backupMessage('tools.noDatabaseUrl'));
  return { kind: 'postgres', url: runtime.config.databaseUrl };
}

/** Makes a backup now, then deletes the archives beyond the retention. */
export async function backupInstance(runtime: BackupRuntime, report?: (done: number, total?: number) => void): Promise<BackupMade> {
  const made = await createBackup({ dataDir: runtime.config.dataDir, source: sourceOf(runtime), ...(report ? { report } : {}) });
  const pruned = await pruneArchives(runtime.config.dataDir, backupSettings().keep);
  runtime.logger.info({ archive: made.name, pruned }, 'sauvegarde faite');
  if (made.manifest.fichiersAbsents.length > 0) {
    runtime.logger.warn({ archive: made.name, absents: made.manifest.fichiersAbsents }, 'sauvegarde : fichiers supprimés pendant la copie');
  }
  return made;
}
