/** How « Mes traitements » names a job and where its own page is, by kind. */
import type { Translate } from '../../i18n/index.ts';
import type { AnyJob } from '../../jobs/index.ts';
import { PRINT_JOB } from '../../documents/batch-job.ts';
import { IMPORT_JOB } from '../../imports/job.ts';
import { IMPORT_PATHS } from '../imports/paths.ts';

export interface JobPresentation {
  readonly title: string;
  /** The job's follow-up page, when its kind has one. */
  readonly href: string | undefined;
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/**
 * What a job's progress counts, when its kind says: a print's documents, an import's lines (the
 * `traitements.list.<counted>` messages); undefined: a bare « 3 sur 10 ».
 */
export type Counted = 'documents' | 'lines';

export function countedBy(job: AnyJob): Counted | undefined {
  if (job.kind === PRINT_JOB.name) return 'documents';
  if (job.kind === IMPORT_JOB.name) return 'lines';
  return undefined;
}

export function presentJob(job: AnyJob, tr: Translate): JobPresentation {
  if (job.kind === IMPORT_JOB.name) {
    return { title: tr('traitements.kinds.import', { label: text(job.context.label) }), href: IMPORT_PATHS.follow(job.id) };
  }
  if (job.kind === PRINT_JOB.name) return { title: tr('documents.batch.job', { label: text(job.context.label) }), href: undefined };
  return { title: tr('traitements.kinds.other', { kind: text(job.context.label) || job.kind }), href: undefined };
}
