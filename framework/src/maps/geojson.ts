/**
 * `GET /api/v1/<app>/<table>?format=geojson`: the current search as a GeoJSON FeatureCollection
 * (issue 13, contract item 2). The listing's permission (`_tab`), collectivité scope and search
 * parameters apply; `bbox` is one more spatial criterion; coordinates come in `srid` (4326 unless
 * asked otherwise); at most `limite` features, with a flag when more rows matched.
 */
import { sql } from 'kysely';
import type { Actor } from '../access/actor.ts';
import { can } from '../access/permissions.ts';
import type { Row } from '../db/connection.ts';
import { readAs } from '../db/tenant-context.ts';
import type { Locale } from '../i18n/index.ts';
import type { RegisteredObject } from '../model/registry.ts';
import type { FieldMeta } from '../model/types.ts';
import { badRequest, forbidden } from '../records/errors.ts';
import { planList, type ListPlan, type ListRequest } from '../records/list-plan.ts';
import type { ReadDeps } from '../records/read.ts';
import { resolveReferenceSearch } from '../records/reference-search.ts';
import { buildListQuery, LABEL_SUFFIX } from '../records/select.ts';
import { repeatsOwnCollectivite, visibleFields } from '../records/visible-fields.ts';
import { sigMessage } from './messages.ts';
import { columnSrid, spatialRefusal, WGS84, type SpatialCondition } from './spatial-criterion.ts';
import { parseWkt } from './wkt.ts';

export const GEOJSON_DEFAULT_LIMIT = 2000;
export const GEOJSON_MAX_LIMIT = 10_000;
export const GEOJSON_SRIDS: readonly number[] = [4326, 3857, 2154];
/** The query parameters of the GeoJSON answer, besides the list's. */
export const GEOJSON_PARAMETERS: ReadonlySet<string> = new Set(['format', 'bbox', 'srid', 'geometrie', 'limite']);

export interface GeoJsonOptions {
  /** `xmin,ymin,xmax,ymax` in `srid`. */
  readonly bbox?: string | undefined;
  readonly srid?: string | undefined;
  /** The geometry field; the object's first one by default. */
  readonly geometrie?: string | undefined;
  readonly limite?: string | undefined;
}

export interface Feature {
  readonly type: 'Feature';
  readonly id: unknown;
  readonly geometry: unknown;
  readonly properties: Record<string, unknown>;
}

export interface FeatureCollection {
  readonly type: 'FeatureCollection';
  readonly features: Feature[];
  readonly limite: number;
  readonly limite_atteinte: boolean;
}

/** The object's readable geometry fields. */
export const geometryFields = (object: RegisteredObject): FieldMeta[] => visibleFields(object).filter((field) => field.kind === 'geometry');

function chosenField(object: RegisteredObject, name: string | undefined, locale: Locale | undefined): FieldMeta {
  const fields = geometryFields(object);
  if (fields.length === 0) throw badRequest(sigMessage('aucuneGeometrie', { object: object.meta.label }, locale));
  if (name === undefined || name === '') return fields[0] as FieldMeta;
  const field = fields.find((candidate) => candidate.name === name);
  if (!field) {
    throw badRequest(sigMessage('champGeometrieInconnu', { name: name.slice(0, 63), object: object.meta.label, fields: fields.map((one) => one.name).join(', ') }, locale));
  }
  return field;
}

function chosenSrid(text: string | undefined, locale: Locale | undefined): number {
  if (text === undefined || text === '') return WGS84;
  const srid = Number(text.replace(/^EPSG:/i, ''));
  if (!GEOJSON_SRIDS.includes(srid)) throw badRequest(sigMessage('sridRefuse', { srid: text.slice(0, 20) }, locale));
  return srid;
}

function chosenLimit(text: string | undefined, locale: Locale | undefined): number {
  if (text === undefined || text === '') return GEOJSON_DEFAULT_LIMIT;
  const limit = Number(text);
  if (!/^\d{1,6}$/.test(text) || limit < 1 || limit > GEOJSON_MAX_LIMIT) {
    throw badRequest(sigMessage('limiteRefusee', { max: GEOJSON_MAX_LIMIT, limite: text.slice(0, 20) }, locale));
  }
  return limit;
}

