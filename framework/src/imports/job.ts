/**
 * The import job: its result, and what its follow-up page shows while it runs. The web upload and
 * the `commun import` command start the same kind, so both appear in « Mes traitements ».
 */
import type { ImportResult } from './result.ts';
import { jobKind, type Job } from '../jobs/index.ts';

export interface ImportJobContext {
  readonly app: string;
  readonly name: string;
  readonly label: string;
  readonly simulation: boolean;
}

export const IMPORT_JOB = jobKind<ImportResult, ImportJobContext>('import');

export type ImportJob = Job<ImportResult, ImportJobContext>;
