/** Reading the `data-carte-*` attributes a page wrote. */
import { ATTRIBUTES, type MapSettings } from './contract.ts';

const DEFAULT_SETTINGS: MapSettings = { projection: 'EPSG:3857', center: null, extent: null, zoom: null, baseLayers: [], overlays: [] };

export function readJson<T>(element: HTMLElement, attribute: string, fallback: T): T {
  const text = element.getAttribute(attribute);
  if (!text) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

export const readSettings = (element: HTMLElement): MapSettings => ({ ...DEFAULT_SETTINGS, ...readJson<Partial<MapSettings>>(element, ATTRIBUTES.configuration, {}) });

/** The element of class `name` inside `root`, typed. */
export function part<T extends HTMLElement>(root: HTMLElement, name: string, type: new () => T): T | undefined {
  const found = root.querySelector(`.${name}`);
  return found instanceof type ? found : undefined;
}

/** `{count}`-style placeholders of the texts the page gave. */
export const fill = (text: string, values: Record<string, string | number>): string =>
  text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
