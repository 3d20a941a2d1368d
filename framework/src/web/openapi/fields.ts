/** JSON Schema of one column, from its metadata: what the REST API reads and writes for it. */
import { t, type Locale } from '../../i18n/index.ts';
import type { FieldKind, FieldMeta } from '../../model/types.ts';
import type { JsonSchemaType, SchemaObject } from './types.ts';

export const GEOJSON_SCHEMA = 'GeoJsonGeometry';
export const schemaRef = (name: string): SchemaObject => ({ $ref: `#/components/schemas/${name}` });

const GEOJSON_TYPES: Readonly<Record<string, string>> = {
  POINT: 'Point',
  MULTIPOINT: 'MultiPoint',
  LINESTRING: 'LineString',
  MULTILINESTRING: 'MultiLineString',
  POLYGON: 'Polygon',
  MULTIPOLYGON: 'MultiPolygon',
  GEOMETRYCOLLECTION: 'GeometryCollection',
};

/** The GeoJSON geometry object (RFC 7946) every geometry column is exchanged as. */
export function geoJsonGeometrySchema(locale?: Locale): SchemaObject {
  return {
    type: 'object',
    description: t('openapi.value.geometry', undefined, locale),
    required: ['type'],
    properties: {
      type: { type: 'string', enum: Object.values(GEOJSON_TYPES) },
      coordinates: { type: 'array', items: {} },
      geometries: { type: 'array', items: schemaRef(GEOJSON_SCHEMA) },
    },
  };
}

/** `POINT`, `MultiPolygonZ`… → the GeoJSON type name, or undefined for `GEOMETRY` and unknown ones. */
function geoJsonType(postgisType: string): string | undefined {
  const upper = postgisType.toUpperCase().replace(/(ZM|Z|M)$/, '');
  return GEOJSON_TYPES[upper];
}

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Pattern of a decimal written as a string: `numeric(8,2)` → up to 6 digits, a point, up to 2. */
export function decimalPattern(precision: number | undefined, scale: number | undefined): string {
  if (precision === undefined) return '^-?\\d+(\\.\\d+)?$';
  const fraction = scale ?? 0;
  const whole = precision - fraction;
  const integerPart = whole > 0 ? `\\d{1,${whole}}` : '0';
  const fractionPart = fraction > 0 ? `(\\.\\d{1,${fraction}})?` : '';
  return `^-?${integerPart}${fractionPart}$`;
}

type FieldShape = Pick<FieldMeta, 'kind' | 'pgType' | 'maxLength' | 'precision' | 'scale' | 'enumValues' | 'elementKind' | 'geometry'>;

/** Schema of a value of the column, null excluded; descriptions in `locale`. */
export function valueSchema(field: FieldShape, locale?: Locale): SchemaObject {
  const kind: FieldKind = field.kind;
  const pgType = field.pgType.toLowerCase();
  switch (kind) {
    case 'text': {
      const schema: SchemaObject = { type: 'string' };
      if (field.maxLength !== undefined) schema.maxLength = field.maxLength;
      return schema;
    }
    case 'integer':
      if (pgType === 'int2' || pgType === 'smallint') return { type: 'integer', minimum: -32768, maximum: 32767 };
      return { type: 'integer', format: 'int32' };
    case 'bigint':
      return { type: 'integer', format: 'int64' };
    case 'decimal':
      return {
        type: 'string',
        pattern: decimalPattern(field.precision, field.scale),
        description: t('openapi.value.decimal', undefined, locale),
      };
    case 'float':
      return { type: 'number', format: pgType === 'float4' || pgType === 'real' ? 'float' : 'double' };
    case 'boolean':
      return { type: 'boolean' };
    case 'date':
      return { type: 'string', format: 'date' };
    case 'time':
      return { type: 'string', pattern: '^\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?$', description: t('openapi.value.time', undefined, locale) };
    case 'timestamp':
      return {
        type: 'string',
        pattern: '^\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?$',
        description: t('openapi.value.timestamp', undefined, locale),
      };
    case 'timestamptz':
      return { type: 'string', format: 'date-time' };
    case 'interval':
      return { type: 'string', description: t('openapi.value.interval', undefined, locale) };
    case 'uuid':
      return { type: 'string', format: 'uuid' };
    case 'json':
      return { description: t('openapi.value.json', undefined, locale) };
    case 'bytea':
      return { type: 'string', contentEncoding: 'base64' };
    case 'geometry': {
      const type = field.geometry ? geoJsonType(field.geometry.type) : undefined;
      if (!type) return schemaRef(GEOJSON_SCHEMA);
      return { allOf: [schemaRef(GEOJSON_SCHEMA), { properties: { type: { const: type } } }] };
    }
    case 'enum':
      return { type: 'string', enum: [...(field.enumValues ?? [])] };
    case 'array': {
      const elementKind = field.elementKind ?? 'other';
      const items = valueSchema({ ...field, kind: elementKind, pgType: pgType.replace(/^_/, ''), enumValues: field.enumValues }, locale);
      return { type: 'array', items };
    }
    case 'other':
      return { type: 'string', description: t('openapi.value.other', { type: field.pgType }, locale) };
  }
}

/** `schema` that also accepts null. */
export function nullable(schema: SchemaObject): SchemaObject {
  if (schema.$ref !== undefined || schema.allOf !== undefined || schema.anyOf !== undefined || schema.oneOf !== undefined) {
    return { anyOf: [schema, { type: 'null' }] };
  }
  if (schema.type === undefined) return schema; // any value, null included
  const types: JsonSchemaType[] = Array.isArray(schema.type) ? [...schema.type] : [schema.type];
  if (!types.includes('null')) types.push('null');
  const result: SchemaObject = { ...schema, type: types };
  if (schema.enum && !schema.enum.includes(null)) result.enum = [...schema.enum, null];
  return result;
}

/** Schema of the column as a property: its value (nullable when the column is), its label. */
export function fieldSchema(field: FieldMeta, options: { readOnly?: boolean; description?: string; locale?: Locale } = {}): SchemaObject {
  const value = valueSchema(field, options.locale);
  const base = field.notNull ? value : nullable(value);
  const described = [base.description, field.comment, options.description].filter((text) => text !== undefined && text !== '');
  const schema: SchemaObject = base.$ref !== undefined ? { allOf: [base] } : { ...base };
  schema.title = field.label;
  if (described.length > 0) schema.description = described.join(' ');
  else delete schema.description;
  if (options.readOnly) schema.readOnly = true;
  return schema;
}

/** Pattern of a `sort` parameter over these field names: `-nom,prenom`. */
export function sortPattern(names: readonly string[]): string {
  const one = `-?(${names.map(escapeRegex).join('|')})`;
  return `^${one}(,${one})*$`;
}
