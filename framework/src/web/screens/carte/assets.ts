/**
 * What every map element shares: the addresses of the maps' script and stylesheet (read by
 * `js/carte.js`), the configuration, and the projection's name and example for the help texts.
 */
import type { MapConfiguration } from '../../../maps/configuration.ts';
import type { FieldMeta } from '../../../model/types.ts';
import { ATTRIBUTES } from '../../static/carte/contract.ts';
import { assetUrl } from '../../static/routes.ts';

/** The configuration when no collectivité's map applies (contract item 3's default). */
export const DEFAULT_MAP: MapConfiguration = { projection: 'EPSG:3857', center: null, extent: null, zoom: null, baseLayers: [], overlays: [] };

/** `data-carte-script`, `data-carte-style` and the configuration; no script if it could not be built (the text input then works alone). */
export function mapAttributes(configuration: MapConfiguration | undefined): Record<string, string> {
  const attributes: Record<string, string> = { [ATTRIBUTES.configuration]: JSON.stringify(configuration ?? DEFAULT_MAP) };
  try {
    attributes['data-carte-script'] = assetUrl('carte.js');
    attributes['data-carte-style'] = assetUrl('ol.css');
  } catch {
    // The bundle failed to build: the page keeps its text and links.
  }
  return attributes;
}

export const sridOf = (field: FieldMeta | undefined): number => field?.geometry?.srid ?? 0;
export const geometryTypeOf = (field: FieldMeta | undefined): string => field?.geometry?.type ?? 'Geometry';

const PROJECTIONS: Readonly<Record<number, { name: string; example: string }>> = {
  0: { name: 'WGS 84 (longitude puis latitude)', example: 'POINT(2.35 48.85)' },
  2154: { name: 'Lambert-93 (EPSG:2154, mètres)', example: 'POINT(652000 6862000)' },
  3857: { name: 'Web Mercator (EPSG:3857, mètres)', example: 'POINT(261600 6250000)' },
  4326: { name: 'WGS 84 (EPSG:4326, longitude puis latitude)', example: 'POINT(2.35 48.85)' },
};

export const projectionOf = (srid: number): { name: string; example: string } => PROJECTIONS[srid] ?? { name: `EPSG:${srid}`, example: 'POINT(x y)' };
