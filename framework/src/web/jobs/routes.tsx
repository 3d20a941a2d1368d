/**
 * « Traitement › Mes traitements »: the user's jobs (an administrator holding `traitement_tous`:
 * every job of their collectivité), the live state of a running one, its cancel, its result files
 * while they are kept. A job the user may not see is a 404, whatever its address.
 */
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { Hono, type Context } from 'hono';
import { contentDisposition } from '../../files/index.ts';
import { isActive, jobRunnerOf, type AnyJob } from '../../jobs/index.ts';
import { csrfToken } from '../auth/csrf.ts';
import { requireActor } from '../auth/require-actor.ts';
import type { AppEnv } from '../env.ts';
import { localeOf, translatorOf } from '../locale.ts';
import { HttpError } from '../operations/index.ts';
import { RETOUR_FIELD, safeReturn } from '../screens/form/retour.ts';
import { actorOf, renderScreen, setFlash } from '../screens/shared/index.ts';
import { presentJob } from './kinds.ts';
import { JobListView, JobState } from './list-view.tsx';
import { JOB_PATHS } from './paths.ts';

const PER_PAGE = 20;
/** htmx stops polling an element when the answer has this status. */
const STOP_POLLING = 286;

const pageOf = (value: string | undefined) => {
  const page = Number(value);
  return Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1;
};

async function visibleJob(c: Context<AppEnv>): Promise<AnyJob> {
  const job = await jobRunnerOf(c.get('runtime')).find(c.req.param('job') ?? '', actorOf(c));
  if (!job) throw HttpError.notFound();
  return job;
}

export function jobRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get(JOB_PATHS.list, requireActor(), async (c) => {
    const actor = actorOf(c);
    const runner = jobRunnerOf(c.get('runtime'));
    const tr = translatorOf(c);
    const page = pageOf(c.req.query('page'));
    const found = await runner.list(actor, { offset: (page - 1) * PER_PAGE, limit: PER_PAGE });
    const pages = Math.max(1, Math.ceil(found.total / PER_PAGE));
    c.header('Cache-Control', 'no-store');
    return renderScreen(c, {
      title: tr('traitements.list.title'),
      breadcrumb: [{ label: tr('layout.rubriques.traitement') }, { label: tr('traitements.list.title') }],
      children: (
        <JobListView
          tr={tr}
          locale={localeOf(c)}
          csrfToken={csrfToken(c)}
          everyone={runner.seesEveryJob(actor)}
          keepDays={c.get('runtime').config.jobs.keepResultsDays}
          list={{ jobs: found.jobs, page, pages }}
        />
      ),
    });
  });

  // The state cell of a running job, for htmx's refresh.
  app.get('/traitements/:job/etat', requireActor(), async (c) => {
    const job = await visibleJob(c);
    const tr = translatorOf(c);
    const content = <JobState tr={tr} job={job} title={presentJob(job, tr).title} />;
    return new Response(String(content), {
      status: isActive(job.state) ? 200 : STOP_POLLING,
      headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' },
    });
  });

  app.post('/traitements/:job/annuler', requireActor(), async (c) => {
    const tr = translatorOf(c);
    const body = await c.req.parseBody();
    const outcome = await jobRunnerOf(c.get('runtime')).cancel(c.req.param('job') ?? '', actorOf(c));
    if (outcome === 'notFound') throw HttpError.notFound();
    setFlash(c, outcome === 'cancelled' ? { kind: 'success', text: tr('traitements.cancel.done') } : { kind: 'info', text: tr('traitements.cancel.notRunning') });
    return c.redirect(safeReturn(body[RETOUR_FIELD]) ?? JOB_PATHS.list, 303);
  });

  app.get('/traitements/:job/fichiers/:name', requireActor(), async (c) => {
    const job = await visibleJob(c);
    const name = c.req.param('name') ?? '';
    const path = jobRunnerOf(c.get('runtime')).resultFile(job, name);
    if (!path) throw HttpError.notFound();
    c.header('Content-Type', name.endsWith('.csv') ? 'text/csv; charset=utf-8' : name.endsWith('.pdf') ? 'application/pdf' : 'application/octet-stream');
    c.header('Content-Disposition', contentDisposition(name));
    c.header('Cache-Control', 'no-store');
    return c.body(Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>);
  });

  return app;
}
