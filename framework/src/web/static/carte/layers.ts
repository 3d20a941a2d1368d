/**
 * The layers a configuration asks for: base layers (XYZ tiles, WMS, WMTS at the addresses the
 * administrator typed; none is required) and overlays (other objects' GeoJSON), in their order.
 */
import type { Extent } from 'ol/extent.js';
import GeoJSON from 'ol/format/GeoJSON.js';
import type BaseLayer from 'ol/layer/Base.js';
import ImageLayer from 'ol/layer/Image.js';
import TileLayer from 'ol/layer/Tile.js';
import VectorLayer from 'ol/layer/Vector.js';
import { bbox as bboxStrategy } from 'ol/loadingstrategy.js';
import { get as getProjection, transformExtent, type ProjectionLike } from 'ol/proj.js';
import ImageStatic from 'ol/source/ImageStatic.js';
import TileWMS from 'ol/source/TileWMS.js';
import VectorSource from 'ol/source/Vector.js';
import WMTS from 'ol/source/WMTS.js';
import XYZ from 'ol/source/XYZ.js';
import { getTopLeft, getWidth } from 'ol/extent.js';
import WMTSTileGrid from 'ol/tilegrid/WMTS.js';
import type { BaseLayerSettings, MapSettings, OverlaySettings } from './contract.ts';
import { overlayStyle } from './styles.ts';

function wmtsSource(settings: BaseLayerSettings): WMTS {
  const projection = getProjection('EPSG:3857');
  const extent = projection?.getExtent() ?? [-20037508.34, -20037508.34, 20037508.34, 20037508.34];
  const size = getWidth(extent) / 256;
  const resolutions = Array.from({ length: 20 }, (_, zoom) => size / 2 ** zoom);
  return new WMTS({
    url: settings.url,
    layer: settings.layers ?? '',
    matrixSet: 'PM',
    format: 'image/png',
    style: 'normal',
    projection: 'EPSG:3857',
    tileGrid: new WMTSTileGrid({ origin: getTopLeft(extent), resolutions, matrixIds: resolutions.map((_, zoom) => String(zoom)) }),
    ...(settings.attribution ? { attributions: settings.attribution } : {}),
  });
}

/** A georeferenced picture of this site (a scanned plan) over its extent, in the map's projection. */
function imageLayer(settings: BaseLayerSettings, projection: string): BaseLayer | undefined {
  if (!settings.extent) return undefined;
  const source = new ImageStatic({
    url: settings.url,
    imageExtent: [...settings.extent],
    projection,
    ...(settings.attribution ? { attributions: settings.attribution } : {}),
  });
  const layer = new ImageLayer({ source, visible: settings.visible });
  layer.set('title', settings.label);
  layer.set('kind', 'image');
  return layer;
}

function baseLayer(settings: BaseLayerSettings, projection: string): BaseLayer | undefined {
  if (settings.kind === 'image') return imageLayer(settings, projection);
  const attributions = settings.attribution ? { attributions: settings.attribution } : {};
  const source =
    settings.kind === 'wms'
      ? new TileWMS({ url: settings.url, params: { LAYERS: settings.layers ?? '', TILED: true }, ...attributions })
      : settings.kind === 'wmts'
        ? wmtsSource(settings)
        : new XYZ({ url: settings.url, ...attributions });
  const layer = new TileLayer({ source, visible: settings.visible });
  layer.set('title', settings.label);
  return layer;
}

/** Fetches GeoJSON (EPSG:4326) for the view's extent; `onLoaded` gets the answer's limit flag. */
export function geoJsonSource(
  address: string,
  onLoaded?: (answer: { count: number; limit: number | undefined; limitReached: boolean }) => void,
  onError?: () => void,
): VectorSource {
  const format = new GeoJSON();
  const source: VectorSource = new VectorSource({
    strategy: bboxStrategy,
    loader: (extent: Extent, _resolution: number, projection: ProjectionLike, success, failure) => {
      const url = new URL(address, window.location.href);
      const [west, south, east, north] = transformExtent(extent, projection, 'EPSG:4326');
      url.searchParams.set('bbox', [west, south, east, north].map((value) => (value ?? 0).toFixed(6)).join(','));
      fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/geo+json, application/json' } })
        .then(async (response) => {
          if (!response.ok) throw new Error(String(response.status));
          const body = (await response.json()) as { limite?: number; limite_atteinte?: boolean };
          const features = format.readFeatures(body, { dataProjection: 'EPSG:4326', featureProjection: projection });
          source.addFeatures(features);
          success?.(features);
          onLoaded?.({ count: features.length, limit: body.limite, limitReached: body.limite_atteinte === true });
        })
        .catch(() => {
          source.removeLoadedExtent(extent);
          failure?.();
          onError?.();
        });
    },
  });
  return source;
}

function overlayLayer(overlay: OverlaySettings): VectorLayer {
  const layer = new VectorLayer({ source: geoJsonSource(overlay.source), style: overlayStyle(overlay), visible: overlay.visible });
  layer.set('title', overlay.label);
  return layer;
}

/** The configuration's base layers then overlays, each group in its order. */
export function configuredLayers(settings: MapSettings): { base: BaseLayer[]; overlays: VectorLayer[] } {
  const byOrder = <T extends { order: number }>(list: readonly T[]) => [...list].sort((a, b) => a.order - b.order);
  return {
    base: byOrder(settings.baseLayers).flatMap((layer) => baseLayer(layer, settings.projection) ?? []),
    overlays: byOrder(settings.overlays).map(overlayLayer),
  };
}
