/**
 * The framework's file store (reference §6.13): files uploaded into records' fields, their
 * checks (size, type read from the content) and their storage (disk + `om.om_fichier`).
 */
export { DEFAULT_FILE_TYPES, acceptAttribute, checkUpload, describeTypes, formatSize, safeFileName } from './check.ts';
export type { CheckedUpload, FileRules, Upload, UploadCheck } from './check.ts';
export { FileStore, fileStoreOf, isFileId } from './store.ts';
export type { StoredFile } from './store.ts';
export { contentDisposition } from './disposition.ts';
