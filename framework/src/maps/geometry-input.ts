/**
 * A geometry written from text or GeoJSON (record service): WKT in the column's SRID, EWKT in its
 * own SRID (transformed), GeoJSON as read back. Checked here before any SQL: unreadable text and a
 * geometry of the wrong type for the column are field errors in French, never a PostGIS error.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Locale } from '../i18n/index.ts';
import type { FieldMeta } from '../model/types.ts';
import { sigMessage } from './messages.ts';
import { columnSrid, geometryIn } from './spatial-criterion.ts';
import { parseWkt } from './wkt.ts';

export type GeometryInput = { readonly ok: true; readonly value: string } | { readonly ok: false; readonly message: string };

const FRENCH_TYPES: Readonly<Record<string, string>> = {
  point: 'point (Point)',
  linestring: 'ligne (LineString)',
  polygon: 'polygone (Polygon)',
  multipoint: 'ensemble de points (MultiPoint)',
  multilinestring: 'ensemble de lignes (MultiLineString)',
  multipolygon: 'ensemble de polygones (MultiPolygon)',
  geometrycollection: 'collection de géométries (GeometryCollection)',
};
const typeName = (type: string) => FRENCH_TYPES[type.toLowerCase()] ?? type;

/** The column's declared type without Z/M (`Point`, `MultiPolygon`, `Geometry`…). */
const declaredType = (field: FieldMeta): string => (field.geometry?.type ?? 'Geometry').replace(/(ZM|Z|M)$/, '').toLowerCase();

/** A geometry of `type` fits the column as it is, or once made multi (`ST_Multi`). */
export function fitsColumn(field: FieldMeta, type: string): 'as-is' | 'multi' | false {
  const column = declaredType(field);
  const given = type.toLowerCase();
  if (column === 'geometry' || column === given) return 'as-is';
  if (column === `multi${given}`) return 'multi';
  return false;
}

const wrongType = (field: FieldMeta, type: string, locale: Locale | undefined): GeometryInput => ({
  ok: false,
  message: sigMessage('mauvaisType', { label: field.label, attendu: typeName(declaredType(field)), recu: typeName(type) }, locale),
});

const unreadable = (field: FieldMeta, detail: string, locale: Locale | undefined): GeometryInput => ({
  ok: false,
  message: sigMessage('champIllisible', { label: field.label, detail }, locale),
});

/** GeoJSON (an object or its text) or WKT/EWKT text, checked; the value is the text the column will be written from. */
export function readGeometryInput(field: FieldMeta, raw: unknown, locale: Locale | undefined): GeometryInput {
  const text = typeof raw === 'string' ? raw.trim() : JSON.stringify(raw);
  if (text.startsWith('{')) {
    let type: unknown;
    try {
      type = (JSON.parse(text) as { type?: unknown }).type;
    } catch {
      return unreadable(field, sigMessage('detail.attendu', { attendu: 'GeoJSON', position: 1 }, locale), locale);
    }
    if (typeof type !== 'string' || !/^(Multi)?(Point|LineString|Polygon)$|^GeometryCollection$/.test(type)) {
      return unreadable(field, sigMessage('detail.typeInconnu', { type: String(type).slice(0, 30) }, locale), locale);
    }
    return fitsColumn(field, type) ? { ok: true, value: text } : wrongType(field, type, locale);
  }
  const parsed = parseWkt(text, locale, columnSrid(field));
  if (!parsed.ok) return unreadable(field, parsed.detail, locale);
  if (!fitsColumn(field, parsed.value.type)) return wrongType(field, parsed.value.type, locale);
  const { srid, wkt } = parsed.value;
  return { ok: true, value: srid === undefined ? wkt : `SRID=${srid};${wkt}` };
}

/** The SQL value written to a geometry column from a checked input (`readGeometryInput`). */
export function geometryColumnValue(field: FieldMeta, text: string): RawBuilder<unknown> {
  const srid = columnSrid(field);
  let geometry: RawBuilder<unknown>;
  let type: string;
  if (text.startsWith('{')) {
    type = String((JSON.parse(text) as { type?: unknown }).type ?? '');
    const read = sql`ST_GeomFromGeoJSON(${text})`;
    geometry = srid > 0 ? sql`ST_SetSRID(${read}, ${srid}::int4)` : read;
  } else {
    const parsed = parseWkt(text, undefined, srid);
    if (!parsed.ok) throw new Error(parsed.detail); // checked by readGeometryInput before
    type = parsed.value.type;
    geometry = geometryIn(parsed.value, srid, srid);
  }
  return fitsColumn(field, type) === 'multi' ? sql`ST_Multi(${geometry})` : geometry;
}