/** The bbox as an intersects criterion: an envelope in `srid`, transformed to the column's. */
function bboxCondition(field: FieldMeta, text: string | undefined, srid: number, locale: Locale | undefined): SpatialCondition | undefined {
  if (text === undefined || text === '') return undefined;
  const numbers = text.split(',').map((part) => part.trim());
  const [xmin, ymin, xmax, ymax] = numbers.map(Number);
  const valid = numbers.length === 4 && numbers.every((part) => /^[-+]?\d+(\.\d+)?$/.test(part));
  if (!valid || xmin === undefined || ymin === undefined || xmax === undefined || ymax === undefined || xmin >= xmax || ymin >= ymax) {
    throw badRequest(sigMessage('bboxIllisible', { bbox: text.slice(0, 80) }, locale));
  }
  const envelope = `SRID=${srid};POLYGON((${xmin} ${ymin},${xmax} ${ymin},${xmax} ${ymax},${xmin} ${ymax},${xmin} ${ymin}))`;
  const parsed = parseWkt(envelope, locale);
  if (!parsed.ok) throw badRequest(sigMessage('bboxIllisible', { bbox: text.slice(0, 80) }, locale));
  // An SRID-less column has no projection to meet: the box is taken in its coordinates.
  return { kind: 'intersects', field, geometry: columnSrid(field) === 0 ? { ...parsed.value, srid: undefined } : parsed.value, value: envelope };
}

/** JSON-safe values: dates as ISO text, big integers as text, binary data left out. */
function jsonValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Uint8Array) return null;
  return value;
}

/** The listing's columns' values (and the labels of its foreign keys), without the geometries. */
function propertiesOf(object: RegisteredObject, actor: Actor, row: Row, key: unknown): Record<string, unknown> {
  const label = object.meta.labelColumn;
  const properties: Record<string, unknown> = {
    libelle: String(row[`${label}${LABEL_SUFFIX}`] ?? row[label] ?? key ?? ''),
    url: `/${object.app}/${object.name}/${encodeURIComponent(String(key))}`,
  };
  const declared = object.override.screens?.listColumns;
  for (const field of visibleFields(object)) {
    if (field.kind === 'geometry' || field.kind === 'bytea') continue;
    if (declared ? !declared.includes(field.name) : repeatsOwnCollectivite(object, field, actor)) continue;
    if (!Object.hasOwn(properties, field.name)) properties[field.name] = jsonValue(row[field.name]);
    const labelKey = `${field.name}${LABEL_SUFFIX}`;
    if (Object.hasOwn(row, labelKey)) properties[labelKey] = row[labelKey];
  }
  return properties;
}

/** The FeatureCollection of a search; refusals are 400 (French), 403 without `_tab`. */
export async function geoJsonCollection(
  deps: ReadDeps,
  actor: Actor,
  object: RegisteredObject,
  request: ListRequest,
  options: GeoJsonOptions,
): Promise<FeatureCollection> {
  if (!can(actor, object, 'tab')) throw forbidden(deps.locale);
  const locale = deps.locale;
  const keyName = object.meta.key;
  const field = chosenField(object, options.geometrie, locale);
  const srid = chosenSrid(options.srid, locale);
  const limit = chosenLimit(options.limite, locale);
  const bbox = bboxCondition(field, options.bbox, srid, locale);
  const listed = planList(object, { ...request, page: 1, perPage: 1, count: 'none' }, locale);
  const plan: ListPlan = {
    ...listed,
    perPage: limit + 1,
    offset: 0,
    conditions: [...listed.conditions, { kind: 'empty', field, empty: false }, ...(bbox ? [bbox] : [])],
  };
  if (!keyName) throw badRequest(sigMessage('aucuneGeometrie', { object: object.meta.label }, locale));
  return readAs(deps.db.kysely, actor, async (connection) => {
    const searched = await resolveReferenceSearch(connection, deps.registry, object, actor, plan);
    const rows = (await buildListQuery(deps.registry, object, actor, searched, true).page.execute(connection)).rows;
    const reached = rows.length > limit;
    const kept = rows.slice(0, limit);
    const keys = kept.map((row) => row[keyName]);
    const column = sql.ref(`t.${field.name}`);
    const projected = columnSrid(field) === 0 || columnSrid(field) === srid ? column : sql`ST_Transform(${column}, ${srid}::int4)`;
    const table = sql.table(`${object.meta.schema}.${object.meta.name}`);
    const geometries = keys.length === 0
      ? []
      : (await sql<{ id: unknown; geometry: unknown }>`select t.${sql.id(keyName)} as id, ST_AsGeoJSON(${projected})::json as geometry
          from ${table} as t where t.${sql.id(keyName)} = any(${keys})`.execute(connection)).rows;
    const byKey = new Map(geometries.map((row) => [String(row.id), typeof row.geometry === 'string' ? (JSON.parse(row.geometry) as unknown) : row.geometry]));
    const features: Feature[] = kept.map((row) => {
      const key = row[keyName];
      return { type: 'Feature', id: jsonValue(key), geometry: byKey.get(String(key)) ?? null, properties: propertiesOf(object, actor, row, key) };
    });
    return { type: 'FeatureCollection' as const, features, limite: limit, limite_atteinte: reached };
  }).catch((error: unknown) => {
    throw spatialRefusal(error, plan.conditions, locale);
  });
}
