/**
 * The spatial search criterion `filter[<field>][intersects]=<WKT>`: read and checked here (list-plan.ts
 * calls it), compiled to SQL by select.ts. The WKT is in EPSG:4326 unless EWKT names its SRID; it is
 * transformed to the column's SRID so the column's spatial index serves.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Locale } from '../i18n/index.ts';
import type { FieldMeta } from '../model/types.ts';
import { badRequest } from '../records/errors.ts';
import { sigMessage } from './messages.ts';
import { parseWkt, withinWgs84, type ParsedWkt } from './wkt.ts';

export const WGS84 = 4326;

export interface SpatialCondition {
  readonly kind: 'intersects';
  readonly field: FieldMeta;
  readonly geometry: ParsedWkt;
  /** The criterion's text as given (shown back to the user). */
  readonly value: string;
}

/** The column's SRID (0: none declared). */
export const columnSrid = (field: FieldMeta): number => field.geometry?.srid ?? 0;

/**
 * A parsed geometry as SQL in `targetSrid`: read in its own SRID (`fallbackSrid` for plain WKT),
 * then transformed. A target of 0 (an SRID-less column) takes the coordinates as they are.
 */
export function geometryIn(geometry: ParsedWkt, targetSrid: number, fallbackSrid: number): RawBuilder<unknown> {
  if (targetSrid === 0) return sql`ST_GeomFromText(${geometry.wkt}, 0)`;
  const source = geometry.srid ?? fallbackSrid;
  const read = sql`ST_GeomFromText(${geometry.wkt}, ${source}::int4)`;
  return source === targetSrid ? read : sql`ST_Transform(${read}, ${targetSrid}::int4)`;
}

/** Reads the criterion's text; undefined when it is empty (asks nothing). A refusal is a 400 in French. */
export function spatialCriterion(field: FieldMeta, text: string, locale: Locale | undefined): SpatialCondition | undefined {
  if (field.kind !== 'geometry') throw badRequest(sigMessage('pasGeometrie', { label: field.label }, locale));
  if (text.trim() === '') return undefined;
  const srid = columnSrid(field);
  const parsed = parseWkt(text, locale, srid);
  if (!parsed.ok) throw badRequest(sigMessage('illisible', { detail: parsed.detail }, locale));
  if (srid !== 0 && parsed.value.srid === undefined && !withinWgs84(parsed.value)) {
    throw badRequest(sigMessage('illisible', { detail: sigMessage('detail.horsPlage', undefined, locale) }, locale));
  }
  return { kind: 'intersects', field, geometry: parsed.value, value: text };
}

/** The criterion in SQL on the row alias `t`. */
export const intersectsSql = (condition: SpatialCondition): RawBuilder<unknown> =>
  sql`ST_Intersects(${sql.ref(`t.${condition.field.name}`)}, ${geometryIn(condition.geometry, columnSrid(condition.field), WGS84)})`;

/** PostGIS refuses a geometry with `XX000` (parse error, non-closed ring…) or `22023` (transform). */
const POSTGIS_REFUSALS: ReadonlySet<string> = new Set(['XX000', '22023', '22P02']);

/**
 * The last safety net of a spatial search: an error PostGIS raised on its geometry (the checks in
 * TypeScript let very few through) is the same French 400 as an unreadable text; anything else,
 * or a plan without spatial criterion, is returned as it is (to be rethrown).
 */
export function spatialRefusal(error: unknown, conditions: readonly { readonly kind: string }[], locale: Locale | undefined): unknown {
  if (!conditions.some((condition) => condition.kind === 'intersects')) return error;
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  if (typeof code !== 'string' || !POSTGIS_REFUSALS.has(code)) return error;
  return badRequest(sigMessage('illisible', { detail: sigMessage('detail.base', undefined, locale) }, locale));
}
