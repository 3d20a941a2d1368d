/**
 * What the server writes into a map element's `data-carte-*` attributes, and the map
 * configuration of an object (contract item 3 of issue 13, `framework/src/maps/configuration.ts`),
 * as the browser receives it. Types only: shared by the pages that write them and the bundle.
 */

export type { MapProjection } from '../../../maps/configuration.ts';
import type { MapBaseLayer, MapConfiguration, MapLegendEntry, MapOverlay } from '../../../maps/configuration.ts';

// The browser receives the server's configuration as it is (types only: nothing of the server is bundled).
export type BaseLayerSettings = MapBaseLayer;
export type LegendEntry = MapLegendEntry;
export type OverlaySettings = MapOverlay;
export type MapSettings = MapConfiguration;

/** The map of a form's geometry field (`data-carte="champ"`). */
export interface FieldTexts {
  readonly invalid: string;
  /** « Localiser » failed without an answer from the server. */
  readonly localiserError?: string;
}

/** The map of the « Voir sur la carte » page (`data-carte="recherche"`). */
export interface SearchTexts {
  readonly listEmpty: string;
  readonly listMore: string;
  readonly limit: string;
  readonly loading: string;
  readonly loaded: string;
  readonly loadError: string;
  readonly open: string;
  readonly close: string;
  readonly cluster: string;
  readonly selectionNone: string;
  readonly selectionDone: string;
}

/** The plan of a place (`data-carte="plan"`): the configured layers only, a summary on click. */
export interface PlanTexts {
  readonly loading: string;
  /** `{count}` features of the main overlay (the one whose source is `data-carte-elements`). */
  readonly loaded: string;
  readonly loadError: string;
  /** The list of the main overlay's features in view (`.carte-elements`): none, `{count}` more. */
  readonly listEmpty: string;
  readonly listMore: string;
}

/** Attribute names (the server writes them, the bundle reads them). */
export const ATTRIBUTES = {
  kind: 'data-carte',
  configuration: 'data-carte-configuration',
  texts: 'data-carte-textes',
  geometryType: 'data-carte-geometrie',
  srid: 'data-carte-srid',
  /** The GeoJSON address of features to show (the record's neighbours, the search). */
  features: 'data-carte-elements',
  /** The geometry field named in selection filters. */
  field: 'data-carte-champ',
  /** The record’s geometry as GeoJSON, in the column’s SRID (record page). */
  geometry: 'data-carte-valeur',
  /** The address of `GET /<app>/<table>/localiser` (a geometry field whose object locates addresses). */
  localiser: 'data-carte-localiser',
  /** The form fields the address is read from (JSON array of names). */
  localiserFields: 'data-carte-localiser-champs',
  /** Plan maps: the features loaded per overlay label (JSON), written by the bundle for the page's tests and tools. */
  loadedCounts: 'data-carte-chargees',
  /** Plan maps: the view's extent in the map's projection (JSON [xmin, ymin, xmax, ymax]) after each move. */
  viewExtent: 'data-carte-vue',
  /** Plan maps: `chargee` or `erreur` once the picture of an image base layer answered. */
  imageState: 'data-carte-image',
  /** Marks an element the bundle has set up. */
  ready: 'data-carte-prete',
} as const;

export type MapKind = 'champ' | 'fiche' | 'recherche' | 'plan';
