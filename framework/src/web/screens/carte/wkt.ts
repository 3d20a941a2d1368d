/**
 * A geometry as the record service reads it (GeoJSON, in the column's SRID) written as WKT in
 * that SRID, for the form's text field and the record page. Coordinates keep their digits.
 */
type Position = readonly number[];

interface GeoJsonGeometry {
  readonly type: string;
  readonly coordinates?: unknown;
  readonly geometries?: readonly GeoJsonGeometry[];
}

const position = (point: Position) => point.slice(0, 2).map((value) => String(value)).join(' ');
const ring = (points: readonly Position[]) => `(${points.map(position).join(', ')})`;
const rings = (list: readonly (readonly Position[])[]) => `(${list.map(ring).join(', ')})`;

function geometryWkt(geometry: GeoJsonGeometry): string | undefined {
  const coordinates = geometry.coordinates;
  switch (geometry.type) {
    case 'Point':
      return `POINT(${position(coordinates as Position)})`;
    case 'LineString':
      return `LINESTRING${ring(coordinates as Position[])}`;
    case 'Polygon':
      return `POLYGON${rings(coordinates as Position[][])}`;
    case 'MultiPoint':
      return `MULTIPOINT(${(coordinates as Position[]).map((point) => `(${position(point)})`).join(', ')})`;
    case 'MultiLineString':
      return `MULTILINESTRING${rings(coordinates as Position[][])}`;
    case 'MultiPolygon':
      return `MULTIPOLYGON(${(coordinates as Position[][][]).map(rings).join(', ')})`;
    case 'GeometryCollection': {
      const parts = (geometry.geometries ?? []).map(geometryWkt);
      return parts.every((part) => part !== undefined) ? `GEOMETRYCOLLECTION(${parts.join(', ')})` : undefined;
    }
    default:
      return undefined;
  }
}

/** The GeoJSON geometry (an object or its text) as WKT; undefined when it is not one. */
export function geoJsonToWkt(value: unknown): string | undefined {
  let geometry: unknown = value;
  if (typeof value === 'string') {
    if (!value.trim().startsWith('{')) return undefined;
    try {
      geometry = JSON.parse(value);
    } catch {
      return undefined;
    }
  }
  if (typeof geometry !== 'object' || geometry === null || typeof (geometry as { type?: unknown }).type !== 'string') return undefined;
  try {
    return geometryWkt(geometry as GeoJsonGeometry);
  } catch {
    return undefined;
  }
}
