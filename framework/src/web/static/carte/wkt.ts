/**
 * The geometry's text (WKT in the column's SRID, or EWKT `SRID=4326;POINT(…)`) read into the
 * map's projection and written back from it.
 */
import WKT from 'ol/format/WKT.js';
import type Geometry from 'ol/geom/Geometry.js';
import { decimalsOf, projectionOfSrid } from './projections.ts';

const format = new WKT();
const EWKT = /^\s*SRID=(\d+)\s*;\s*/i;

export type ReadResult = { readonly kind: 'empty' } | { readonly kind: 'invalid' } | { readonly kind: 'geometry'; readonly geometry: Geometry };

/** The text as a geometry in `viewProjection`; `srid` is the column's, unless the text is EWKT. */
export function readWkt(text: string, srid: number, viewProjection: string): ReadResult {
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'empty' };
  const prefix = EWKT.exec(trimmed);
  const dataProjection = projectionOfSrid(prefix ? Number(prefix[1]) : srid);
  if (!dataProjection) return { kind: 'invalid' };
  try {
    const geometry = format.readGeometry(prefix ? trimmed.slice(prefix[0].length) : trimmed, { dataProjection, featureProjection: viewProjection });
    return isFinite(geometry) ? { kind: 'geometry', geometry } : { kind: 'invalid' };
  } catch {
    return { kind: 'invalid' };
  }
}

function isFinite(geometry: Geometry): boolean {
  const extent = geometry.getExtent();
  return extent.every((value) => Number.isFinite(value));
}

/** The geometry (in `viewProjection`) as WKT in the projection of `srid`. */
export function writeWkt(geometry: Geometry, srid: number, viewProjection: string): string {
  const dataProjection = projectionOfSrid(srid) ?? 'EPSG:4326';
  return format.writeGeometry(geometry, { dataProjection, featureProjection: viewProjection, decimals: decimalsOf(dataProjection) });
}
