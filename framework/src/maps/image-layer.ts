/**
 * A georeferenced picture as a base layer (a cemetery's scanned plan, a paper map scanned and
 * placed on a simple local grid): the bundle draws it with OpenLayers' ImageStatic over its extent.
 * Only an address of this site is accepted (a record's file, served after the user's rights are
 * checked): the pages' Content-Security-Policy (`img-src 'self'`) stays as it is.
 */
import type { MapBaseLayer, MapConfiguration } from './configuration.ts';

export interface ImageLayerInput {
  readonly label: string;
  /** A path of this site: `/cimetiere/plan/3/fichier/fichier`. */
  readonly url: string;
  /** [xmin, ymin, xmax, ymax] in the map's projection. */
  readonly extent: readonly [number, number, number, number];
  readonly visible?: boolean;
}

/** A path of this site, nothing that leaves it (`//host`, `https:`, `javascript:`, backslashes). */
export const isSitePath = (url: string): boolean => /^\/[^/\\\s]/.test(url) && !/[\s\\]/.test(url);

const validExtent = ([xmin, ymin, xmax, ymax]: readonly [number, number, number, number]): boolean =>
  [xmin, ymin, xmax, ymax].every((value) => Number.isFinite(value)) && xmin < xmax && ymin < ymax;

/** The image layer, or undefined when its address leaves the site or its extent is empty. */
export function imageBaseLayer(input: ImageLayerInput, id: number, order: number): MapBaseLayer | undefined {
  if (!isSitePath(input.url) || !validExtent(input.extent)) return undefined;
  return { id, label: input.label, kind: 'image', url: input.url, extent: [...input.extent] as [number, number, number, number], visible: input.visible ?? true, order };
}

/** The configuration with the pictures under its other base layers (negative ids: they are no om_sig_flux row). */
export function withImageLayers(configuration: MapConfiguration, images: readonly ImageLayerInput[]): MapConfiguration {
  const lowest = Math.min(0, ...configuration.baseLayers.map((layer) => layer.order));
  const layers = images.flatMap((image, index) => imageBaseLayer(image, -(index + 1), lowest - images.length + index) ?? []);
  return layers.length === 0 ? configuration : { ...configuration, baseLayers: [...layers, ...configuration.baseLayers] };
}
