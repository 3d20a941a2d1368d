/**
 * « Export › Requêtes mémorisées » (module permission `reqmo`, and the listing permission of the
 * object each query reads): the list, a query's form, its result as a table or a CSV download.
 * Every address is a GET: running a query reads, it changes nothing.
 */
import { Hono, type Context } from 'hono';
import { stream } from 'hono/streaming';
import type { Actor } from '../../access/actor.ts';
import { translator } from '../../i18n/index.ts';
import {
  exportQuery,
  mayDownload,
  mayRunOn,
  mayUseQueries,
  planStoredQuery,
  queryShape,
  runTable,
  runnableQueries,
  type QueryChoices,
  type QueryPlan,
  type QueryShape,
} from '../../queries/index.ts';
import { requireActor } from '../auth/require-actor.ts';
import type { AppEnv } from '../env.ts';
import type { Crumb } from '../layout/layout.tsx';
import { localeOf, translatorOf } from '../locale.ts';
import { HttpError } from '../operations/index.ts';
import { serviceDeps } from '../service-deps.ts';
import { actorOf, applicationTitle, renderScreen } from '../screens/shared/index.ts';
import { storedQuerySources } from '../../documents/sources/index.ts';
import { adminQueryRoutes } from './admin-routes.tsx';
import { choiceInputOf, type ChoiceInput } from './choice-input.ts';
import { BOM } from '../export/csv-cell.ts';
import { csvLines, queryCsvColumns } from './csv.ts';
import { FormView } from './form-view.tsx';
import { IndexView } from './index-view.tsx';
import { QUERY_PATHS } from './paths.ts';
import { choicesFromQuery, isFresh } from './query-string.ts';
import { ResultView } from './result-view.tsx';

function queriesUser(c: Context<AppEnv>): Actor {
  const actor = actorOf(c);
  if (!mayUseQueries(actor)) throw HttpError.forbidden();
  return actor;
}

/** The query named by the address, if the actor may run it: 404 unknown, 403 not allowed. */
function shapeFromRoute(c: Context<AppEnv>, actor: Actor): QueryShape {
  const spec = c.get('runtime').registry.storedQueries.get(c.req.param('app') ?? '', c.req.param('name') ?? '');
  const shape = spec && queryShape(c.get('runtime').registry, spec);
  if (!shape) throw HttpError.notFound();
  if (!mayRunOn(actor, shape.object) || !shape.runnable) throw HttpError.forbidden();
  return shape;
}

function crumbs(c: Context<AppEnv>, shape?: QueryShape, current?: string): Crumb[] {
  const tr = translatorOf(c);
  const trail: Crumb[] = [{ label: tr('layout.rubriques.export') }, { label: tr('queries.index.title'), href: QUERY_PATHS.index }];
  if (shape) trail.push({ label: shape.spec.label, href: current ? `${QUERY_PATHS.form(shape.spec.app, shape.spec.name)}${searchOf(c)}` : undefined });
  if (current) trail.push({ label: current });
  return trail;
}

/** The request's query string, `?` included (empty when none): the choices, kept as they came. */
const searchOf = (c: Context<AppEnv>) => new URL(c.req.url).search;

async function choiceInputs(c: Context<AppEnv>, actor: Actor, shape: QueryShape): Promise<Map<string, ChoiceInput>> {
  const inputs = new Map<string, ChoiceInput>();
  for (const { criterion, field } of shape.criteria) {
    if (criterion.input === 'choice') inputs.set(field.name, await choiceInputOf(serviceDeps(c), actor, shape.object, field, localeOf(c)));
  }
  return inputs;
}

async function renderForm(c: Context<AppEnv>, actor: Actor, shape: QueryShape, choices: QueryChoices, fresh: boolean, errors: readonly string[] = []) {
  const tr = translatorOf(c);
  const model = { tr, shape, choices, fresh, choiceInputs: await choiceInputs(c, actor, shape), mayDownload: mayDownload(actor, shape.object) };
  return renderScreen(c, {
    title: tr('queries.form.title', { label: shape.spec.label }),
    breadcrumb: crumbs(c, shape),
    messages: errors.map((text) => ({ kind: 'error' as const, text })),
    status: errors.length > 0 ? 400 : 200,
    children: <FormView model={model} />,
  });
}

const fileName = (plan: QueryPlan) => `${plan.shape.spec.name.replace(/[^A-Za-z0-9_-]/g, '_')}.csv`;

function downloadCsv(c: Context<AppEnv>, actor: Actor, plan: QueryPlan, separator: ';' | ',' | '|') {
  const locale = localeOf(c);
  const columns = queryCsvColumns(c.get('runtime').registry, plan, translator(locale));
  c.header('Content-Type', 'text/csv; charset=utf-8');
  c.header('Content-Disposition', `attachment; filename="${fileName(plan)}"`);
  c.header('Cache-Control', 'no-store');
  return stream(c, async (output) => {
    await output.write(BOM + csvLines([columns.map((column) => column.header)], separator));
    await exportQuery(serviceDeps(c), actor, plan, async (rows) => {
      await output.write(csvLines(rows.map((row) => columns.map((column) => column.value(row))), separator));
    });
  });
}

export function queryRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  adminQueryRoutes(app);

  app.get(QUERY_PATHS.index, requireActor(), async (c) => {
    const actor = queriesUser(c);
    const tr = translatorOf(c);
    const adminSources = await storedQuerySources(c.get('runtime').db);
    return renderScreen(c, {
      title: tr('queries.index.title'),
      breadcrumb: crumbs(c),
      children: (
        <IndexView
          tr={tr}
          shapes={runnableQueries(actor, c.get('runtime').registry)}
          adminSources={adminSources}
          titleOf={(app) => applicationTitle(c.get('runtime'), app, localeOf(c))}
        />
      ),
    });
  });

  app.get('/requetes/:app/:name', requireActor(), async (c) => {
    const actor = queriesUser(c);
    const shape = shapeFromRoute(c, actor);
    const query = new URL(c.req.url).searchParams;
    return renderForm(c, actor, shape, choicesFromQuery(query), isFresh(query));
  });

  app.get('/requetes/:app/:name/resultat', requireActor(), async (c) => {
    const actor = queriesUser(c);
    const shape = shapeFromRoute(c, actor);
    const choices = choicesFromQuery(new URL(c.req.url).searchParams);
    const planned = planStoredQuery(shape, choices, localeOf(c));
    if (!planned.ok) return renderForm(c, actor, shape, choices, false, planned.errors);
    const { plan } = planned;
    if (plan.output.format === 'csv') {
      if (!mayDownload(actor, shape.object)) throw HttpError.forbidden();
      return downloadCsv(c, actor, plan, plan.output.separator);
    }
    const tr = translatorOf(c);
    const result = await runTable(serviceDeps(c), actor, plan, plan.output.limit);
    return renderScreen(c, {
      title: tr('queries.result.title', { label: shape.spec.label }),
      breadcrumb: crumbs(c, shape, tr('queries.result.title', { label: shape.spec.label })),
      children: <ResultView tr={tr} locale={localeOf(c)} plan={plan} result={result} formHref={`${QUERY_PATHS.form(shape.spec.app, shape.spec.name)}${searchOf(c)}`} />,
    });
  });

  return app;
}
