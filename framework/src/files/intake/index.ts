/**
 * The scan intake (issue 15 §4), for every application: each user's waiting scans, dropped on the
 * page « Mes documents numérisés » or written by a scanner into the user's watched folder; an
 * application offers the oldest when it registers something and claims it in its own transaction.
 * Stamping the scan is `documents/stamp.ts`.
 */
export { intakeMessage } from './messages.ts';
export { checkScan, SCAN_MAX_BYTES, SCAN_TYPES, scanSizeRefusal, type ScanCheck } from './rules.ts';
export {
  addWaitingFile,
  claimWaitingFile,
  findWaitingFile,
  IntakeError,
  keepWaitingFile,
  listWaitingFiles,
  nextWaitingFile,
  removeWaitingFile,
  type IntakeRuntime,
  type WaitingFile,
  type WaitingSource,
} from './waiting-files.ts';
export { ensureScanFolder, REFUSED_FOLDER, SCAN_FOLDER, scanFolderOf, SETTLE_MS, sweepScanFolders, TAKEN_FOLDER, type SweepRuntime } from './watched-folder.ts';
