import type { RegisteredObject } from '../model/registry.ts';
import { geometryColumnValue } from '../maps/geometry-input.ts';

/**
 * The SQL value written to a column: a geometry arrives as GeoJSON (as it is read) or WKT/EWKT
 * text and is stored in the column's SRID; every other value is a bound parameter as it is.
 */
export function columnValue(object: RegisteredObject, name: string, value: unknown): unknown {
  const field = object.meta.fields.find((candidate) => candidate.name === name);
  if (field?.kind !== 'geometry' || value === null || value === undefined) return value;
  const text = typeof value === 'string' ? value.trim() : JSON.stringify(value);
  return geometryColumnValue(field, text);
}
