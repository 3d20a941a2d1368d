import type { Context } from 'hono';
import type { Actor } from '../../access/actor.ts';
import type { RegisteredObject } from '../../model/registry.ts';
import { GEOJSON_PARAMETERS, geoJsonCollection } from '../../maps/geojson.ts';
import { sigMessage } from '../../maps/messages.ts';
import { ServiceError } from '../../records/errors.ts';
import { t } from '../../i18n/index.ts';
import type { AppEnv } from '../env.ts';
import { localeOf } from '../locale.ts';
import { serviceDeps } from '../service-deps.ts';
import { listRequestFromQuery } from './list-query.ts';

/** The list route asks for GeoJSON (`format=…` given: anything but `geojson` is refused there). */
export const asksForFormat = (c: Context<AppEnv>): boolean => c.req.queries('format') !== undefined;

/** `GET /api/v1/<app>/<table>?format=geojson…`: the search as a FeatureCollection (maps/geojson.ts). */
export async function geoJsonAnswer(c: Context<AppEnv>, actor: Actor, object: RegisteredObject): Promise<Response> {
  const locale = localeOf(c);
  const queries = c.req.queries();
  const single = (name: string): string | undefined => {
    const values = queries[name];
    if (values && values.length > 1) throw new ServiceError('bad_request', t('api.repeatedParameter', { name }, locale));
    return values?.[0];
  };
  if (single('format') !== 'geojson') throw new ServiceError('bad_request', sigMessage('formatInconnu', undefined, locale));
  const request = listRequestFromQuery(queries, locale, { ignore: GEOJSON_PARAMETERS });
  const collection = await geoJsonCollection(serviceDeps(c), actor, object, request, {
    bbox: single('bbox'),
    srid: single('srid'),
    geometrie: single('geometrie'),
    limite: single('limite'),
  });
  return c.body(JSON.stringify(collection), 200, { 'content-type': 'application/geo+json; charset=utf-8' });
}
