/**
 * « Administration › Import » (openMairie's `import`, module permission `import` plus the object's
 * `_ajouter`): the imports the user may run; one import's help table, template and upload form;
 * the upload starts a job whose follow-up page (its owner's only) shows the progress, then the
 * counts and the rejected lines.
 */
import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { downloadName, runImport, templateCsv } from '../../imports/index.ts';
import { JobRefused, jobRunnerOf } from '../../jobs/index.ts';
import { csrfToken } from '../auth/csrf.ts';
import { requireActor } from '../auth/require-actor.ts';
import type { AppEnv } from '../env.ts';
import type { Crumb } from '../layout/layout.tsx';
import { localeOf, translatorOf } from '../locale.ts';
import { HttpError } from '../operations/index.ts';
import { renderScreen } from '../screens/shared/index.ts';
import { serviceDeps } from '../service-deps.ts';
import { importFromRoute, importsFor, importUser, type RunnableImport } from './access.ts';
import { FollowContent, FollowView } from './follow-view.tsx';
import { IMPORT_JOB } from './job.ts';
import { IMPORT_PATHS } from './paths.ts';
import { DEFAULT_FORM, IndexView, SpecView, type UploadFormValues } from './spec-view.tsx';
import { FORM_FIELDS, readUpload, type ImportUpload } from './upload.ts';

/** htmx stops polling an element when the answer has this status. */
const STOP_POLLING = 286;

function crumbs(c: Context<AppEnv>, ...more: Crumb[]): Crumb[] {
  const tr = translatorOf(c);
  return [{ label: tr('layout.rubriques.administration') }, { label: tr('imports.index.title'), href: IMPORT_PATHS.index }, ...more];
}

/** Largest file an import accepts: the instance's upload limit. */
const maxBytesOf = (c: Context<AppEnv>) => c.get('runtime').config.upload.maxBytes;

function renderSpec(c: Context<AppEnv>, runnable: RunnableImport, options: { values?: UploadFormValues; error?: string; status?: ContentfulStatusCode } = {}) {
  const tr = translatorOf(c);
  const { spec } = runnable;
  return renderScreen(c, {
    title: tr('imports.spec.title', { label: spec.label }),
    breadcrumb: crumbs(c, { label: spec.label }),
    messages: options.error === undefined ? [] : [{ kind: 'error', text: options.error }],
    status: options.status ?? 200,
    children: (
      <SpecView
        tr={tr}
        locale={localeOf(c)}
        spec={spec}
        registry={c.get('runtime').registry}
        csrfToken={csrfToken(c)}
        maxBytes={maxBytesOf(c)}
        values={options.values ?? DEFAULT_FORM}
        error={options.error !== undefined}
      />
    ),
  });
}

/** The job of `:job`, its owner's only: anyone else (and a forgotten job) gets the 404 page. */
function ownJob(c: Context<AppEnv>) {
  const actor = importUser(c);
  const job = jobRunnerOf(c.get('runtime')).get(IMPORT_JOB, c.req.param('job') ?? '', actor.userId);
  if (!job) throw HttpError.notFound();
  return job;
}

function startImport(c: Context<AppEnv>, runnable: RunnableImport, upload: ImportUpload): string {
  const runtime = c.get('runtime');
  const actor = importUser(c);
  const deps = serviceDeps(c);
  // Batch work: no outside services (e-mail) for the hooks, as documented for `ServiceDeps.services`.
  const batchDeps = { db: deps.db, registry: deps.registry, locale: deps.locale, exactCountLimit: deps.exactCountLimit };
  const context = {
    app: runnable.spec.app,
    name: runnable.spec.name,
    label: runnable.spec.label,
    fileName: upload.fileName,
    simulation: upload.simulation,
  };
  const request = { ...runnable, ...upload, requestId: c.get('requestId') };
  const job = jobRunnerOf(runtime).start(IMPORT_JOB, actor.userId, context, (progress) => runImport(batchDeps, actor, request, progress));
  runtime.logger.info({ user: actor.login, import: `${runnable.spec.app}/${runnable.spec.name}`, job: job.id, simulation: upload.simulation }, 'import lancé');
  return job.id;
}

export function importRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get(IMPORT_PATHS.index, requireActor(), async (c) => {
    const actor = importUser(c);
    const tr = translatorOf(c);
    return renderScreen(c, {
      title: tr('imports.index.title'),
      breadcrumb: crumbs(c),
      children: <IndexView tr={tr} imports={importsFor(actor, c.get('runtime').registry)} />,
    });
  });

  // Before `/import/:app/:name`, which would take « suivi » for an application.
  app.get('/import/suivi/:job', requireActor(), async (c) => {
    const job = ownJob(c);
    const tr = translatorOf(c);
    c.header('Cache-Control', 'no-store');
    if (c.req.header('HX-Request') === 'true') {
      const content = <FollowContent tr={tr} job={job} />;
      const status = job.state === 'running' ? 200 : STOP_POLLING;
      return new Response(String(content), { status, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' } });
    }
    return renderScreen(c, {
      title: tr('imports.follow.title', { label: job.context.label }),
      breadcrumb: crumbs(c, { label: job.context.label, href: IMPORT_PATHS.spec(job.context.app, job.context.name) }, { label: tr('imports.follow.crumb') }),
      children: <FollowView tr={tr} job={job} />,
    });
  });

  app.get('/import/suivi/:job/rejets.csv', requireActor(), (c) => {
    const job = ownJob(c);
    if (!job.result) throw HttpError.notFound();
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="${downloadName(job.context.name, '_rejets')}"`);
    c.header('Cache-Control', 'no-store');
    return c.body(job.result.rejectFile);
  });

  app.get('/import/:app/:name/modele.csv', requireActor(), (c) => {
    const { spec } = importFromRoute(c, importUser(c));
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="${downloadName(spec.name, '')}"`);
    return c.body(templateCsv(spec));
  });

  app.get('/import/:app/:name', requireActor(), (c) => renderSpec(c, importFromRoute(c, importUser(c))));

  app.post('/import/:app/:name', requireActor(), async (c) => {
    const runnable = importFromRoute(c, importUser(c));
    const body = await c.req.parseBody();
    const reading = await readUpload(body, maxBytesOf(c), localeOf(c));
    const values: UploadFormValues = {
      separator: body[FORM_FIELDS.separator] === ',' ? ',' : ';',
      header: body[FORM_FIELDS.header] !== undefined,
      simulation: body[FORM_FIELDS.simulation] !== undefined,
    };
    if (!reading.ok) return renderSpec(c, runnable, { values, error: reading.message, status: 400 });
    try {
      return c.redirect(IMPORT_PATHS.follow(startImport(c, runnable, reading.upload)), 303);
    } catch (error) {
      if (error instanceof JobRefused) return renderSpec(c, runnable, { values, error: error.message, status: 429 });
      throw error;
    }
  });

  return app;
}
