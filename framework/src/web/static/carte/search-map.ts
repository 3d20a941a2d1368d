/**
 * The « Voir sur la carte » page: the current search drawn from the GeoJSON endpoint (the view's
 * bbox, reloaded on move when the limit was reached), clustered when the features are points; a
 * click, or Enter on the list of the features shown beside the map, opens their summary; the
 * selection tools turn a drawn shape into a search filter for the page's links.
 */
import type Feature from 'ol/Feature.js';
import type OlMap from 'ol/Map.js';
import { boundingExtent } from 'ol/extent.js';
import VectorLayer from 'ol/layer/Vector.js';
import Cluster from 'ol/source/Cluster.js';
import type VectorSource from 'ol/source/Vector.js';
import { createMap, fitExtent } from './base-map.ts';
import { ATTRIBUTES, type SearchTexts } from './contract.ts';
import { geoJsonSource } from './layers.ts';
import { anchorOf, labelOf, NUMBER, showFeatureList } from './feature-list.ts';
import { createPopup } from './popup.ts';
import { setUpSelection, withSelection } from './selection.ts';
import { fill, part, readJson, readSettings } from './settings.ts';
import { clusterStyle, COLORS, plainStyle } from './styles.ts';

const EMPTY_TEXTS: SearchTexts = {
  listEmpty: '', listMore: '', limit: '', loading: '', loaded: '', loadError: '', open: '', close: '', cluster: '', selectionNone: '', selectionDone: '',
};

export function setUpSearchMap(root: HTMLElement): void {
  const target = part(root, 'carte-fond', HTMLDivElement);
  const address = root.getAttribute(ATTRIBUTES.features);
  const field = root.getAttribute(ATTRIBUTES.field);
  if (!target || !address || !field) return;
  const texts = { ...EMPTY_TEXTS, ...readJson<Partial<SearchTexts>>(root, ATTRIBUTES.texts, {}) };
  const settings = readSettings(root);
  const status = part(root, 'carte-etat', HTMLElement);
  const limitFlag = part(root, 'carte-limite', HTMLElement);
  const list = part(root, 'carte-elements', HTMLUListElement);
  const more = part(root, 'carte-plus', HTMLElement);
  const popupElement = part(root, 'carte-popup', HTMLElement);
  const selectionState = part(root, 'carte-selection-etat', HTMLElement);
  const selectionLinks = part(root, 'carte-selection-liens', HTMLElement);
  const points = /point/i.test(root.getAttribute(ATTRIBUTES.geometryType) ?? '');
  for (const shown of root.querySelectorAll<HTMLElement>('.carte-outils, .carte-fond, .carte-consigne, .carte-liste')) shown.hidden = false;
  for (const hidden of root.querySelectorAll<HTMLElement>('.carte-sans-script')) hidden.hidden = true;

  let limited = false;
  let firstLoad = true;
  const setStatus = (text: string) => {
    if (status) status.textContent = text;
  };
  setStatus(texts.loading);
  const source: VectorSource = geoJsonSource(
    address,
    (answer) => {
      limited = answer.limitReached;
      if (limitFlag) {
        limitFlag.hidden = !answer.limitReached;
        limitFlag.textContent = fill(texts.limit, { limit: NUMBER.format(answer.limit ?? answer.count) });
      }
      setStatus(fill(texts.loaded, { count: NUMBER.format(answer.count) }));
      if (firstLoad && !settings.extent && !settings.center && answer.count > 0) {
        const extent = source.getExtent();
        if (extent) fitExtent(map, extent);
      }
      firstLoad = false;
      refreshList();
    },
    () => setStatus(texts.loadError),
  );
  const layer = points
    ? new VectorLayer({ source: new Cluster({ source, distance: 40, minDistance: 8 }), style: clusterStyle })
    : new VectorLayer({ source, style: plainStyle(COLORS.feature) });
  const map: OlMap = createMap(target, settings, [layer]);
  const popup = popupElement ? createPopup(map, popupElement) : undefined;

  const openFeature = (feature: Feature, fromKeyboard: boolean) => {
    const geometry = feature.getGeometry();
    if (!geometry || !popup) return;
    // The list names only features in view: the popup's auto-pan keeps it visible without moving the view.
    popup.open(feature, anchorOf(geometry), fromKeyboard);
  };

  function refreshList(): void {
    if (!list) return;
    const extent = map.getView().calculateExtent(map.getSize());
    const shown = source.getFeaturesInExtent(extent).sort((a, b) => labelOf(a).localeCompare(labelOf(b), 'fr'));
    showFeatureList(list, more, shown, texts, openFeature);
  }

  map.on('moveend', () => {
    // A limited answer holds only the first features: a new view asks again for its own.
    if (limited) source.refresh();
    refreshList();
  });
  map.on('singleclick', (event) => {
    const hit = map.forEachFeatureAtPixel(event.pixel, (feature) => feature, { layerFilter: (candidate) => candidate === layer, hitTolerance: 4 });
    if (!hit) return popup?.close();
    const members = hit.get('features') as Feature[] | undefined;
    if (members && members.length > 1) {
      const coordinates = members.map((member) => member.getGeometry()).filter((geometry) => geometry !== undefined).map((geometry) => anchorOf(geometry));
      fitExtent(map, boundingExtent(coordinates), 19);
      return;
    }
    const feature = members?.[0] ?? (hit as Feature);
    openFeature(feature, false);
  });

  const links = selectionLinks ? [...selectionLinks.querySelectorAll<HTMLAnchorElement>('a[data-carte-base]')] : [];
  const selection = setUpSelection(map, root, (wkt) => {
    for (const link of links) link.href = withSelection(link.getAttribute('data-carte-base') ?? link.href, field, wkt);
    if (selectionLinks) selectionLinks.hidden = wkt === null;
    if (selectionState) selectionState.textContent = wkt === null ? texts.selectionNone : texts.selectionDone;
  });
  root.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && selection.cancel()) event.preventDefault();
  });
}
