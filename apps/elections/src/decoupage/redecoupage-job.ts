/**
 * « Appliquer » the redécoupage for many electors: beyond a threshold, the same application
 * (redecoupage.ts, one transaction) runs as a background job of the framework, followed in
 * « Mes traitements » with its progress and its cancel (a cancelled job changes nothing).
 */
import type { Actor } from '../../../../framework/src/access/actor.ts';
import { jobKind, JobRefused } from '../../../../framework/src/jobs/index.ts';
import type { PageAnswer, PageContext } from '../../../../framework/src/model/app-routes.ts';
import { applyRedecoupage, simulate } from './redecoupage.ts';

/** Beyond this many electors to move, the application runs as a job. */
export const REDECOUPAGE_JOB_THRESHOLD = 500;

export interface RedecoupageJobContext {
  /** How « Mes traitements » names the job. */
  readonly label: string;
  readonly electeurs: number;
}

export interface RedecoupageJobResult {
  readonly deplaces: number;
}

export const REDECOUPAGE_JOB = jobKind<RedecoupageJobResult, RedecoupageJobContext>('elections.redecoupage');

const movedMessage = (moved: number) =>
  moved === 0 ? 'Aucun électeur n’avait à changer de bureau.' : `${moved} électeur(s) ont changé de bureau : ${moved} mouvement(s) « BR » créé(s) et acceptés.`;

/** The POST « Appliquer »: at once below `threshold` electors to move, as a job (→ « Mes traitements ») from it on. */
export async function applyOrStartRedecoupage(context: PageContext<Actor>, threshold: number): Promise<PageAnswer> {
  const { actor, service, requestId } = context;
  const toMove = (await context.read(simulate)).simulation.modifications.length;
  if (toMove < threshold) {
    const moved = await applyRedecoupage(service, actor, requestId);
    return { redirect: '/elections/redecoupage', flash: { kind: 'success', text: movedMessage(moved) } };
  }
  try {
    await context.jobs.start(REDECOUPAGE_JOB, actor, { context: { label: 'Redécoupage des électeurs', electeurs: toMove } }, async (job) => ({
      deplaces: await applyRedecoupage(service, actor, requestId, { report: (done, total) => job.report(done, total), signal: job.signal }),
    }));
  } catch (error) {
    if (!(error instanceof JobRefused)) throw error;
    return { redirect: '/elections/redecoupage', flash: { kind: 'error', text: error.message } };
  }
  return {
    redirect: '/traitements',
    flash: { kind: 'info', text: `Redécoupage lancé en traitement : ${toMove} électeur(s) à changer de bureau. Suivez son avancement ici.` },
  };
}
