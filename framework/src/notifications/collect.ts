/**
 * One agent's pending work: each application his collectivité uses is asked as him, in a
 * read-only transaction scoped like his requests (row-level security applies; the source checks
 * his permissions). A source that fails is logged and left out: the others still count.
 */
import { sql } from 'kysely';
import type { Actor } from '../access/actor.ts';
import { usesApplication } from '../access/applications/uses.ts';
import type { Application } from '../application.ts';
import type { Db } from '../db/connection.ts';
import { tenantSettings } from '../db/tenant-context.ts';
import type { Logger } from '../logger.ts';
import type { PendingWorkSection } from './pending-work.ts';

/** The non-empty sections of one application, under its title. */
export interface ApplicationWork {
  readonly application: string;
  readonly title: string;
  readonly sections: readonly PendingWorkSection[];
}

export interface CollectedWork {
  readonly applications: readonly ApplicationWork[];
  /** Applications whose source failed (their titles), left out. */
  readonly failed: readonly string[];
}

/** How many pieces of work in all (each section's total, not only the items shown). */
export const countOf = (work: CollectedWork): number =>
  work.applications.reduce((sum, application) => sum + application.sections.reduce((inner, section) => inner + section.total, 0), 0);

/** A read-only transaction as the actor: a source cannot write, whatever it runs. */
async function readOnlyAs<T>(db: Db, actor: Actor, work: (trx: Db) => Promise<T>): Promise<T> {
  const { collectivite, all, user } = tenantSettings(actor);
  return db.transaction().execute(async (trx) => {
    await sql`set transaction read only`.execute(trx);
    await sql`select set_config('commun.collectivite', ${collectivite}, true), set_config('commun.toutes', ${all}, true), set_config('commun.utilisateur', ${user}, true)`.execute(trx);
    return work(trx);
  });
}

const titleOf = (application: Application): string => application.title ?? application.name;

export async function collectPendingWork(
  db: Db,
  actor: Actor,
  applications: readonly Application[],
  today: string,
  logger: Pick<Logger, 'error'>,
): Promise<CollectedWork> {
  const found: ApplicationWork[] = [];
  const failed: string[] = [];
  for (const application of applications) {
    const source = application.pendingWork;
    // An application the agent's collectivité does not use has nothing to say (its data stays).
    if (!source || !usesApplication(actor, application.name)) continue;
    try {
      const sections = await readOnlyAs(db, actor, (trx) => source({ db: trx, actor, today }));
      const shown = sections.filter((section) => section.total > 0 && section.items.length > 0);
      if (shown.length > 0) found.push({ application: application.name, title: titleOf(application), sections: shown });
    } catch (error) {
      logger.error({ err: error, application: application.name, utilisateur: actor.userId }, 'travail en attente illisible');
      failed.push(titleOf(application));
    }
  }
  return { applications: found, failed };
}
