/** The import job: its result, and what its follow-up page shows while it runs. */
import type { ImportResult } from '../../imports/index.ts';
import { jobKind } from '../../jobs/index.ts';

export interface ImportJobContext {
  readonly app: string;
  readonly name: string;
  readonly label: string;
  readonly fileName: string;
  readonly simulation: boolean;
}

export const IMPORT_JOB = jobKind<ImportResult, ImportJobContext>('import');
