/**
 * The archiving as a framework job (« Mes traitements », with its progress bar): batches of
 * `LOT` mails, one transaction each, as the framework (confidential mail included, restricted to
 * the collectivité the user works in). A cancelled job stops between two batches: the batches
 * already done stay archived, the rest stays in the everyday mail.
 */
import { SYSTEM_ACTOR, type Actor } from '../../../../framework/src/access/actor.ts';
import type { Db } from '../../../../framework/src/db/connection.ts';
import { writeAs } from '../../../../framework/src/db/tenant-context.ts';
import { jobKind, type JobContext } from '../../../../framework/src/jobs/index.ts';
import { archiverLot } from './archiver.ts';
import { decompte, prochainLot, total } from './selection.ts';

export const LOT = 200;

export interface ArchivageContexte {
  /** How « Mes traitements » names the job. */
  readonly label: string;
  readonly jusquau: string;
  readonly collectivite: number;
}

export interface ArchivageResultat {
  readonly archives: number;
}

export const ARCHIVAGE_JOB = jobKind<ArchivageResultat, ArchivageContexte>('courrier.archivage');

type Avancement = Pick<JobContext, 'report' | 'signal'>;

/** Archives every mail of the collectivité dated on or before `jusquau`; returns how many. */
export async function archiver(db: Db, actor: Actor, collectivite: number, jusquau: string, job?: Avancement, requestId?: string): Promise<number> {
  const attendus = total(await writeAs(db, SYSTEM_ACTOR, (trx) => decompte(trx, collectivite, jusquau)));
  let faits = 0;
  job?.report(0, attendus);
  for (;;) {
    job?.signal.throwIfAborted();
    const archives = await writeAs(db, SYSTEM_ACTOR, async (trx) => archiverLot(trx, actor, await prochainLot(trx, collectivite, jusquau, LOT), requestId));
    if (archives === 0) return faits;
    faits += archives;
    job?.report(faits, Math.max(attendus, faits));
  }
}
