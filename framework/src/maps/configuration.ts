/**
 * What a map of an object shows (contract item 3 of issue 13): the collectivité's map for that
 * object, else its default map, else a built-in one (Web Mercator, no base layer, no extent: the
 * vector layers alone, which works offline). Read as the actor: row-level security keeps each
 * collectivité to its own maps, and an overlay of an object the actor may not list is left out.
 */
import { sql } from 'kysely';
import { SYSTEM_ACTOR, type Actor } from '../access/actor.ts';
import { can } from '../access/permissions.ts';
import type { Database } from '../db/connection.ts';
import { readAs } from '../db/tenant-context.ts';
import { objectOfObjet } from '../documents/objet.ts';
import type { Registry } from '../model/registry.ts';

export type MapProjection = 'EPSG:3857' | 'EPSG:2154' | 'EPSG:4326';
/** `image`: one georeferenced picture (a scanned plan) at an address of this site, over `extent`. */
export type BaseLayerKind = 'xyz' | 'wms' | 'wmts' | 'image';

export interface MapBaseLayer {
  readonly id: number;
  readonly label: string;
  readonly kind: BaseLayerKind;
  readonly url: string;
  readonly layers?: string;
  readonly attribution?: string;
  /** `image` only: where the picture lies, [xmin, ymin, xmax, ymax] in the map's projection. */
  readonly extent?: readonly [number, number, number, number];
  readonly visible: boolean;
  readonly order: number;
}

export interface MapLegendEntry {
  readonly value: string;
  readonly label: string;
  readonly color: string;
}

export interface MapOverlay {
  readonly id: number;
  readonly label: string;
  readonly app: string;
  readonly table: string;
  readonly geometryField: string;
  /** The GeoJSON of the object's listing (`/api/v1/<app>/<table>?format=geojson&geometrie=<field>`). */
  readonly source: string;
  readonly visible: boolean;
  readonly order: number;
  readonly style: { readonly field: string; readonly legend: readonly MapLegendEntry[] } | null;
}

export interface MapConfiguration {
  readonly projection: MapProjection;
  /** [longitude, latitude] in EPSG:4326. */
  readonly center: readonly [number, number] | null;
  /** [minLon, minLat, maxLon, maxLat] in EPSG:4326. */
  readonly extent: readonly [number, number, number, number] | null;
  readonly zoom: number | null;
  readonly baseLayers: readonly MapBaseLayer[];
  readonly overlays: readonly MapOverlay[];
}

export const BUILT_IN_MAP: MapConfiguration = { projection: 'EPSG:3857', center: null, extent: null, zoom: null, baseLayers: [], overlays: [] };

interface MapRow {
  om_sig_carte: number;
  projection: string;
  centre_longitude: string | number | null;
  centre_latitude: string | number | null;
  zoom: number | null;
  emprise_min_longitude: string | number | null;
  emprise_min_latitude: string | number | null;
  emprise_max_longitude: string | number | null;
  emprise_max_latitude: string | number | null;
}

interface BaseLayerRow {
  om_sig_flux: number;
  libelle: string;
  type: string;
  url: string;
  couches: string | null;
  attribution: string | null;
  visible: boolean;
  ordre: number;
}

interface OverlayRow {
  om_sig_couche: number;
  libelle: string;
  objet: string;
  champ_geometrie: string | null;
  champ_style: string | null;
  visible: boolean;
  ordre: number;
}

interface LegendRow {
  om_sig_couche: number;
  valeur: string;
  libelle: string;
  couleur: string;
}

const PROJECTIONS: readonly MapProjection[] = ['EPSG:3857', 'EPSG:2154', 'EPSG:4326'];
// What om_sig_flux holds; `image` layers are given by an application's page (maps/image-layer.ts).
const KINDS: readonly BaseLayerKind[] = ['xyz', 'wms', 'wmts'];

const numberOrNull = (value: string | number | null): number | null => (value === null ? null : Number(value));

function viewOf(row: MapRow): Pick<MapConfiguration, 'projection' | 'center' | 'extent' | 'zoom'> {
  const [lon, lat] = [numberOrNull(row.centre_longitude), numberOrNull(row.centre_latitude)];
  const bounds = [row.emprise_min_longitude, row.emprise_min_latitude, row.emprise_max_longitude, row.emprise_max_latitude].map(numberOrNull);
  const [minLon, minLat, maxLon, maxLat] = bounds;
  return {
    projection: PROJECTIONS.find((projection) => projection === row.projection) ?? 'EPSG:3857',
    center: lon !== null && lat !== null ? [lon, lat] : null,
    extent: minLon != null && minLat != null && maxLon != null && maxLat != null ? [minLon, minLat, maxLon, maxLat] : null,
    zoom: row.zoom === null ? null : Number(row.zoom),
  };
}

