/**
 * « Sélectionner par un rectangle / par un polygone »: the drawn shape becomes the search filter
 * `filter[<field>][intersects]=<WKT in EPSG:4326>` (a « panier »), added to the links that open
 * the selection in the listing, export it or print it.
 */
import type OlMap from 'ol/Map.js';
import WKT from 'ol/format/WKT.js';
import type Geometry from 'ol/geom/Geometry.js';
import Draw, { createBox } from 'ol/interaction/Draw.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import { COLORS, plainStyle } from './styles.ts';

type Shape = 'rectangle' | 'polygone';

export function selectionParameter(field: string): string {
  return `filter[${field}][intersects]`;
}

/** `base` (a link of the page) with the selection's filter added, or removed when there is none. */
export function withSelection(base: string, field: string, wkt: string | null): string {
  const url = new URL(base, window.location.href);
  url.searchParams.delete(selectionParameter(field));
  if (wkt !== null) url.searchParams.set(selectionParameter(field), wkt);
  return `${url.pathname}${url.search}`;
}

export function geometryAsWkt4326(geometry: Geometry, viewProjection: string): string {
  return new WKT().writeGeometry(geometry, { dataProjection: 'EPSG:4326', featureProjection: viewProjection, decimals: 7 });
}

export interface SelectionTools {
  /** Whether a drawing is under way (Escape cancels it). */
  cancel(): boolean;
}

export function setUpSelection(
  map: OlMap,
  root: HTMLElement,
  onSelection: (wkt: string | null) => void,
): SelectionTools {
  const source = new VectorSource();
  map.addLayer(new VectorLayer({ source, style: plainStyle(COLORS.selection, 2), zIndex: 10 }));
  const projection = map.getView().getProjection().getCode();
  const buttons = [...root.querySelectorAll<HTMLButtonElement>('button[data-carte-selection]')];
  const clearButton = root.querySelector<HTMLButtonElement>('button.carte-effacer');
  let draw: Draw | undefined;
  const stop = () => {
    if (draw) map.removeInteraction(draw);
    draw = undefined;
    for (const button of buttons) button.setAttribute('aria-pressed', 'false');
  };
  const start = (shape: Shape, button: HTMLButtonElement) => {
    stop();
    draw = shape === 'rectangle' ? new Draw({ source, type: 'Circle', geometryFunction: createBox() }) : new Draw({ source, type: 'Polygon' });
    draw.on('drawstart', () => source.clear());
    draw.on('drawend', (event) => {
      const geometry = event.feature.getGeometry();
      if (geometry) onSelection(geometryAsWkt4326(geometry, projection));
      if (clearButton) clearButton.disabled = false;
      window.setTimeout(stop, 0);
    });
    map.addInteraction(draw);
    button.setAttribute('aria-pressed', 'true');
  };
  for (const button of buttons) {
    const shape = button.getAttribute('data-carte-selection') as Shape | null;
    if (!shape) continue;
    button.addEventListener('click', () => (button.getAttribute('aria-pressed') === 'true' ? stop() : start(shape, button)));
  }
  clearButton?.addEventListener('click', () => {
    stop();
    source.clear();
    clearButton.disabled = true;
    onSelection(null);
  });
  return {
    cancel() {
      if (!draw) return false;
      draw.abortDrawing();
      stop();
      return true;
    },
  };
}
