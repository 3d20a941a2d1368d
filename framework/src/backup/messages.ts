import { defineMessages } from '../i18n/index.ts';

/** Backups' and restores' messages (refusals, the admin page, `commun backup` / `commun restore`). */
export const backupMessage = defineMessages(
  'sauvegarde',
  {
    archive: {
      fileChanged: 'Le fichier « {path} » a changé pendant sa copie dans l’archive : recommencez la sauvegarde.',
      truncated: 'archive tronquée',
      badHeader: 'en-tête d’entrée illisible',
      badStream: 'flux compressé illisible ou interrompu',
      unexpectedEntry: 'entrée « {path} » d’un type inattendu',
    },
    manifest: {
      unreadable: 'Le manifeste de l’archive est illisible : ce n’est pas une sauvegarde de Commun, ou elle est endommagée.',
      newer:
        'Cette sauvegarde est au format {format}, plus récent que celui que cette version de Commun sait lire ({supported}) : restaurez-la avec une version plus récente.',
      incomplete: 'Le manifeste de l’archive est incomplet : ce n’est pas une sauvegarde de Commun, ou elle est endommagée.',
    },
    tools: {
      missing:
        'La commande {name} est introuvable (ni dans le PATH, ni dans /usr/lib/postgresql/*/bin) : installez le paquet « postgresql-client » de la version du serveur.',
      failed: '{tool} a échoué (code {code}) : {errors}',
      noDatabaseUrl: 'DATABASE_URL manquant pour sauvegarder le serveur',
    },
    restore: {
      archiveNotFound: 'L’archive « {archive} » est introuvable.',
      notAFolder: '« {folder} » n’est pas un dossier.',
      folderNotEmpty: 'Le dossier « {folder} » n’est pas vide : la restauration se fait dans un dossier vide, pour ne rien écraser.',
      databaseNotEmpty: 'La base « {name} » n’est pas vide : la restauration se fait dans une base vide, pour ne rien écraser.',
      databaseUnreachable: 'La base « {name} » est injoignable : {reason}',
      noManifest: 'Cette archive ne commence pas par un manifeste : ce n’est pas une sauvegarde de Commun.',
      serverNeedsUrl: 'Cette sauvegarde vient d’un serveur PostgreSQL : indiquez la base (vide) où la restaurer avec --base postgres://…',
      embeddedNeedsFolder: 'Cette sauvegarde vient de la base embarquée : elle se restaure dans un dossier (--dossier), sans --base.',
      undescribed: 'L’archive contient « {path} », que son manifeste ne décrit pas : elle a été modifiée.',
      quoted: '« {path} »',
      wrongHash: 'contenu différent de son empreinte : {paths}',
      missingEntries: 'absent de l’archive : {paths}',
      damaged: 'L’archive est endommagée ({problems}). Rien n’a été restauré : utilisez une autre sauvegarde.',
      damagedOrTruncated: 'L’archive est endommagée ou tronquée ({detail}) : rien n’a été restauré.',
      countsDiffer: 'Les lignes restaurées ne correspondent pas au manifeste : {differences}.',
      countDifference: '{table} : {expected} attendue(s), {found} trouvée(s)',
      missingTable: 'absente',
      summary: 'Archive du {date} (Commun {version}) : {rows} lignes, {files} fichiers.',
      pgRestore: 'Restauration de la base (pg_restore)…',
    },
    cli: {
      backupUsage:
        'Usage : commun backup [--sortie <fichier.tar.gz>]\n' +
        'Sauvegarde la base (embarquée : COMMUN_DATA_DIR ; serveur : DATABASE_URL, avec pg_dump) et les fichiers\n' +
        'déposés (<dossier>/fichiers) dans <dossier>/sauvegardes/commun-AAAAMMJJ-HHMMSS.tar.gz ;\n' +
        '--sortie en écrit en plus une copie à cet endroit (jamais par-dessus un fichier existant).\n' +
        'Base embarquée en service : la commande demande la sauvegarde au serveur qui tient le dossier.\n' +
        'COMMUN_SAUVEGARDE_CONSERVATION : nombre d’archives gardées (7 ; 0 pour toutes).',
      restoreUsage:
        'Usage : commun restore <archive.tar.gz> [--dossier <dossier>] [--base postgres://…]\n' +
        'Restaure une sauvegarde dans un dossier de données vide (--dossier, COMMUN_DATA_DIR par défaut) et,\n' +
        'pour une sauvegarde d’un serveur, dans une base vide (--base). Vérifie les empreintes de chaque fichier\n' +
        'et, après restauration, que chaque table a le nombre de lignes du manifeste. N’écrase jamais rien.',
      unknownOption: 'Option inconnue : « {option} ».',
      missingValue: 'L’option « {option} » attend une valeur.',
      unexpectedArgument: 'Argument inattendu : « {argument} ».',
      oneArchive: 'Indiquez une archive, et une seule.',
      outputExists: '« {output} » existe déjà : choisissez un autre nom (une sauvegarde n’écrase rien).',
      noEmbeddedDatabase: 'Aucune base embarquée dans « {folder} » : rien à sauvegarder (COMMUN_DATA_DIR ?).',
      askingServer: 'Le dossier est tenu par le processus {pid} : la sauvegarde lui est demandée…',
      notTaken:
        'Le processus {pid} ({command}) tient le dossier mais n’a pas pris la demande en charge : ' +
        'est-ce un serveur Commun (commun start) ? Arrêtez la commande qui tient le dossier, ou attendez sa fin.',
      unknownCommand: 'inconnu',
      serverFailed: 'le serveur n’a pas pu faire la sauvegarde : {error}',
      done: 'Sauvegarde faite : {path}',
      doneCounts: '  {rows} lignes, {files} fichiers déposés.',
      doneCountsTables: '  {rows} lignes dans {tables} tables, {files} fichiers déposés.',
      restored: 'Restauration terminée dans « {folder} » : chaque table a le nombre de lignes du manifeste.',
      restoredTable: '  {table} : {count}',
      restoredTotals: '  {rows} lignes, {files} fichiers déposés vérifiés (SHA-256).',
      restoredMissing: '  Fichiers déjà supprimés au moment de la sauvegarde : {files}',
    },
    job: { label: 'Sauvegarde' },
    menu: { category: 'Sauvegardes', label: 'Sauvegardes' },
    page: {
      title: 'Sauvegardes',
      intro:
        'Une sauvegarde contient la base de données ({database}) de toutes les collectivités et les fichiers déposés, vérifiables par leur empreinte. ' +
        'Elle se restaure avec {command} dans un dossier et une base vides.',
      databases: { pglite: 'embarquée', postgres: 'serveur PostgreSQL' },
      daily: 'Sauvegarde quotidienne : {value}',
      dailyOn: 'oui (chaque nuit)',
      dailyOff: 'non',
      dailyHelp: '(COMMUN_SAUVEGARDE_QUOTIDIENNE=1 pour l’activer)',
      keepAll: 'Conservation : toutes les sauvegardes sont gardées',
      keepSome: 'Conservation : les {keep} plus récentes sont gardées',
      backupNow: 'Faire une sauvegarde maintenant',
      started: 'Sauvegarde lancée : elle apparaîtra dans la liste une fois terminée (suivez-la ci-dessous ou dans « Mes traitements »).',
      jobsCaption: 'Sauvegardes lancées depuis cette page',
      startedAt: 'Lancée le',
      state: 'État',
      none: 'Aucune sauvegarde pour l’instant.',
      archivesCaption: 'Sauvegardes disponibles (les plus récentes d’abord)',
      archive: 'Archive',
      madeAt: 'Faite le',
      size: 'Taille',
      action: 'Action',
      download: 'Télécharger',
      downloadNamed: 'Télécharger {name}',
      sizes: { gib: '{n} Gio', mib: '{n} Mio', kib: '{n} Kio', bytes: '{n} octets' },
    },
  },
  {
    en: {
      archive: {
        fileChanged: 'The file “{path}” changed while it was copied into the archive: make the backup again.',
        truncated: 'truncated archive',
        badHeader: 'unreadable entry header',
        badStream: 'unreadable or interrupted compressed stream',
        unexpectedEntry: 'entry “{path}” of an unexpected type',
      },
      manifest: {
        unreadable: 'The archive’s manifest cannot be read: this is not a Commun backup, or it is damaged.',
        newer: 'This backup is in format {format}, newer than the one this version of Commun reads ({supported}): restore it with a newer version.',
        incomplete: 'The archive’s manifest is incomplete: this is not a Commun backup, or it is damaged.',
      },
      tools: {
        missing: 'The command {name} cannot be found (neither in the PATH nor in /usr/lib/postgresql/*/bin): install the “postgresql-client” package of the server’s version.',
        failed: '{tool} failed (code {code}): {errors}',
        noDatabaseUrl: 'DATABASE_URL is missing to back up the server',
      },
      restore: {
        archiveNotFound: 'The archive “{archive}” cannot be found.',
        notAFolder: '“{folder}” is not a folder.',
        folderNotEmpty: 'The folder “{folder}” is not empty: a restore goes into an empty folder, so as to overwrite nothing.',
        databaseNotEmpty: 'The database “{name}” is not empty: a restore goes into an empty database, so as to overwrite nothing.',
        databaseUnreachable: 'The database “{name}” cannot be reached: {reason}',
        noManifest: 'This archive does not start with a manifest: it is not a Commun backup.',
        serverNeedsUrl: 'This backup comes from a PostgreSQL server: give the (empty) database to restore it into with --base postgres://…',
        embeddedNeedsFolder: 'This backup comes from the embedded database: it is restored into a folder (--dossier), without --base.',
        undescribed: 'The archive holds “{path}”, which its manifest does not describe: it was modified.',
        quoted: '“{path}”',
        wrongHash: 'content different from its fingerprint: {paths}',
        missingEntries: 'missing from the archive: {paths}',
        damaged: 'The archive is damaged ({problems}). Nothing was restored: use another backup.',
        damagedOrTruncated: 'The archive is damaged or truncated ({detail}): nothing was restored.',
        countsDiffer: 'The restored rows do not match the manifest: {differences}.',
        countDifference: '{table}: {expected} expected, {found} found',
        missingTable: 'missing',
        summary: 'Archive of {date} (Commun {version}): {rows} rows, {files} files.',
        pgRestore: 'Restoring the database (pg_restore)…',
      },
      cli: {
        backupUsage:
          'Usage: commun backup [--sortie <file.tar.gz>]\n' +
          'Backs up the database (embedded: COMMUN_DATA_DIR; server: DATABASE_URL, with pg_dump) and the uploaded\n' +
          'files (<folder>/fichiers) into <folder>/sauvegardes/commun-YYYYMMDD-HHMMSS.tar.gz;\n' +
          '--sortie also writes a copy there (never over an existing file).\n' +
          'Embedded database in use: the command asks the server holding the folder for the backup.\n' +
          'COMMUN_SAUVEGARDE_CONSERVATION: how many archives are kept (7; 0 for all).',
        restoreUsage:
          'Usage: commun restore <archive.tar.gz> [--dossier <folder>] [--base postgres://…]\n' +
          'Restores a backup into an empty data folder (--dossier, COMMUN_DATA_DIR by default) and,\n' +
          'for a server’s backup, into an empty database (--base). Checks every file’s fingerprint\n' +
          'and, after the restore, that every table has the manifest’s row count. Never overwrites anything.',
        unknownOption: 'Unknown option: “{option}”.',
        missingValue: 'The option “{option}” expects a value.',
        unexpectedArgument: 'Unexpected argument: “{argument}”.',
        oneArchive: 'Give one archive, and only one.',
        outputExists: '“{output}” already exists: choose another name (a backup overwrites nothing).',
        noEmbeddedDatabase: 'No embedded database in “{folder}”: nothing to back up (COMMUN_DATA_DIR?).',
        askingServer: 'The folder is held by process {pid}: the backup is asked of it…',
        notTaken:
          'Process {pid} ({command}) holds the folder but did not take the request: ' +
          'is it a Commun server (commun start)? Stop the command holding the folder, or wait for it to end.',
        unknownCommand: 'unknown',
        serverFailed: 'the server could not make the backup: {error}',
        done: 'Backup made: {path}',
        doneCounts: '  {rows} rows, {files} uploaded files.',
        doneCountsTables: '  {rows} rows in {tables} tables, {files} uploaded files.',
        restored: 'Restore finished in “{folder}”: every table has the manifest’s row count.',
        restoredTable: '  {table}: {count}',
        restoredTotals: '  {rows} rows, {files} uploaded files checked (SHA-256).',
        restoredMissing: '  Files already deleted when the backup was made: {files}',
      },
      job: { label: 'Backup' },
      menu: { category: 'Backups', label: 'Backups' },
      page: {
        title: 'Backups',
        intro:
          'A backup holds the database ({database}) of every collectivité and the uploaded files, checkable by their fingerprint. ' +
          'It is restored with {command} into an empty folder and database.',
        databases: { pglite: 'embedded', postgres: 'PostgreSQL server' },
        daily: 'Daily backup: {value}',
        dailyOn: 'yes (every night)',
        dailyOff: 'no',
        dailyHelp: '(COMMUN_SAUVEGARDE_QUOTIDIENNE=1 to turn it on)',
        keepAll: 'Retention: every backup is kept',
        keepSome: 'Retention: the {keep} most recent are kept',
        backupNow: 'Make a backup now',
        started: 'Backup started: it will appear in the list once finished (follow it below or in “My treatments”).',
        jobsCaption: 'Backups started from this page',
        startedAt: 'Started',
        state: 'State',
        none: 'No backup yet.',
        archivesCaption: 'Available backups (most recent first)',
        archive: 'Archive',
        madeAt: 'Made',
        size: 'Size',
        action: 'Action',
        download: 'Download',
        downloadNamed: 'Download {name}',
        sizes: { gib: '{n} GiB', mib: '{n} MiB', kib: '{n} KiB', bytes: '{n} bytes' },
      },
    },
  },
);