function baseLayerOf(row: BaseLayerRow): MapBaseLayer | undefined {
  const kind = KINDS.find((candidate) => candidate === row.type);
  if (!kind) return undefined;
  return {
    id: Number(row.om_sig_flux),
    label: row.libelle,
    kind,
    url: row.url,
    ...(row.couches ? { layers: row.couches } : {}),
    ...(row.attribution ? { attribution: row.attribution } : {}),
    visible: row.visible,
    order: Number(row.ordre),
  };
}

/** The overlay as the client draws it, or nothing: an unknown object, no geometry field, or not listable by the actor. */
function overlayOf(registry: Registry, actor: Actor, row: OverlayRow, legends: readonly LegendRow[]): MapOverlay | undefined {
  const object = objectOfObjet(registry, row.objet);
  if (!object || !can(actor, object, 'tab')) return undefined;
  const geometries = object.meta.fields.filter((field) => field.kind === 'geometry');
  const geometryField = row.champ_geometrie ? geometries.find((field) => field.name === row.champ_geometrie)?.name : geometries[0]?.name;
  if (!geometryField) return undefined;
  const query = new URLSearchParams({ format: 'geojson', geometrie: geometryField });
  return {
    id: Number(row.om_sig_couche),
    label: row.libelle,
    app: object.app,
    table: object.name,
    geometryField,
    source: `/api/v1/${encodeURIComponent(object.app)}/${encodeURIComponent(object.name)}?${query.toString()}`,
    visible: row.visible,
    order: Number(row.ordre),
    style: row.champ_style
      ? {
          field: row.champ_style,
          legend: legends
            .filter((legend) => Number(legend.om_sig_couche) === Number(row.om_sig_couche))
            .map((legend) => ({ value: legend.valeur, label: legend.libelle, color: legend.couleur })),
        }
      : null,
  };
}

/** What the map needs beyond the actor: the database and the registered objects (a runtime, or the records' ServiceDeps). */
export interface MapDeps {
  readonly db: Database;
  readonly registry: Registry;
}

/**
 * The map of `<app>.<table>` for the actor's working collectivité: its own map of the object, else
 * the niveau-2 collectivité's (shared by every commune, as its documents are), else its own default
 * map, else the niveau-2 default. The settings are no secret: they are read as the framework (a
 * commune's user cannot read niveau-2 rows); what the map draws is read as the user.
 */
export async function mapConfiguration(deps: MapDeps, actor: Actor, app: string, table: string): Promise<MapConfiguration> {
  const { db, registry } = deps;
  const objet = `${app}.${table}`;
  return readAs(db.kysely, SYSTEM_ACTOR, async (connection) => {
    const { rows: maps } = await sql<MapRow>`select m.om_sig_carte, m.projection, m.centre_longitude, m.centre_latitude, m.zoom,
        m.emprise_min_longitude, m.emprise_min_latitude, m.emprise_max_longitude, m.emprise_max_latitude
      from om.om_sig_carte m join om.om_collectivite c on c.om_collectivite = m.om_collectivite
      where (m.om_collectivite = ${actor.workingCollectivite} or c.niveau = '2') and (m.objet = ${objet} or m.objet is null or m.objet = '')
      order by (m.objet = ${objet}) desc nulls last, (m.om_collectivite = ${actor.workingCollectivite}) desc, m.om_sig_carte
      limit 1`.execute(connection);
    const map = maps[0];
    if (!map) return BUILT_IN_MAP;
    const { rows: baseLayers } = await sql<BaseLayerRow>`select f.om_sig_flux, f.libelle, f.type, f.url, f.couches, f.attribution, cf.visible, cf.ordre
      from om.om_sig_carte_flux cf join om.om_sig_flux f on f.om_sig_flux = cf.om_sig_flux
      where cf.om_sig_carte = ${map.om_sig_carte}
      order by cf.ordre, cf.om_sig_carte_flux`.execute(connection);
    const { rows: overlays } = await sql<OverlayRow>`select om_sig_couche, libelle, objet, champ_geometrie, champ_style, visible, ordre
      from om.om_sig_couche where om_sig_carte = ${map.om_sig_carte}
      order by ordre, om_sig_couche`.execute(connection);
    const { rows: legends } = await sql<LegendRow>`select l.om_sig_couche, l.valeur, l.libelle, l.couleur
      from om.om_sig_legende l join om.om_sig_couche c on c.om_sig_couche = l.om_sig_couche
      where c.om_sig_carte = ${map.om_sig_carte}
      order by l.om_sig_legende`.execute(connection);
    return {
      ...viewOf(map),
      baseLayers: baseLayers.flatMap((row) => baseLayerOf(row) ?? []),
      overlays: overlays.flatMap((row) => overlayOf(registry, actor, row, legends) ?? []),
    };
  });
}
