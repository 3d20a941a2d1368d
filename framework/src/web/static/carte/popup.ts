/** The summary of a feature over the map: its label and the link to its record; Escape or « Fermer » closes it. */
import type Feature from 'ol/Feature.js';
import type OlMap from 'ol/Map.js';
import Overlay from 'ol/Overlay.js';
import type { Coordinate } from 'ol/coordinate.js';
import { part } from './settings.ts';

export interface Popup {
  open(feature: Feature, at: Coordinate, fromKeyboard: boolean): void;
  close(): void;
}

export function createPopup(map: OlMap, element: HTMLElement): Popup {
  const title = part(element, 'carte-popup-titre', HTMLElement);
  const link = part(element, 'carte-popup-lien', HTMLAnchorElement);
  const closeButton = part(element, 'carte-popup-fermer', HTMLButtonElement);
  const overlay = new Overlay({ element, autoPan: { animation: { duration: 200 } }, positioning: 'bottom-center', offset: [0, -12] });
  map.addOverlay(overlay);
  let returnFocus: HTMLElement | null = null;
  const close = () => {
    overlay.setPosition(undefined);
    element.hidden = true;
    returnFocus?.focus();
    returnFocus = null;
  };
  closeButton?.addEventListener('click', close);
  element.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    close();
  });
  return {
    open(feature, at, fromKeyboard) {
      const label = feature.get('libelle');
      const url = feature.get('url');
      if (title) title.textContent = typeof label === 'string' && label !== '' ? label : String(feature.getId() ?? '');
      if (link) {
        link.hidden = typeof url !== 'string';
        if (typeof url === 'string') link.href = url;
      }
      element.hidden = false;
      overlay.setPosition(at);
      if (fromKeyboard) {
        returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
        (link && !link.hidden ? link : closeButton)?.focus();
      }
    },
    close,
  };
}
