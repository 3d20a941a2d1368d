/**
 * Where jobs keep files, under the data folder: `traitements/<id>/` for a job's result files,
 * `traitements/televersements/` for uploads waiting for (or read by) their job.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';

const JOBS_FOLDER = 'traitements';
const UPLOADS_FOLDER = 'televersements';

/** A result file's name: one path segment of ordinary characters (it is joined to a folder). */
const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
export const isResultFileName = (name: string) => FILE_NAME.test(name) && !name.includes('..');

export const jobsRoot = (dataDir: string) => join(dataDir, JOBS_FOLDER);

export const jobFolder = (dataDir: string, id: string) => join(jobsRoot(dataDir), id);

export const uploadsFolder = (dataDir: string) => join(jobsRoot(dataDir), UPLOADS_FOLDER);

/** A new upload's path (`.partiel` until complete is the caller's business). */
export const newUploadPath = (dataDir: string, extension = 'csv') => join(uploadsFolder(dataDir), `${randomUUID()}.${extension}`);
