import { TIME_ZONE } from '../../config/time-zone.ts';
import { stringify } from 'csv-stringify/sync';
import { Hono, type Context } from 'hono';
import { stream } from 'hono/streaming';
import { can } from '../../access/permissions.ts';
import type { Row } from '../../db/connection.ts';
import type { RegisteredObject } from '../../model/registry.ts';
import { translator, type Translate } from '../../i18n/index.ts';
import type { FieldMeta } from '../../model/types.ts';
import { exportRecords, LABEL_SUFFIX, planList } from '../../records/index.ts';
import { visibleFields } from '../../records/visible-fields.ts';
import type { AppEnv } from '../env.ts';
import { listingRequestFromQuery } from '../api/list-query.ts';
import { localeOf } from '../locale.ts';
import { HttpError } from '../operations/index.ts';

const BOM = '\ufeff';

interface CsvColumn {
  readonly header: string;
  readonly value: (row: Row) => string;
}

/** Values as a French spreadsheet reads them: JJ/MM/AAAA dates, decimal comma, Oui/Non (in the catalogue's words). */
function cell(field: FieldMeta, value: unknown, tr: Translate): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return tr(value ? 'csv.yes' : 'csv.no');
  if (field.kind === 'date' && typeof value === 'string') return value.split('-').reverse().join('/');
  if (value instanceof Date) return value.toLocaleString('fr-FR', { timeZone: TIME_ZONE });
  if ((field.kind === 'decimal' || field.kind === 'float') && (typeof value === 'string' || typeof value === 'number')) {
    return String(value).replace('.', ',');
  }
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function columnsOf(object: RegisteredObject, tr: Translate): CsvColumn[] {
  const labelled = new Set(object.meta.foreignKeys.filter((key) => key.columns.length === 1).map((key) => key.columns[0]));
  return visibleFields(object).flatMap((field) => {
    const own: CsvColumn = { header: field.label, value: (row) => cell(field, row[field.name], tr) };
    if (!labelled.has(field.name)) return [own];
    const label: CsvColumn = {
      header: tr('csv.labelColumn', { label: field.label }),
      value: (row) => String(row[`${field.name}${LABEL_SUFFIX}`] ?? ''),
    };
    return [own, label];
  });
}

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
    if (!can(actor, object.name, 'exporter')) throw HttpError.forbidden();
    const locale = localeOf(c);
    // The listing's current search (page and page size aside: everything that matches).
    const request = listingRequestFromQuery(c.req.queries(), locale);
    planList(object, request, locale); // refuses a bad parameter before anything is sent
    const columns = columnsOf(object, translator(locale));
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
