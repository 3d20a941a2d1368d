/**
 * A plan (`data-carte="plan"`): the configured base layers (a scanned plan picture among them) and
 * overlays only, the view on the configured extent; a click on a feature opens its summary and
 * link, and so does the keyboard from the list of the main overlay's features in view beside the
 * map. The features loaded per overlay (`data-carte-chargees`) and the view's extent in the map's
 * projection (`data-carte-vue`) are written on the element; the main overlay's count is said in the
 * status line.
 */
import type Feature from 'ol/Feature.js';
import ImageLayer from 'ol/layer/Image.js';
import VectorLayer from 'ol/layer/Vector.js';
import type ImageSource from 'ol/source/Image.js';
import type VectorSource from 'ol/source/Vector.js';
import { createMap } from './base-map.ts';
import { ATTRIBUTES, type PlanTexts } from './contract.ts';
import { anchorOf, labelOf, NUMBER, showFeatureList } from './feature-list.ts';
import { createPopup } from './popup.ts';
import { fill, part, readJson, readSettings } from './settings.ts';

const EMPTY_TEXTS: PlanTexts = { loading: '', loaded: '', loadError: '', listEmpty: '', listMore: '' };

export function setUpPlanMap(root: HTMLElement): void {
  const target = part(root, 'carte-fond', HTMLDivElement);
  if (!target) return;
  const texts = { ...EMPTY_TEXTS, ...readJson<Partial<PlanTexts>>(root, ATTRIBUTES.texts, {}) };
  const settings = readSettings(root);
  const main = root.getAttribute(ATTRIBUTES.features);
  const status = part(root, 'carte-etat', HTMLElement);
  const popupElement = part(root, 'carte-popup', HTMLElement);
  for (const shown of root.querySelectorAll<HTMLElement>('.carte-fond, .carte-liste')) shown.hidden = false;
  for (const hidden of root.querySelectorAll<HTMLElement>('.carte-sans-script')) hidden.hidden = true;
  if (status) status.textContent = texts.loading;

  const map = createMap(target, settings, []);
  const popup = popupElement ? createPopup(map, popupElement) : undefined;
  const counts: Record<string, number> = {};
  const mainLabels = new Set(settings.overlays.filter((overlay) => overlay.source === main).map((overlay) => overlay.label));

  for (const layer of map.getLayers().getArray()) {
    const title = String(layer.get('title') ?? '');
    if (layer instanceof VectorLayer) {
      const source = layer.getSource() as VectorSource | null;
      source?.on('featuresloadend', () => {
        counts[title] = source.getFeatures().length;
        root.setAttribute(ATTRIBUTES.loadedCounts, JSON.stringify(counts));
        if (status && mainLabels.has(title)) status.textContent = fill(texts.loaded, { count: NUMBER.format(counts[title] ?? 0) });
      });
      source?.on('featuresloaderror', () => {
        if (status && mainLabels.has(title)) status.textContent = texts.loadError;
      });
    } else if (layer instanceof ImageLayer) {
      const source = layer.getSource() as ImageSource | null;
      source?.on('imageloadend', () => root.setAttribute(ATTRIBUTES.imageState, 'chargee'));
      source?.on('imageloaderror', () => root.setAttribute(ATTRIBUTES.imageState, 'erreur'));
    }
  }

  const list = part(root, 'carte-elements', HTMLUListElement);
  const more = part(root, 'carte-plus', HTMLElement);
  const mainSources = map.getLayers().getArray().flatMap((layer) =>
    layer instanceof VectorLayer && mainLabels.has(String(layer.get('title') ?? '')) ? [layer.getSource() as VectorSource] : [],
  );
  const openFeature = (feature: Feature, fromKeyboard: boolean) => {
    const geometry = feature.getGeometry();
    if (geometry && popup) popup.open(feature, anchorOf(geometry), fromKeyboard);
  };
  /** The main overlay's features in view, as buttons: the keyboard's way to the summaries. */
  const refreshList = () => {
    const size = map.getSize();
    if (!list || !size) return;
    const extent = map.getView().calculateExtent(size);
    const shown = mainSources.flatMap((source) => source.getFeaturesInExtent(extent)).sort((a, b) => labelOf(a).localeCompare(labelOf(b), 'fr', { numeric: true }));
    showFeatureList(list, more, shown, texts, openFeature);
  };
  for (const source of mainSources) source.on('featuresloadend', refreshList);
  map.on('moveend', () => {
    const size = map.getSize();
    if (size) root.setAttribute(ATTRIBUTES.viewExtent, JSON.stringify(map.getView().calculateExtent(size)));
    refreshList();
  });
  map.on('singleclick', (event) => {
    // The top-most feature with a record to open (overlays drawn last are hit first).
    const hit = map.forEachFeatureAtPixel(event.pixel, (feature) => (typeof feature.get('url') === 'string' ? feature : undefined), { hitTolerance: 4 });
    if (!hit || !popup) return popup?.close();
    openFeature(hit as Feature, false);
  });
}
