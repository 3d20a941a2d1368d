/**
 * An OpenLayers map from a configuration: its projection, its first view (the configured centre
 * and zoom, else the configured extent, else metropolitan France), its base layers and overlays,
 * the controls labelled in French. Without a base layer the vector layers lie on the page's plain
 * background: the map stays usable offline.
 */
import OlMap from 'ol/Map.js';
import View from 'ol/View.js';
import { defaults as defaultControls } from 'ol/control/defaults.js';
import ScaleLine from 'ol/control/ScaleLine.js';
import type { Extent } from 'ol/extent.js';
import { isEmpty } from 'ol/extent.js';
import type Geometry from 'ol/geom/Geometry.js';
import type BaseLayer from 'ol/layer/Base.js';
import { fromLonLat, transformExtent } from 'ol/proj.js';
import type { MapSettings } from './contract.ts';
import { configuredLayers } from './layers.ts';
import './projections.ts';

const FRANCE: Extent = [-5.2, 41.3, 9.6, 51.1];

export interface MapTexts {
  readonly zoomIn: string;
  readonly zoomOut: string;
}

const FRENCH: MapTexts = { zoomIn: 'Zoom avant', zoomOut: 'Zoom arrière' };

/** The map in `target` (focusable, so that the arrow keys and + / - move it). */
export function createMap(target: HTMLElement, settings: MapSettings, layers: readonly BaseLayer[]): OlMap {
  const projection = settings.projection;
  const configured = configuredLayers(settings);
  const view = new View({ projection, maxZoom: 22 });
  const map = new OlMap({
    target,
    layers: [...configured.base, ...configured.overlays, ...layers],
    view,
    controls: defaultControls({
      rotate: false,
      zoomOptions: { zoomInTipLabel: FRENCH.zoomIn, zoomOutTipLabel: FRENCH.zoomOut },
      attributionOptions: { tipLabel: 'Sources des fonds de carte', collapsible: true },
    }).extend([new ScaleLine()]),
    keyboardEventTarget: target,
  });
  if (settings.center && settings.zoom !== null) {
    view.setCenter(fromLonLat([settings.center[0], settings.center[1]], projection));
    view.setZoom(settings.zoom);
  } else {
    fitExtent(map, transformExtent([...(settings.extent ?? FRANCE)], 'EPSG:4326', projection));
  }
  return map;
}

export function fitExtent(map: OlMap, extent: Extent, maxZoom = 18): void {
  if (isEmpty(extent) || !extent.every((value) => Number.isFinite(value))) return;
  map.getView().fit(extent, { padding: [24, 24, 24, 24], maxZoom, ...(map.getSize() ? {} : { size: [600, 400] }) });
}

export function fitGeometry(map: OlMap, geometry: Geometry): void {
  fitExtent(map, geometry.getExtent(), 17);
}
