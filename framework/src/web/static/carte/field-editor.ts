/**
 * A form's geometry field: the map where the user draws (ol Draw), reshapes and moves (Modify)
 * the geometry, snapping to the other features shown (Snap), and the WKT textarea the form posts.
 * The map writes into the textarea; typing in the textarea redraws the map. Escape cancels a
 * drawing; « Supprimer la géométrie » empties both.
 */
import Feature from 'ol/Feature.js';
import type OlMap from 'ol/Map.js';
import type Geometry from 'ol/geom/Geometry.js';
import LineString from 'ol/geom/LineString.js';
import MultiLineString from 'ol/geom/MultiLineString.js';
import MultiPoint from 'ol/geom/MultiPoint.js';
import MultiPolygon from 'ol/geom/MultiPolygon.js';
import Point from 'ol/geom/Point.js';
import Polygon from 'ol/geom/Polygon.js';
import Draw from 'ol/interaction/Draw.js';
import Modify from 'ol/interaction/Modify.js';
import Snap from 'ol/interaction/Snap.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import { createMap, fitGeometry } from './base-map.ts';
import { ATTRIBUTES, type FieldTexts } from './contract.ts';
import { setUpLocaliser } from './field-localiser.ts';
import { geoJsonSource } from './layers.ts';
import { projectionOfSrid } from './projections.ts';
import { part, readJson, readSettings } from './settings.ts';
import { COLORS, plainStyle } from './styles.ts';
import { readWkt, writeWkt } from './wkt.ts';

type DrawnType = 'Point' | 'LineString' | 'Polygon';

/** `Point`, `MultiPolygon`, `Geometry`… (PostGIS's names, any case) → what a drawing makes, and whether it adds parts. */
function kindOf(declared: string): { multi: boolean; base: DrawnType | undefined } {
  const name = declared.toLowerCase().replace(/[zm]+$/, '');
  const multi = name.startsWith('multi');
  const simple = multi ? name.slice(5) : name;
  const base = simple === 'point' ? 'Point' : simple === 'linestring' ? 'LineString' : simple === 'polygon' ? 'Polygon' : undefined;
  return { multi, base };
}

/** The drawn part added to what there was: a multi- geometry grows, a simple one is replaced. */
function combine(current: Geometry | undefined, drawn: Geometry, multi: boolean): Geometry {
  if (!multi) return drawn;
  if (drawn instanceof Point) return new MultiPoint([...(current instanceof MultiPoint ? current.getCoordinates() : []), drawn.getCoordinates()]);
  if (drawn instanceof LineString) return new MultiLineString([...(current instanceof MultiLineString ? current.getCoordinates() : []), drawn.getCoordinates()]);
  if (drawn instanceof Polygon) return new MultiPolygon([...(current instanceof MultiPolygon ? current.getCoordinates() : []), drawn.getCoordinates()]);
  return drawn;
}

