/**
 * « Administration › Import » (openMairie's `import`, module permission `import` plus the object's
 * `_ajouter`): the imports the user may run; one import's help table, template and upload form;
 * the upload (streamed to disk) starts a job whose follow-up page (its owner's, or an
 * administrator's of its collectivité) shows the progress, then the counts and the rejected lines,
 * read from the job's row: after a restart too.
 */
import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { downloadName, isImportMode, runImport, templateCsv } from '../../imports/index.ts';
import { isActive, JobRefused, jobRunnerOf } from '../../jobs/index.ts';
import { csrfToken, refuseCsrf } from '../auth/csrf.ts';
import { requireActor } from '../auth/require-actor.ts';
import type { AppEnv } from '../env.ts';
import type { Crumb } from '../layout/layout.tsx';
import { localeOf, translatorOf } from '../locale.ts';
import { HttpError } from '../operations/index.ts';
import { applicationTitle, renderScreen } from '../screens/shared/index.ts';
import { serviceDeps } from '../service-deps.ts';
import { importFromRoute, importsFor, importUser, type RunnableImport } from './access.ts';
import { FollowContent, FollowView, type FollowOptions } from './follow-view.tsx';
import { IMPORT_JOB, type ImportJob } from '../../imports/job.ts';
import { IMPORT_PATHS } from './paths.ts';
import { DEFAULT_FORM, IndexView, SpecView, type UploadFormValues } from './spec-view.tsx';
import { FORM_FIELDS, readImportUpload, type ImportUpload } from './upload.ts';

/** htmx stops polling an element when the answer has this status. */
const STOP_POLLING = 286;

function crumbs(c: Context<AppEnv>, ...more: Crumb[]): Crumb[] {
  const tr = translatorOf(c);
  return [{ label: tr('layout.rubriques.administration') }, { label: tr('imports.index.title'), href: IMPORT_PATHS.index }, ...more];
}

/** Largest file an import accepts: its own limit (COMMUN_IMPORT_MAX_BYTES), not the forms' one. */
const maxBytesOf = (c: Context<AppEnv>) => c.get('runtime').config.imports.maxBytes;

/** The form as posted, to show it again with the user's choices. */
const valuesOf = (fields: Readonly<Record<string, string>>): UploadFormValues => {
  const mode = fields[FORM_FIELDS.mode];
  return {
    separator: fields[FORM_FIELDS.separator] === ',' ? ',' : ';',
    header: fields[FORM_FIELDS.header] !== undefined,
    simulation: fields[FORM_FIELDS.simulation] !== undefined,
    mode: isImportMode(mode) ? mode : DEFAULT_FORM.mode,
    updateKey: fields[FORM_FIELDS.updateKey] || undefined,
  };
};

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

/** The job of `:job`, for its owner or an administrator of its collectivité: anyone else gets the 404 page. */
async function visibleJob(c: Context<AppEnv>): Promise<ImportJob> {
  const actor = importUser(c);
  const job = await jobRunnerOf(c.get('runtime')).get(IMPORT_JOB, c.req.param('job') ?? '', actor);
  if (!job) throw HttpError.notFound();
  return job;
}

/** The reject file on disk, while it is kept. */
function rejectsPath(c: Context<AppEnv>, job: ImportJob): string | undefined {
  const name = job.result?.rejectFile;
  return name === undefined ? undefined : jobRunnerOf(c.get('runtime')).resultFile(job, name);
}

const followOptions = (c: Context<AppEnv>, job: ImportJob): FollowOptions => ({
  tr: translatorOf(c),
  job,
  csrfToken: csrfToken(c),
  rejectsKept: rejectsPath(c, job) !== undefined,
});

async function startImport(c: Context<AppEnv>, runnable: RunnableImport, upload: ImportUpload): Promise<string> {
  const runtime = c.get('runtime');
  const actor = importUser(c);
  const deps = serviceDeps(c);
  // Batch work: no outside services (e-mail) for the hooks, as documented for `ServiceDeps.services`.
  const batchDeps = { db: deps.db, registry: deps.registry, locale: deps.locale, exactCountLimit: deps.exactCountLimit };
  const context = { app: runnable.spec.app, name: runnable.spec.name, label: runnable.spec.label, simulation: upload.simulation };
  const request = { ...runnable, ...upload, requestId: c.get('requestId') };
  const job = await jobRunnerOf(runtime).start(IMPORT_JOB, actor, { fileName: upload.fileName, context }, async (job) => {
    try {
      return await runImport(batchDeps, actor, request, job);
    } finally {
      await rm(upload.path, { force: true });
    }
  });
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
      children: <IndexView tr={tr} imports={importsFor(actor, c.get('runtime').registry)} titleOf={(app) => applicationTitle(c.get('runtime'), app, localeOf(c))} />,
    });
  });

  // Before `/import/:app/:name`, which would take « suivi » for an application.
  app.get('/import/suivi/:job', requireActor(), async (c) => {
    const job = await visibleJob(c);
    const tr = translatorOf(c);
    c.header('Cache-Control', 'no-store');
    if (c.req.header('HX-Request') === 'true') {
      const content = <FollowContent {...followOptions(c, job)} />;
      const status = isActive(job.state) ? 200 : STOP_POLLING;
      return new Response(String(content), { status, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' } });
    }
    return renderScreen(c, {
      title: tr('imports.follow.title', { label: job.context.label }),
      breadcrumb: crumbs(c, { label: job.context.label, href: IMPORT_PATHS.spec(job.context.app, job.context.name) }, { label: tr('imports.follow.crumb') }),
      children: <FollowView {...followOptions(c, job)} />,
    });
  });

  app.get('/import/suivi/:job/rejets.csv', requireActor(), async (c) => {
    const job = await visibleJob(c);
    const path = rejectsPath(c, job);
    if (!path) throw HttpError.notFound();
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="${downloadName(job.context.name, '_rejets')}"`);
    c.header('Cache-Control', 'no-store');
    return c.body(Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>);
  });

  app.get('/import/:app/:name/modele.csv', requireActor(), (c) => {
    const { spec } = importFromRoute(c, importUser(c));
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="${downloadName(spec.name, '')}"`);
    return c.body(templateCsv(spec));
  });

  app.get('/import/:app/:name', requireActor(), (c) => renderSpec(c, importFromRoute(c, importUser(c))));

  app.post('/import/:app/:name', requireActor(), async (c) => {
    // Permissions first: nothing of the body is kept for a user who may not import.
    const runnable = importFromRoute(c, importUser(c));
    const reading = await readImportUpload(c, { maxBytes: maxBytesOf(c), dataDir: c.get('runtime').config.dataDir, locale: localeOf(c) });
    if (!reading.ok) {
      if (reading.status === 403) return refuseCsrf(c);
      return renderSpec(c, runnable, { values: valuesOf(reading.fields), error: reading.message, status: reading.status });
    }
    try {
      return c.redirect(IMPORT_PATHS.follow(await startImport(c, runnable, reading.upload)), 303);
    } catch (error) {
      await rm(reading.upload.path, { force: true });
      if (error instanceof JobRefused) return renderSpec(c, runnable, { values: valuesOf(reading.upload.fields), error: error.message, status: 429 });
      throw error;
    }
  });

  return app;
}
