/** `commun backup` and `commun restore` once their arguments are accepted (cli/backup.ts). */
import { copyFile, constants } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { askServer, backupMessage, backupSettings, createBackup, pruneArchives, restoreBackup, RestoreRefused, totalRows, type BackupMade } from '../backup/index.ts';
import { loadConfig } from '../config/index.ts';
import { DataFolderLockedError } from '../db/data-folder-lock.ts';
import { openDatabase } from '../db/connection.ts';

const fileCount = (made: { manifest: BackupMade['manifest'] }) => Object.keys(made.manifest.empreintes).filter((path) => path.startsWith('fichiers/')).length;

/** The embedded folder's backup: by this process when the folder is free, else by its server. */
async function backupEmbedded(dataDir: string): Promise<{ path: string; lignes: number; tables?: number; fichiers: number }> {
  if (!existsSync(join(dataDir, 'PG_VERSION'))) throw new Error(backupMessage('cli.noEmbeddedDatabase', { folder: dataDir }));
  let owner;
  try {
    owner = await openDatabase({ dataDir });
  } catch (error) {
    if (!(error instanceof DataFolderLockedError)) throw error;
    const holder = error.holder;
    console.log(backupMessage('cli.askingServer', { pid: holder?.pid ?? '?' }));
    const answer = await askServer(dataDir, { pickupMs: 15_000 });
    if (!answer) {
      throw new Error(backupMessage('cli.notTaken', { pid: holder?.pid ?? '?', command: holder?.command ?? backupMessage('cli.unknownCommand') }));
    }
    if (!answer.ok) throw new Error(backupMessage('cli.serverFailed', { error: answer.erreur }));
    return { path: answer.archive, lignes: answer.lignes, fichiers: answer.fichiers };
  }
  try {
    const made = await createBackup({ dataDir, source: { kind: 'pglite', db: owner.kysely } });
    return { path: made.path, lignes: totalRows(made.manifest), tables: Object.keys(made.manifest.lignes).length, fichiers: fileCount(made) };
  } finally {
    await owner.close();
  }
}

/** `--sortie`: also copied there. */
export async function runBackup(output: string | undefined): Promise<number> {
  const config = loadConfig();
  const dataDir = resolve(config.dataDir);
  const made = config.databaseUrl
    ? await createBackup({ dataDir, source: { kind: 'postgres', url: config.databaseUrl } }).then((backup) => ({
        path: backup.path,
        lignes: totalRows(backup.manifest),
        tables: Object.keys(backup.manifest.lignes).length,
        fichiers: fileCount(backup),
      }))
    : await backupEmbedded(dataDir);
  await pruneArchives(dataDir, backupSettings().keep);
  if (output) await copyFile(made.path, output, constants.COPYFILE_EXCL);
  console.log(backupMessage('cli.done', { path: output ? resolve(output) : made.path }));
  console.log(
    made.tables === undefined
      ? backupMessage('cli.doneCounts', { rows: made.lignes, files: made.fichiers })
      : backupMessage('cli.doneCountsTables', { rows: made.lignes, tables: made.tables, files: made.fichiers }),
  );
  return 0;
}

export async function runRestore(archive: string, dataDir: string, url: string | undefined): Promise<number> {
  try {
    const restored = await restoreBackup({
      archive,
      dataDir,
      url,
      report: (message) => console.log(message),
    });
    console.log(backupMessage('cli.restored', { folder: resolve(dataDir) }));
    for (const [table, count] of Object.entries(restored.lignes)) console.log(backupMessage('cli.restoredTable', { table, count }));
    console.log(backupMessage('cli.restoredTotals', { rows: totalRows(restored.manifest), files: restored.fichiers }));
    if (restored.manifest.fichiersAbsents.length > 0) {
      console.log(backupMessage('cli.restoredMissing', { files: restored.manifest.fichiersAbsents.join(', ') }));
    }
    return 0;
  } catch (error) {
    if (error instanceof RestoreRefused) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}
