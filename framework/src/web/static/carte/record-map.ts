/** The record page's small map: the record's geometry (GeoJSON in the column's SRID), framed. */
import Feature from 'ol/Feature.js';
import GeoJSON from 'ol/format/GeoJSON.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import { createMap, fitGeometry } from './base-map.ts';
import { ATTRIBUTES } from './contract.ts';
import { projectionOfSrid } from './projections.ts';
import { part, readSettings } from './settings.ts';
import { COLORS, plainStyle } from './styles.ts';

export function setUpRecordMap(root: HTMLElement): void {
  const target = part(root, 'carte-fond', HTMLDivElement);
  const dataProjection = projectionOfSrid(Number(root.getAttribute(ATTRIBUTES.srid) ?? '0'));
  const value = root.getAttribute(ATTRIBUTES.geometry);
  if (!target || !dataProjection || !value) return;
  const settings = readSettings(root);
  let geometry;
  try {
    geometry = new GeoJSON().readGeometry(JSON.parse(value), { dataProjection, featureProjection: settings.projection });
  } catch {
    return;
  }
  if (!geometry) return;
  target.hidden = false;
  const source = new VectorSource({ features: [new Feature(geometry)] });
  const map = createMap(target, settings, [new VectorLayer({ source, style: plainStyle(COLORS.edited, 3) })]);
  fitGeometry(map, geometry);
}
