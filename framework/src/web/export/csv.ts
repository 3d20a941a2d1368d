import { stringify } from 'csv-stringify/sync';
import { Hono, type Context } from 'hono';
import { stream } from 'hono/streaming';
import { can } from '../../access/permissions.ts';
import { translator } from '../../i18n/index.ts';
import { BOM, csvColumns } from './csv-cell.ts';
import { exportRecords, planList } from '../../records/index.ts';
import { visibleFields } from '../../records/visible-fields.ts';
import type { AppEnv } from '../env.ts';
import { listingRequestFromQuery } from '../api/list-query.ts';
import { localeOf } from '../locale.ts';
import { HttpError } from '../operations/index.ts';
import { referenceColumns } from '../../model/references.ts';

/**
 * `GET /:app/:table.csv`: the current search of a listing (same parameters: q, col, sort, filter[…],
 * expired), streamed (`;`, UTF-8 with BOM).
 */
export function csvExportRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.get('/:app/:file{[A-Za-z0-9_]+\\.csv}', (c: Context<AppEnv>) => {
    const runtime = c.get('runtime');
    const actor = c.get('actor');
    if (!actor) throw HttpError.unauthorized();
    const name = (c.req.param('file') ?? '').replace(/\.csv$/, '');
    const object = runtime.registry.get(c.req.param('app') ?? '', name);
    if (!object) throw HttpError.notFound();
    if (!can(actor, object, 'exporter')) throw HttpError.forbidden();
    const locale = localeOf(c);
    // The listing's current search (page and page size aside: everything that matches).
    const request = listingRequestFromQuery(c.req.queries(), locale);
    planList(object, request, locale); // refuses a bad parameter before anything is sent
    const columns = csvColumns(visibleFields(object), referenceColumns(object.meta), translator(locale));
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="${object.name}.csv"`);
    c.header('Cache-Control', 'no-store');
    return stream(c, async (output) => {
      await output.write(BOM + stringify([columns.map((column) => column.header)], { delimiter: ';' }));
      await exportRecords({ db: runtime.db, registry: runtime.registry, locale }, actor, object, request, async (rows) => {
        await output.write(stringify(rows.map((row) => columns.map((column) => column.value(row))), { delimiter: ';' }));
      });
    });
  });
  return routes;
}
