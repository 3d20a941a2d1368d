/**
 * The list beside a map of the features in view (the keyboard's way to their summaries), shared by
 * the search map and the plan map: labels, the anchor of a summary, the buttons and « et N autres ».
 */
import type Feature from 'ol/Feature.js';
import type { FeatureLike } from 'ol/Feature.js';
import { getCenter } from 'ol/extent.js';
import type Geometry from 'ol/geom/Geometry.js';
import { fill } from './settings.ts';

/** Items in the list beside the map: beyond, « et N autres : zoomez ». */
export const LISTED = 50;
export const NUMBER = new Intl.NumberFormat('fr-FR');

export const labelOf = (feature: FeatureLike): string => {
  const label = feature.get('libelle');
  return typeof label === 'string' && label !== '' ? label : String(feature.getId() ?? '');
};

/** A point to open a summary at: the point itself, else the middle of the geometry's extent. */
export function anchorOf(geometry: Geometry): number[] {
  if (geometry.getType() === 'Point') return (geometry as unknown as { getCoordinates(): number[] }).getCoordinates();
  return getCenter(geometry.getExtent());
}

/** Fills `list` with a button per feature (already sorted), and `more` with what is left out. */
export function showFeatureList(
  list: HTMLUListElement,
  more: HTMLElement | undefined,
  shown: readonly Feature[],
  texts: { readonly listEmpty: string; readonly listMore: string },
  open: (feature: Feature, fromKeyboard: boolean) => void,
): void {
  list.replaceChildren(
    ...shown.slice(0, LISTED).map((feature) => {
      const item = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'carte-lien-bouton';
      button.textContent = labelOf(feature);
      button.addEventListener('click', (event) => open(feature, event.detail === 0));
      item.append(button);
      return item;
    }),
  );
  if (more) more.textContent = shown.length === 0 ? texts.listEmpty : shown.length > LISTED ? fill(texts.listMore, { count: NUMBER.format(shown.length - LISTED) }) : '';
}
