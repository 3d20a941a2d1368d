/** The OpenAPI description of the list route's GeoJSON parameters and of the spatial filter. */
import type { Locale } from '../../i18n/index.ts';
import { GEOJSON_DEFAULT_LIMIT, GEOJSON_MAX_LIMIT, GEOJSON_SRIDS } from '../../maps/geojson.ts';
import { sigMessage } from '../../maps/messages.ts';
import type { FieldMeta } from '../../model/types.ts';
import type { Parameter, SchemaObject } from '../openapi/types.ts';

export const isGeometryField = (field: FieldMeta): boolean => field.kind === 'geometry';

/** `format=geojson`, `bbox`, `srid`, `geometrie`, `limite`: only for objects with a geometry field. */
export function geoJsonParameters(fields: readonly FieldMeta[], locale: Locale): Parameter[] {
  const geometries = fields.filter(isGeometryField).map((field) => field.name);
  if (geometries.length === 0) return [];
  const query = (name: 'format' | 'bbox' | 'srid' | 'geometrie' | 'limite', schema: SchemaObject): Parameter => ({
    name,
    in: 'query',
    description: sigMessage(`openapi.${name}`, undefined, locale),
    schema,
  });
  return [
    query('format', { type: 'string', enum: ['geojson'] }),
    query('bbox', { type: 'string', pattern: '^[-+]?\\d+(\\.\\d+)?(,[-+]?\\d+(\\.\\d+)?){3}$' }),
    query('srid', { type: 'integer', enum: [...GEOJSON_SRIDS], default: 4326 }),
    query('geometrie', { type: 'string', enum: geometries, default: geometries[0] }),
    query('limite', { type: 'integer', minimum: 1, maximum: GEOJSON_MAX_LIMIT, default: GEOJSON_DEFAULT_LIMIT }),
  ];
}

/** `filter[<geometry>][intersects]=<WKT>`. */
export const intersectsFilterSchema = (locale: Locale): SchemaObject => ({
  type: 'object',
  properties: { intersects: { type: 'string', description: sigMessage('openapi.intersects', undefined, locale), maxLength: 100_000 } },
  additionalProperties: false,
});
