/** The addresses of the maps: the « Voir sur la carte » page of a search, and the GeoJSON of an object's search (contract item 2). */
import type { RegisteredObject } from '../../../model/registry.ts';

/** `/<app>/<table>/carte?<the search>`. */
export function mapPageUrl(object: RegisteredObject, query: URLSearchParams): string {
  const search = query.toString();
  return `/${object.app}/${object.name}/carte${search ? `?${search}` : ''}`;
}

/** `/api/v1/<app>/<table>?format=geojson&geometrie=<field>&<the search>` (the client adds the bbox). */
export function geoJsonUrl(object: RegisteredObject, field: string, query: URLSearchParams = new URLSearchParams()): string {
  const parameters = new URLSearchParams({ format: 'geojson', geometrie: field });
  for (const [name, value] of query) if (!['format', 'geometrie', 'bbox', 'srid', 'page', 'per_page', 'adv', 'count'].includes(name)) parameters.append(name, value);
  return `/api/v1/${object.app}/${object.name}?${parameters.toString()}`;
}
