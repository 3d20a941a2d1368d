/**
 * `GET /:app/:table.pdf`: the PDF listing of an object (its `ListingPdfSpec`) over the listing's
 * current search (same parameters as the CSV export: q, col, sort, filter[…], expired), streamed
 * as rows are read. Permission `<table>_exporter`; rows through `exportRecords`, so the
 * collectivité scope and row-level security apply.
 */
import { Hono, type Context } from 'hono';
import { stream } from 'hono/streaming';
import { sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { can } from '../../access/permissions.ts';
import { TIME_ZONE } from '../../config/time-zone.ts';
import { readAs } from '../../db/tenant-context.ts';
import { layOutListing } from '../../documents/listing-layout.ts';
import type { ListingPdfText } from '../../documents/listing-pdf.ts';
import { documentLogo } from '../../documents/logos/index.ts';
import { translator, type Locale } from '../../i18n/index.ts';
import type { RegisteredObject } from '../../model/registry.ts';
import type { ListingPdfSpec } from '../../model/specs.ts';
import { exportRecords, planList } from '../../records/index.ts';
import type { Runtime } from '../../runtime.ts';
import { listingRequestFromQuery } from '../api/list-query.ts';
import type { AppEnv } from '../env.ts';
import { localeOf } from '../locale.ts';
import { HttpError } from '../operations/index.ts';
import { exportableFields, printedColumn } from './cell.ts';

const intlLocale = (locale: Locale) => (locale === 'fr' ? 'fr-FR' : 'en-GB');

/** The working collectivité's name, read as the user (under the tenant rules). */
async function collectiviteName(runtime: Runtime, actor: Actor): Promise<string> {
  const rows = await readAs(runtime.db.kysely, actor, async (connection) =>
    (await sql<{ libelle: string }>`select libelle from om.om_collectivite where om_collectivite = ${actor.workingCollectivite}`.execute(connection)).rows,
  );
  return rows[0]?.libelle ?? '';
}

function pageText(spec: ListingPdfSpec, collectivite: string, locale: Locale, now: Date): ListingPdfText {
  const tr = translator(locale);
  const date = now.toLocaleDateString(intlLocale(locale), { timeZone: TIME_ZONE, day: '2-digit', month: '2-digit', year: 'numeric' });
  const time = now.toLocaleTimeString(intlLocale(locale), { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const numbers = new Intl.NumberFormat(intlLocale(locale));
  return {
    title: spec.title,
    collectivite,
    printedOn: tr('documents.listing.printedOn', { date, time }),
    page: (page) => tr('documents.listing.page', { page }),
    count: (rows) => tr('documents.listing.count', { count: numbers.format(rows) }),
  };
}

/** The client went away: stop reading rows (the cursor's transaction ends with the error). */
class DownloadAborted extends Error {}

/** The object and its PDF listing, or a 404 (unknown object, or no listing for it). */
function objectAndSpec(c: Context<AppEnv>): { object: RegisteredObject; spec: ListingPdfSpec } {
  const registry = c.get('runtime').registry;
  const app = c.req.param('app') ?? '';
  const name = (c.req.param('file') ?? '').replace(/\.pdf$/, '');
  const object = registry.get(app, name);
  const spec = registry.listingPdfs.get(app, name);
  if (!object || !spec) throw HttpError.notFound();
  return { object, spec };
}

export function pdfExportRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.get('/:app/:file{[A-Za-z0-9_]+\\.pdf}', async (c: Context<AppEnv>) => {
    const runtime = c.get('runtime');
    const actor = c.get('actor');
    if (!actor) throw HttpError.unauthorized();
    const { object, spec } = objectAndSpec(c);
    if (!can(actor, object, 'exporter')) throw HttpError.forbidden();
    const locale = localeOf(c);
    const request = listingRequestFromQuery(c.req.queries(), locale);
    planList(object, request, locale); // refuses a bad parameter before anything is sent
    const fields = exportableFields(object, actor);
    const layout = layOutListing(spec, (field) => fields.has(field));
    if (!layout) throw HttpError.notFound();
    const columns = layout.columns.flatMap((column) => {
      const field = fields.get(column.field);
      return field ? [printedColumn(object, field, locale)] : [];
    });
    const text = pageText(spec, await collectiviteName(runtime, actor), locale, new Date());
    const logo = await documentLogo(runtime, actor, null);

    c.header('Content-Type', 'application/pdf');
    c.header('Content-Disposition', `attachment; filename="${object.name}.pdf"`);
    c.header('Cache-Control', 'no-store');
    return stream(
      c,
      async (output) => {
        const deps = { db: runtime.db, registry: runtime.registry, locale };
        // pdfkit and its font engine load on the first PDF, not at start-up.
        const { writeListingPdf } = await import('../../documents/listing-pdf.ts');
        await writeListingPdf(
          { layout, headers: columns.map((column) => column.header), text, lang: intlLocale(locale), logo },
          (onRows) => exportRecords(deps, actor, object, request, (rows) => onRows(rows.map((row) => columns.map((column) => column.text(row))))),
          async (chunk) => {
            if (output.aborted) throw new DownloadAborted();
            await output.write(chunk);
          },
        );
      },
      async (error) => {
        // The headers are gone: the download ends short, the reason goes to the log.
        if (error instanceof DownloadAborted) runtime.logger.info({ object: `${object.app}/${object.name}` }, 'édition PDF interrompue par le client');
        else runtime.logger.error({ err: error, object: `${object.app}/${object.name}` }, 'édition PDF : échec en cours d’écriture');
      },
    );
  });
  return routes;
}
