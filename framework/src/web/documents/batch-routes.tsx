/**
 * Printing a search or a selection as one PDF (issue 10 §4), one document per record:
 * - `GET /:app/:table/pdf/etat/:id?<search>` (and `…/lettretype/:id`): the listing's search (same
 *   parameters as its CSV export), or `?cles=1,2,3` for chosen records. Up to `DIRECT_PRINT_LIMIT`
 *   documents the PDF is made and sent at once; beyond, a page offers to prepare it as a job.
 * - `POST` to the same address (CSRF): starts the job, whose progress, cancel and file are in
 *   « Mes traitements ».
 * Permission: the listing's (`_tab`), consulting (`_consulter`) and `edition`; the records are
 * read under the user's row-level security (another collectivité's are never printed).
 */
import { Hono, type Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { Actor } from '../../access/actor.ts';
import { can, holds } from '../../access/permissions.ts';
import { DIRECT_PRINT_LIMIT, MAX_SELECTED_KEYS, PRINT_JOB, runPrintJob, selectedKeys, type PrintSelection } from '../../documents/batch-job.ts';
import { renderBatch } from '../../documents/render/batch.ts';
import { printableDocument, type DocumentDefinition, type DocumentKind } from '../../documents/render/index.ts';
import { jobRunnerOf, JobRefused } from '../../jobs/index.ts';
import type { RegisteredObject } from '../../model/registry.ts';
import { planList } from '../../records/index.ts';
import { ServiceError } from '../../records/errors.ts';
import { listingRequestFromQuery } from '../api/list-query.ts';
import { CSRF_FIELD, csrfToken } from '../auth/csrf.ts';
import { requireActor, signedIn } from '../auth/require-actor.ts';
import { EDITION_PERMISSION as PRINT_PERMISSION } from '../editions/menu.ts';
import type { AppEnv } from '../env.ts';
import { JOB_PATHS } from '../jobs/paths.ts';
import { localeOf, translatorOf } from '../locale.ts';
import { HttpError } from '../operations/index.ts';
import { listUrl, objectCrumbs, objectFromRoute, renderScreen, setFlash } from '../screens/shared/index.ts';
import { serviceDeps } from '../service-deps.ts';

/** The parameter of an explicit selection: `cles=1,2,3`. */
export const KEYS_PARAMETER = 'cles';

interface PrintPlan {
  readonly actor: Actor;
  readonly object: RegisteredObject;
  readonly definition: DocumentDefinition;
  readonly selection: PrintSelection;
}

function selectionOf(c: Context<AppEnv>, object: RegisteredObject): PrintSelection {
  const locale = localeOf(c);
  const queries = c.req.queries();
  const keys = queries[KEYS_PARAMETER];
  if (keys !== undefined) {
    const list = keys.flatMap((value) => value.split(',')).map((key) => key.trim()).filter((key) => key !== '');
    if (list.length > MAX_SELECTED_KEYS) throw new ServiceError('bad_request', translatorOf(c)('documents.batch.tooManyKeys', { max: MAX_SELECTED_KEYS }));
    return { keys: [...new Set(list)] };
  }
  const search = listingRequestFromQuery(queries, locale);
  planList(object, search, locale); // refuses a bad parameter before anything is read
  return { search };
}

async function printPlan(c: Context<AppEnv>, kind: DocumentKind): Promise<PrintPlan> {
  const actor = signedIn(c);
  const object = objectFromRoute(c);
  if (!can(actor, object, 'tab') || !can(actor, object, 'consulter') || !holds(actor, PRINT_PERMISSION)) throw HttpError.forbidden();
  const definition = await printableDocument(c.get('runtime'), {
    actor,
    locale: localeOf(c),
    kind,
    id: c.req.param('id') ?? '',
    objet: `${object.app}.${object.name}`,
  });
  return { actor, object, definition, selection: selectionOf(c, object) };
}

/** The listing the print came from, with its search (the keys of a selection aside). */
function backToListing(c: Context<AppEnv>, object: RegisteredObject): string {
  const query = new URL(c.req.url).searchParams;
  query.delete(KEYS_PARAMETER);
  const search = query.toString();
  return search === '' ? listUrl(object) : `${listUrl(object)}?${search}`;
}

const fileName = (definition: DocumentDefinition) => `${definition.id.replace(/[^A-Za-z0-9_.-]+/g, '_')}.pdf`;

async function printSearch(c: Context<AppEnv>, kind: DocumentKind): Promise<Response> {
  const plan = await printPlan(c, kind);
  const runtime = c.get('runtime');
  const locale = localeOf(c);
  const tr = translatorOf(c);
  const screen = (children: Child) =>
    renderScreen(c, {
      title: tr('documents.batch.title', { document: plan.definition.libelle }),
      breadcrumb: [...objectCrumbs(plan.object, locale), { label: tr('documents.batch.crumb') }],
      children,
    });
  const back = (
    <p>
      <a href={backToListing(c, plan.object)}>{tr('documents.batch.back')}</a>
    </p>
  );
  const directMax = runtime.config.jobs.directPrintMax ?? DIRECT_PRINT_LIMIT;
  const alwaysJob = plan.definition.impression_differee === true;
  const offerJob = (count: number) =>
    screen(
      <>
        <p>{tr(alwaysJob ? 'documents.batch.asJobAlways' : 'documents.batch.asJob', { count: new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB').format(count), max: directMax })}</p>
        <form method="post" action={c.req.url.replace(/^https?:\/\/[^/]+/, '')}>
          <input type="hidden" name={CSRF_FIELD} value={csrfToken(c)} />
          <button type="submit">{tr('documents.batch.start')}</button>
        </form>
        {back}
      </>,
    );
  // A long explicit selection goes to the job as it is: its keys are checked there, one by one;
  // so does any selection of an état that is always printed as a job (impression_differee, om_etat and om_lettretype).
  if ('keys' in plan.selection && (alwaysJob || plan.selection.keys.length > directMax) && plan.selection.keys.length > 0) return offerJob(plan.selection.keys.length);
  const keys = await selectedKeys(serviceDeps(c), plan.actor, plan.object, plan.selection, { kind: plan.definition.kind, id: plan.definition.id });
  if (keys.length === 0) {
    return screen(
      <>
        <p>{tr('documents.batch.none')}</p>
        {back}
      </>,
    );
  }
  if (alwaysJob || keys.length > directMax) return offerJob(keys.length);
  // At most `directMax` documents: made whole before the answer, so that a failure (a broken
  // data source) is a French error page rather than a download cut short.
  const chunks: Buffer[] = [];
  await renderBatch(runtime, {
    actor: plan.actor,
    locale,
    definition: plan.definition,
    keys,
    write: async (chunk) => {
      chunks.push(chunk);
    },
  });
  return c.body(new Uint8Array(Buffer.concat(chunks)), 200, {
    'Content-Type': 'application/pdf',
    'Content-Disposition': `inline; filename="${fileName(plan.definition)}"`,
    'Cache-Control': 'no-store',
  });
}

async function startPrintJob(c: Context<AppEnv>, kind: DocumentKind): Promise<Response> {
  const plan = await printPlan(c, kind);
  const runtime = c.get('runtime');
  const tr = translatorOf(c);
  const deps = serviceDeps(c);
  // Batch work: no outside services (e-mail), as for imports.
  const batchDeps = { db: deps.db, registry: deps.registry, locale: deps.locale };
  const context = { app: plan.object.app, table: plan.object.name, kind, id: plan.definition.id, label: plan.definition.libelle };
  try {
    const job = await jobRunnerOf(runtime).start(PRINT_JOB, plan.actor, { context }, (job) =>
      runPrintJob({ runtime, deps: batchDeps, actor: plan.actor, locale: localeOf(c), object: plan.object, definition: plan.definition, selection: plan.selection }, job),
    );
    runtime.logger.info({ user: plan.actor.login, document: `${kind}/${plan.definition.id}`, job: job.id }, 'impression lancée');
    setFlash(c, { kind: 'success', text: tr('documents.batch.started', { document: plan.definition.libelle }) });
  } catch (error) {
    if (!(error instanceof JobRefused)) throw error;
    setFlash(c, { kind: 'error', text: error.message });
  }
  return c.redirect(JOB_PATHS.list, 303);
}

export function batchPrintRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  for (const kind of ['etat', 'lettretype'] as const) {
    routes.get(`/:app/:table/pdf/${kind}/:id`, requireActor(), (c) => printSearch(c, kind));
    routes.post(`/:app/:table/pdf/${kind}/:id`, requireActor(), (c) => startPrintJob(c, kind));
  }
  return routes;
}
