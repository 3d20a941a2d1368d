/**
 * The projections the maps know: Web Mercator and WGS 84 (built into OpenLayers) and
 * Lambert-93 (EPSG:2154), registered through proj4. Other SRIDs are not drawn: their fields keep
 * the text input only.
 */
import proj4 from 'proj4';
import { register } from 'ol/proj/proj4.js';
import { get as getProjection } from 'ol/proj.js';

proj4.defs(
  'EPSG:2154',
  '+proj=lcc +lat_0=46.5 +lon_0=3 +lat_1=49 +lat_2=44 +x_0=700000 +y_0=6600000 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs +type=crs',
);
register(proj4);
// Metropolitan France, in Lambert-93 metres: the bounds OpenLayers needs for its resolutions.
getProjection('EPSG:2154')?.setExtent([-378305.81, 6093283.21, 1212610.74, 7186901.68]);

const KNOWN = new Set([2154, 3857, 4326]);

/** `EPSG:<srid>` when the maps can draw in it; SRID 0 (no SRID) is read as WGS 84. */
export function projectionOfSrid(srid: number): string | undefined {
  if (srid === 0) return 'EPSG:4326';
  return KNOWN.has(srid) ? `EPSG:${srid}` : undefined;
}

/** Decimals kept when writing coordinates: centimetres in metric projections, about a centimetre in degrees. */
export const decimalsOf = (projection: string): number => (projection === 'EPSG:4326' ? 7 : 2);
