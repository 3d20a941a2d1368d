/**
 * « Requêtes mémorisées » written by an administrator (`om_requete` marked `reqmo`, permission
 * `reqmo`): the form, the result as a table, or a CSV, XLSX, ODS or PDF download. The query runs
 * as a data source: read-only role, the user's collectivité, bound parameters, time limit. A
 * refusal (a parameter, the source's SQL) comes back on the form, in French, with a 400.
 */
import { Hono, type Context } from 'hono';
import { sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { TIME_ZONE } from '../../config/time-zone.ts';
import { readAs } from '../../db/tenant-context.ts';
import { findSource, sourceLimits, SourceError, type SourceResult, type StoredSource } from '../../documents/sources/index.ts';
import { MARGIN_MM, pageOf, type ListingLayout } from '../../documents/listing-layout.ts';
import { documentLogo } from '../../documents/logos/index.ts';
import { translator, type Locale } from '../../i18n/index.ts';
import { adminParameters, mayUseQueries, ODS_MIME, odsOf, planAdminQuery, runAdminQuery, XLSX_MIME, xlsxOf, type AdminQueryChoices, type AdminQueryPlan } from '../../queries/index.ts';
import type { Runtime } from '../../runtime.ts';
import { requireActor } from '../auth/require-actor.ts';
import type { AppEnv } from '../env.ts';
import { BOM } from '../export/csv-cell.ts';
import type { Crumb } from '../layout/layout.tsx';
import { localeOf, translatorOf } from '../locale.ts';
import { HttpError } from '../operations/index.ts';
import { actorOf, renderScreen } from '../screens/shared/index.ts';
import { cellText, isNumberCell, sheetCell } from './admin-cells.ts';
import { adminChoicesFromQuery, AdminFormView, AdminResultView } from './admin-views.tsx';
import { csvLines } from './csv.ts';
import { QUERY_PATHS } from './paths.ts';

function queriesUser(c: Context<AppEnv>): Actor {
  const actor = actorOf(c);
  if (!mayUseQueries(actor)) throw HttpError.forbidden();
  return actor;
}

/** The query named by the address, if it is offered in « Requêtes mémorisées »: 404 otherwise. */
async function sourceFromRoute(c: Context<AppEnv>): Promise<StoredSource> {
  const id = c.req.param('id') ?? '';
  const source = /^\d{1,9}$/.test(id) ? await findSource(c.get('runtime').db, Number(id)) : undefined;
  if (!source?.reqmo) throw HttpError.notFound();
  return source;
}

function crumbs(c: Context<AppEnv>, source: StoredSource, current?: string): Crumb[] {
  const tr = translatorOf(c);
  const trail: Crumb[] = [{ label: tr('layout.rubriques.export') }, { label: tr('queries.index.title'), href: QUERY_PATHS.index }];
  trail.push({ label: source.libelle, href: current ? `${QUERY_PATHS.adminForm(source.om_requete)}${new URL(c.req.url).search}` : undefined });
  if (current) trail.push({ label: current });
  return trail;
}

function parametersOf(c: Context<AppEnv>, source: StoredSource) {
  try {
    return { parameters: adminParameters(c.get('runtime').registry, source), error: undefined };
  } catch (error) {
    if (error instanceof SourceError) return { parameters: [], error: error.message };
    throw error;
  }
}

async function renderForm(c: Context<AppEnv>, source: StoredSource, choices: AdminQueryChoices, errors: readonly string[] = []) {
  const tr = translatorOf(c);
  const { parameters, error } = parametersOf(c, source);
  const messages = [...(error ? [error] : []), ...errors].map((text) => ({ kind: 'error' as const, text }));
  return renderScreen(c, {
    title: tr('queries.form.title', { label: source.libelle }),
    breadcrumb: crumbs(c, source),
    messages,
    status: messages.length > 0 ? 400 : 200,
    children: <AdminFormView tr={tr} source={source} parameters={parameters} choices={choices} maxRows={sourceLimits().maxRows} />,
  });
}

const fileName = (source: StoredSource, extension: string) => `${(source.code || `requete_${source.om_requete}`).replace(/[^A-Za-z0-9_-]/g, '_')}.${extension}`;

function download(c: Context<AppEnv>, body: Uint8Array | string, type: string, name: string): Response {
  c.header('Content-Type', type);
  c.header('Content-Disposition', `attachment; filename="${name}"`);
  c.header('Cache-Control', 'no-store');
  return c.body(typeof body === 'string' ? body : new Uint8Array(body));
}

async function collectiviteName(runtime: Runtime, actor: Actor): Promise<string> {
  const rows = await readAs(runtime.db.kysely, actor, async (connection) =>
    (await sql<{ libelle: string }>`select libelle from om.om_collectivite where om_collectivite = ${actor.workingCollectivite}`.execute(connection)).rows,
  );
  return rows[0]?.libelle ?? '';
}

/** Columns of equal share, numbers on the right; landscape beyond five columns. */
function layoutOf(result: SourceResult): ListingLayout {
  const orientation = result.fields.length > 5 ? 'landscape' : 'portrait';
  const page = pageOf(orientation);
  const tableWidth = page.width - 2 * MARGIN_MM;
  const width = Math.floor((tableWidth / Math.max(1, result.fields.length)) * 10) / 10;
  return {
    orientation,
    pageWidth: page.width,
    pageHeight: page.height,
    tableWidth,
    columns: result.fields.map((field, index) => ({
      field: field.name,
      width: index === result.fields.length - 1 ? Math.round((tableWidth - width * index) * 10) / 10 : width,
      align: result.rows.length > 0 && result.rows.every((row) => row[field.name] === null || isNumberCell(row[field.name])) ? 'right' : 'left',
    })),
  };
}

async function pdfOf(c: Context<AppEnv>, actor: Actor, source: StoredSource, result: SourceResult, locale: Locale): Promise<Uint8Array> {
  const tr = translator(locale);
  const intl = locale === 'fr' ? 'fr-FR' : 'en-GB';
  const now = new Date();
  const date = now.toLocaleDateString(intl, { timeZone: TIME_ZONE, day: '2-digit', month: '2-digit', year: 'numeric' });
  const time = now.toLocaleTimeString(intl, { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const numbers = new Intl.NumberFormat(intl);
  const { writeListingPdf } = await import('../../documents/listing-pdf.ts');
  const chunks: Uint8Array[] = [];
  await writeListingPdf(
    {
      layout: layoutOf(result),
      headers: result.fields.map((field) => field.label),
      text: {
        title: source.libelle,
        collectivite: await collectiviteName(c.get('runtime'), actor),
        printedOn: tr('documents.listing.printedOn', { date, time }),
        page: (page) => tr('documents.listing.page', { page }),
        count: (rows) => tr('documents.listing.count', { count: numbers.format(rows) }),
      },
      lang: intl,
      logo: await documentLogo(c.get('runtime'), actor, null),
    },
    async (onRows) => {
      await onRows(result.rows.map((row) => result.fields.map((field) => cellText(row[field.name], tr, locale))));
      return result.rows.length;
    },
    async (chunk) => {
      chunks.push(chunk);
    },
  );
  return Buffer.concat(chunks);
}

async function output(c: Context<AppEnv>, actor: Actor, plan: AdminQueryPlan, result: SourceResult & { more: boolean }): Promise<Response> {
  const locale = localeOf(c);
  const tr = translator(locale);
  const { source } = plan;
  const headers = result.fields.map((field) => field.label);
  const sheet = () => ({ name: source.libelle, headers, rows: result.rows.map((row) => result.fields.map((field) => sheetCell(row[field.name], tr, locale))) });
  switch (plan.output) {
    case 'csv': {
      const lines = [headers, ...result.rows.map((row) => result.fields.map((field) => cellText(row[field.name], tr, locale)))];
      return download(c, BOM + csvLines(lines, plan.separator), 'text/csv; charset=utf-8', fileName(source, 'csv'));
    }
    case 'xlsx':
      return download(c, await xlsxOf(sheet()), XLSX_MIME, fileName(source, 'xlsx'));
    case 'ods':
      return download(c, odsOf(sheet()), ODS_MIME, fileName(source, 'ods'));
    case 'pdf':
      return download(c, await pdfOf(c, actor, source, result, locale), 'application/pdf', fileName(source, 'pdf'));
    case 'tableau': {
      const title = tr('queries.result.title', { label: source.libelle });
      return renderScreen(c, {
        title,
        breadcrumb: crumbs(c, source, title),
        children: <AdminResultView tr={tr} locale={locale} source={source} result={result} formHref={`${QUERY_PATHS.adminForm(source.om_requete)}${new URL(c.req.url).search}`} />,
      });
    }
  }
}

/** Registered before the generated queries' routes, whose `/requetes/:app/:name` would take these addresses. */
export function adminQueryRoutes(app: Hono<AppEnv>): void {
  app.get('/requetes/administrateur/:id', requireActor(), async (c) => {
    queriesUser(c);
    const source = await sourceFromRoute(c);
    return renderForm(c, source, adminChoicesFromQuery(new URL(c.req.url).searchParams));
  });

  app.get('/requetes/administrateur/:id/resultat', requireActor(), async (c) => {
    const actor = queriesUser(c);
    const source = await sourceFromRoute(c);
    const choices = adminChoicesFromQuery(new URL(c.req.url).searchParams);
    const { parameters, error } = parametersOf(c, source);
    if (error) return renderForm(c, source, choices);
    const planned = planAdminQuery(source, parameters, choices, localeOf(c));
    if (!planned.ok) return renderForm(c, source, choices, planned.errors);
    let result: SourceResult & { more: boolean };
    try {
      result = await runAdminQuery(c.get('runtime').db, c.get('runtime').registry, actor, planned.plan, localeOf(c));
    } catch (refusal) {
      if (refusal instanceof SourceError) return renderForm(c, source, choices, [refusal.message]);
      throw refusal;
    }
    return output(c, actor, planned.plan, result);
  });
}