export function setUpFieldEditor(root: HTMLElement): void {
  const textarea = part(root, 'carte-wkt', HTMLTextAreaElement);
  const target = part(root, 'carte-fond', HTMLDivElement);
  const error = part(root, 'carte-erreur', HTMLParagraphElement);
  const srid = Number(root.getAttribute(ATTRIBUTES.srid) ?? '0');
  if (!textarea || !target || !projectionOfSrid(srid)) return;
  const texts = readJson<FieldTexts>(root, ATTRIBUTES.texts, { invalid: '' });
  const settings = readSettings(root);
  const viewProjection = settings.projection;
  const { multi, base } = kindOf(root.getAttribute(ATTRIBUTES.geometryType) ?? 'Geometry');

  const source = new VectorSource();
  const layers = [];
  const neighboursAddress = root.getAttribute(ATTRIBUTES.features);
  const neighbours = neighboursAddress ? new VectorLayer({ source: geoJsonSource(neighboursAddress), style: plainStyle(COLORS.neighbour, 1) }) : undefined;
  if (neighbours) layers.push(neighbours);
  layers.push(new VectorLayer({ source, style: plainStyle(COLORS.edited, 3) }));
  for (const hidden of root.querySelectorAll<HTMLElement>('.carte-outils, .carte-fond, .carte-consigne')) hidden.hidden = false;
  const map: OlMap = createMap(target, settings, layers);

  let writing = false;
  const current = (): Geometry | undefined => source.getFeatures()[0]?.getGeometry();
  const showError = (message: string | null) => {
    if (!error) return;
    error.textContent = message ?? '';
    error.hidden = message === null;
    if (message === null) textarea.removeAttribute('aria-invalid');
    else textarea.setAttribute('aria-invalid', 'true');
  };
  const writeText = () => {
    const geometry = current();
    textarea.value = geometry ? writeWkt(geometry, srid, viewProjection) : '';
    showError(null);
    // Other scripts of the form hear of the change; the map, which made it, does not redraw itself.
    writing = true;
    textarea.dispatchEvent(new Event('change', { bubbles: true }));
    writing = false;
  };
  const setGeometry = (geometry: Geometry | undefined) => {
    source.clear();
    if (geometry) source.addFeature(new Feature(geometry));
  };
  const readText = (fit: boolean) => {
    const result = readWkt(textarea.value, srid, viewProjection);
    if (result.kind === 'invalid') return showError(texts.invalid);
    showError(null);
    setGeometry(result.kind === 'geometry' ? result.geometry : undefined);
    if (fit && result.kind === 'geometry') fitGeometry(map, result.geometry);
  };
  readText(true);
  textarea.addEventListener('input', () => readText(false));
  textarea.addEventListener('change', () => {
    if (!writing) readText(true);
  });

  const modify = new Modify({ source });
  modify.on('modifyend', writeText);
  map.addInteraction(modify);

  // Snapping to the edited geometry and to every other vector layer shown (neighbours, overlays):
  // added after the drawing and modifying interactions, as OpenLayers asks.
  const snapSources = map
    .getAllLayers()
    .map((layer) => (layer instanceof VectorLayer ? layer.getSource() : null))
    .filter((candidate): candidate is VectorSource => candidate instanceof VectorSource);
  let snaps: Snap[] = [];
  const addSnaps = () => {
    for (const snap of snaps) map.removeInteraction(snap);
    snaps = snapSources.map((snapSource) => new Snap({ source: snapSource }));
    for (const snap of snaps) map.addInteraction(snap);
  };

  let draw: Draw | undefined;
  const drawButtons = [...root.querySelectorAll<HTMLButtonElement>('button[data-carte-dessin]')];
  const stopDrawing = () => {
    if (draw) map.removeInteraction(draw);
    draw = undefined;
    for (const button of drawButtons) button.setAttribute('aria-pressed', 'false');
  };
  const startDrawing = (type: DrawnType, button: HTMLButtonElement) => {
    stopDrawing();
    draw = new Draw({ type, style: plainStyle(COLORS.edited, 2) });
    draw.on('drawend', (event) => {
      const drawn = event.feature.getGeometry();
      if (drawn) setGeometry(combine(current(), drawn, multi));
      writeText();
      // A drawing ends the tool: the next click moves the map or the vertices.
      window.setTimeout(stopDrawing, 0);
    });
    map.addInteraction(draw);
    addSnaps();
    button.setAttribute('aria-pressed', 'true');
    target.focus();
  };
  for (const button of drawButtons) {
    const type = button.getAttribute('data-carte-dessin') as DrawnType | null;
    if (!type || (base && type !== base)) continue;
    button.addEventListener('click', () => (button.getAttribute('aria-pressed') === 'true' ? stopDrawing() : startDrawing(type, button)));
  }
  root.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || !draw) return;
    event.preventDefault();
    draw.abortDrawing();
    stopDrawing();
  });
  part(root, 'carte-supprimer', HTMLButtonElement)?.addEventListener('click', () => {
    stopDrawing();
    setGeometry(undefined);
    writeText();
  });
  addSnaps();
  setUpLocaliser(root, {
    projection: viewProjection,
    error: texts.localiserError ?? '',
    place: (point) => {
      stopDrawing();
      setGeometry(combine(undefined, point, multi));
      writeText();
      fitGeometry(map, point);
    },
  });
}
