/** Backups and restores of an instance: database, stored files and a manifest, in one `.tar.gz`. */
export { createBackup, type BackupMade, type BackupRequest, type BackupSource } from './create.ts';
export { restoreBackup, RestoreRefused, type RestoreReport, type RestoreRequest } from './restore.ts';
export { parseManifest, totalRows, FORMAT_VERSION, MANIFEST_NAME, type Manifest } from './manifest.ts';
export { archiveNameFor, backupsFolder, isArchiveName, listArchives, type ArchiveInfo } from './folders.ts';
export { askServer, serveRequests, type BackupAnswer } from './requests.ts';
export { backupInstance, sourceOf, type BackupRuntime } from './instance.ts';
export { startBackupService, type BackupService } from './service.ts';
export { BACKUP_JOB, startBackupJob, type BackupResult } from './job.ts';
export { backupSettings, type BackupSettings } from './settings.ts';
export { pruneArchives } from './retention.ts';
export { backupMessage } from './messages.ts';
