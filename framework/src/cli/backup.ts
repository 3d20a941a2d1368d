/**
 * `commun backup` and `commun restore` (backup/). On the embedded database, `backup` opens the data
 * folder itself when it is free, and otherwise asks the server holding it (backup/requests.ts).
 */
import { copyFile, constants } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { askServer, backupSettings, createBackup, pruneArchives, restoreBackup, RestoreRefused, totalRows, type BackupMade } from '../backup/index.ts';
import { loadConfig } from '../config/index.ts';
import { DataFolderLockedError } from '../db/data-folder-lock.ts';
import { openDatabase } from '../db/connection.ts';

export const BACKUP_USAGE = [
  'Usage : commun backup [--sortie <fichier.tar.gz>]',
  'Sauvegarde la base (embarquée : COMMUN_DATA_DIR ; serveur : DATABASE_URL, avec pg_dump) et les fichiers',
  'déposés (<dossier>/fichiers) dans <dossier>/sauvegardes/commun-AAAAMMJJ-HHMMSS.tar.gz ;',
  '--sortie en écrit en plus une copie à cet endroit (jamais par-dessus un fichier existant).',
  'Base embarquée en service : la commande demande la sauvegarde au serveur qui tient le dossier.',
  'COMMUN_SAUVEGARDE_CONSERVATION : nombre d’archives gardées (7 ; 0 pour toutes).',
].join('\n');

export const RESTORE_USAGE = [
  'Usage : commun restore <archive.tar.gz> [--dossier <dossier>] [--base postgres://…]',
  'Restaure une sauvegarde dans un dossier de données vide (--dossier, COMMUN_DATA_DIR par défaut) et,',
  'pour une sauvegarde d’un serveur, dans une base vide (--base). Vérifie les empreintes de chaque fichier',
  'et, après restauration, que chaque table a le nombre de lignes du manifeste. N’écrase jamais rien.',
].join('\n');

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
    if (!known.includes(name)) return `Option inconnue : « ${arg} ».`;
    if (value === undefined || value.startsWith('--')) return `L’option « ${arg} » attend une valeur.`;
    options.set(name, value);
    index += 1;
  }
  return { options, rest };
}

const fileCount = (made: { manifest: BackupMade['manifest'] }) => Object.keys(made.manifest.empreintes).filter((path) => path.startsWith('fichiers/')).length;

/** The embedded folder's backup: by this process when the folder is free, else by its server. */
async function backupEmbedded(dataDir: string): Promise<{ path: string; lignes: number; tables?: number; fichiers: number }> {
  if (!existsSync(join(dataDir, 'PG_VERSION'))) throw new Error(`Aucune base embarquée dans « ${dataDir} » : rien à sauvegarder (COMMUN_DATA_DIR ?).`);
  let owner;
  try {
    owner = await openDatabase({ dataDir });
  } catch (error) {
    if (!(error instanceof DataFolderLockedError)) throw error;
    const holder = error.holder;
    console.log(`Le dossier est tenu par le processus ${holder?.pid ?? '?'} : la sauvegarde lui est demandée…`);
    const answer = await askServer(dataDir, { pickupMs: 15_000 });
    if (!answer) {
      throw new Error(
        `Le processus ${holder?.pid ?? '?'} (${holder?.command ?? 'inconnu'}) tient le dossier mais n’a pas pris la demande en charge : ` +
          'est-ce un serveur Commun (commun start) ? Arrêtez la commande qui tient le dossier, ou attendez sa fin.',
      );
    }
    if (!answer.ok) throw new Error(`le serveur n’a pas pu faire la sauvegarde : ${answer.erreur}`);
    return { path: answer.archive, lignes: answer.lignes, fichiers: answer.fichiers };
  }
  try {
    const made = await createBackup({ dataDir, source: { kind: 'pglite', db: owner.kysely } });
    return { path: made.path, lignes: totalRows(made.manifest), tables: Object.keys(made.manifest.lignes).length, fichiers: fileCount(made) };
  } finally {
    await owner.close();
  }
}

export async function backupCommand(args: readonly string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    console.log(BACKUP_USAGE);
    return 0;
  }
  const parsed = parseArgs(args, ['sortie']);
  if (typeof parsed === 'string' || parsed.rest.length > 0) {
    console.error(`${typeof parsed === 'string' ? parsed : `Argument inattendu : « ${parsed.rest[0]} ».`}\n\n${BACKUP_USAGE}`);
    return 1;
  }
  const output = parsed.options.get('sortie');
  if (output && existsSync(output)) {
    console.error(`« ${output} » existe déjà : choisissez un autre nom (une sauvegarde n’écrase rien).`);
    return 1;
  }
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
  console.log(`Sauvegarde faite : ${output ? resolve(output) : made.path}`);
  console.log(`  ${made.lignes} lignes${made.tables === undefined ? '' : ` dans ${made.tables} tables`}, ${made.fichiers} fichiers déposés.`);
  return 0;
}

export async function restoreCommand(args: readonly string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    console.log(RESTORE_USAGE);
    return 0;
  }
  const parsed = parseArgs(args, ['dossier', 'base']);
  if (typeof parsed === 'string' || parsed.rest.length !== 1) {
    console.error(`${typeof parsed === 'string' ? parsed : 'Indiquez une archive, et une seule.'}\n\n${RESTORE_USAGE}`);
    return 1;
  }
  const dataDir = parsed.options.get('dossier') ?? loadConfig().dataDir;
  try {
    const restored = await restoreBackup({
      archive: parsed.rest[0] as string,
      dataDir,
      url: parsed.options.get('base'),
      report: (message) => console.log(message),
    });
    console.log(`Restauration terminée dans « ${resolve(dataDir)} » : chaque table a le nombre de lignes du manifeste.`);
    for (const [table, count] of Object.entries(restored.lignes)) console.log(`  ${table} : ${count}`);
    console.log(`  ${totalRows(restored.manifest)} lignes, ${restored.fichiers} fichiers déposés vérifiés (SHA-256).`);
    if (restored.manifest.fichiersAbsents.length > 0) {
      console.log(`  Fichiers déjà supprimés au moment de la sauvegarde : ${restored.manifest.fichiersAbsents.join(', ')}`);
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
