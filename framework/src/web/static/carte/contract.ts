/**
 * What the server writes into a map element's `data-carte-*` attributes, and the map
 * configuration of an object (contract item 3 of issue 13, `framework/src/maps/configuration.ts`),
 * as the browser receives it. Types only: shared by the pages that write them and the bundle.
 */

export type MapProjection = 'EPSG:3857' | 'EPSG:2154' | 'EPSG:4326';

export interface BaseLayerSettings {
  readonly id: string | number;
  readonly label: string;
  readonly kind: 'xyz' | 'wms' | 'wmts';
  readonly url: string;
  readonly layers?: string | null | undefined;
  readonly attribution?: string | null | undefined;
  readonly visible: boolean;
  readonly order: number;
}

export interface LegendEntry {
  readonly value: string;
  readonly label: string;
  readonly color: string;
}

export interface OverlaySettings {
  readonly id: string | number;
  readonly label: string;
  readonly app: string;
  readonly table: string;
  readonly geometryField: string;
  /** The GeoJSON address of the overlay's object (in EPSG:4326). */
  readonly source: string;
  readonly visible: boolean;
  readonly order: number;
  readonly style: { readonly field: string; readonly legend: readonly LegendEntry[] } | null;
}

export interface MapSettings {
  readonly projection: MapProjection;
  readonly center: readonly [number, number] | null;
  readonly extent: readonly [number, number, number, number] | null;
  readonly zoom: number | null;
  readonly baseLayers: readonly BaseLayerSettings[];
  readonly overlays: readonly OverlaySettings[];
}

/** The map of a form's geometry field (`data-carte="champ"`). */
export interface FieldTexts {
  readonly invalid: string;
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
  /** Marks an element the bundle has set up. */
  ready: 'data-carte-prete',
} as const;

export type MapKind = 'champ' | 'fiche' | 'recherche';
