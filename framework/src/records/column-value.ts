import { sql, type RawBuilder } from 'kysely';
import type { RegisteredObject } from '../model/registry.ts';

/**
 * The SQL value written to a column: a geometry arrives as GeoJSON (as it is read) and is stored
 * in the column's SRID; every other value is a bound parameter as it is.
 */
export function columnValue(object: RegisteredObject, name: string, value: unknown): unknown {
  const field = object.meta.fields.find((candidate) => candidate.name === name);
  if (field?.kind !== 'geometry' || value === null || value === undefined) return value;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  const geometry: RawBuilder<unknown> = sql`ST_GeomFromGeoJSON(${text})`;
  const srid = field.geometry?.srid ?? 0;
  return srid > 0 ? sql`ST_SetSRID(${geometry}, ${srid})` : geometry;
}
