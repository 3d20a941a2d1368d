/**
 * Spatial helpers for applications (issue 13, point 6): the keys of an object's rows within a
 * polygon, meeting a geometry, or nearest a point. Each runs on the actor's connection (`readAs`):
 * row-level security keeps another collectivité's rows out. Geometries are WKT in EPSG:4326 unless
 * EWKT names its SRID; they are transformed to the column's SRID so its spatial index serves.
 *
 *     const keys = await readAs(db, actor, (connection) => within(connection, bureau, 'POLYGON((…))'));
 */
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../db/connection.ts';
import type { Locale } from '../i18n/index.ts';
import type { RegisteredObject } from '../model/registry.ts';
import type { FieldMeta } from '../model/types.ts';
import { badRequest } from '../records/errors.ts';
import { geometryFields } from './geojson.ts';
import { sigMessage } from './messages.ts';
import { columnSrid, geometryIn, WGS84 } from './spatial-criterion.ts';
import { parseWkt, type ParsedWkt, type WktType } from './wkt.ts';

export interface SpatialOptions {
  /** The geometry field; the object's first one by default. */
  readonly field?: string;
  readonly locale?: Locale;
}

export interface NearestRow {
  readonly key: unknown;
  /** In metres (in the column's units for an SRID-less column). */
  readonly distance: number;
}

/** SRIDs whose units are not metres: distances are measured on the sphere (geography). */
const GEOGRAPHIC_SRIDS: ReadonlySet<number> = new Set([4326, 4171, 3857]);

function fieldOf(object: RegisteredObject, options: SpatialOptions): FieldMeta {
  const fields = geometryFields(object);
  const field = options.field === undefined ? fields[0] : fields.find((candidate) => candidate.name === options.field);
  if (!field) throw badRequest(sigMessage('aucuneGeometrie', { object: object.meta.label }, options.locale));
  return field;
}

function geometryOf(text: string, types: readonly WktType[] | undefined, options: SpatialOptions): ParsedWkt {
  const parsed = parseWkt(text, options.locale);
  if (!parsed.ok) throw badRequest(sigMessage('illisible', { detail: parsed.detail }, options.locale));
  if (types && !types.includes(parsed.value.type)) {
    throw badRequest(sigMessage('illisible', { detail: `${types.join(' ou ')} attendu, pas ${parsed.value.type}` }, options.locale));
  }
  return parsed.value;
}

const keyOf = (object: RegisteredObject): string => {
  const key = object.meta.key;
  if (!key) throw new Error(`${object.app}.${object.name} has no single-column key`);
  return key;
};

async function keysWhere(db: Db, object: RegisteredObject, condition: RawBuilder<unknown>): Promise<unknown[]> {
  const key = keyOf(object);
  const table = sql.table(`${object.meta.schema}.${object.meta.name}`);
  const result = await sql<{ key: unknown }>`select t.${sql.id(key)} as key from ${table} as t where ${condition} order by 1`.execute(db);
  return result.rows.map((row) => row.key);
}

/** The keys of the rows whose geometry lies within the polygon (WKT, EPSG:4326 unless EWKT). */
export function within(db: Db, object: RegisteredObject, polygonWkt4326: string, options: SpatialOptions = {}): Promise<unknown[]> {
  const field = fieldOf(object, options);
  const polygon = geometryOf(polygonWkt4326, ['Polygon', 'MultiPolygon'], options);
  return keysWhere(db, object, sql`ST_Within(${sql.ref(`t.${field.name}`)}, ${geometryIn(polygon, columnSrid(field), WGS84)})`);
}

/** The keys of the rows whose geometry meets the geometry (WKT, EPSG:4326 unless EWKT). */
export function intersecting(db: Db, object: RegisteredObject, geometryWkt: string, options: SpatialOptions = {}): Promise<unknown[]> {
  const field = fieldOf(object, options);
  const geometry = geometryOf(geometryWkt, undefined, options);
  return keysWhere(db, object, sql`ST_Intersects(${sql.ref(`t.${field.name}`)}, ${geometryIn(geometry, columnSrid(field), WGS84)})`);
}

/** The `n` rows nearest the point (WKT, EPSG:4326 unless EWKT), nearest first, with their distance in metres. */
export async function nearest(db: Db, object: RegisteredObject, pointWkt4326: string, n: number, options: SpatialOptions = {}): Promise<NearestRow[]> {
  const field = fieldOf(object, options);
  const point = geometryOf(pointWkt4326, ['Point'], options);
  const count = Math.max(1, Math.min(Math.trunc(n), 1000));
  const srid = columnSrid(field);
  const column = sql.ref(`t.${field.name}`);
  let distance: RawBuilder<unknown>;
  let order: RawBuilder<unknown>;
  if (GEOGRAPHIC_SRIDS.has(srid)) {
    // Degrees (or Web Mercator's stretched metres) are no distance: measured on the spheroid.
    const asGeography = (geometry: RawBuilder<unknown>) => (srid === WGS84 ? sql`${geometry}::geography` : sql`ST_Transform(${geometry}, ${WGS84}::int4)::geography`);
    const target = sql`${geometryIn(point, WGS84, WGS84)}::geography`;
    distance = sql`ST_Distance(${asGeography(column)}, ${target})`;
    order = srid === WGS84 ? sql`${column}::geography <-> ${target}` : distance;
  } else {
    const target = geometryIn(point, srid, WGS84);
    distance = sql`ST_Distance(${column}, ${target})`;
    order = sql`${column} <-> ${target}`;
  }
  const key = keyOf(object);
  const table = sql.table(`${object.meta.schema}.${object.meta.name}`);
  const result = await sql<{ key: unknown; distance: number | string }>`select t.${sql.id(key)} as key, ${distance} as distance
    from ${table} as t where ${column} is not null order by ${order}, 1 limit ${count}`.execute(db);
  return result.rows.map((row) => ({ key: row.key, distance: Number(row.distance) }));
}

/**
 * A row's geometry as WKT in the column's SRID (what a form's text field shows and sends back),
 * null when the row has none or is out of reach.
 */
export async function geometryAsWkt(db: Db, object: RegisteredObject, key: unknown, options: SpatialOptions = {}): Promise<string | null> {
  const field = fieldOf(object, options);
  const table = sql.table(`${object.meta.schema}.${object.meta.name}`);
  const result = await sql<{ wkt: string | null }>`select ST_AsText(${sql.ref(`t.${field.name}`)}) as wkt from ${table} as t
    where t.${sql.id(keyOf(object))} = ${key}`.execute(db);
  return result.rows[0]?.wkt ?? null;
}
