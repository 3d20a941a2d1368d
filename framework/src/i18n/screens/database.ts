/**
 * Messages of the embedded database's data folder (its lock): French and English, key for key.
 */
import type { Translation } from '../types.ts';

export const databaseFr = {
  lock: {
    held: [
      'Le dossier de données {folder} est déjà utilisé par un autre processus',
      '(pid {pid} sur {host}, depuis {since} : {command}).',
      'Une base embarquée n’a qu’un seul propriétaire : arrêtez ce processus (le serveur « commun start »)',
      'avant de relancer cette commande, ou utilisez un serveur PostgreSQL (DATABASE_URL) pour travailler à plusieurs,',
      'ou choisissez un autre dossier (COMMUN_DATA_DIR).',
    ].join('\n'),
    unreadable: [
      'Le dossier de données {folder} est verrouillé par un autre processus qui démarre en ce moment.',
      'Réessayez dans quelques secondes ; si aucun processus « commun » ne tourne, supprimez le fichier {file}.',
    ].join('\n'),
  },
};

export const databaseEn: Translation<typeof databaseFr> = {
  lock: {
    held: [
      'The data folder {folder} is already used by another process',
      '(pid {pid} on {host}, since {since}: {command}).',
      'An embedded database has a single owner: stop that process (the “commun start” server)',
      'before running this command again, or use a PostgreSQL server (DATABASE_URL) to work with several processes,',
      'or choose another folder (COMMUN_DATA_DIR).',
    ].join('\n'),
    unreadable: [
      'The data folder {folder} is locked by another process that is starting right now.',
      'Try again in a few seconds; if no “commun” process is running, delete the file {file}.',
    ].join('\n'),
  },
};
