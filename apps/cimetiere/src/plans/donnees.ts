/**
 * Ce que le plan d’un cimetière lit, comme l’utilisateur (sécurité au niveau des lignes) : le
 * cimetière, l’emprise de ses géométries, ses plans scannés, ses emplacements comptés par état et
 * ses emplacements placés (GeoJSON en EPSG:4326, dans la boîte que la carte demande).
 */
import { sql } from 'kysely';
import type { Db } from '../../../../framework/src/db/connection.ts';
import { LEGENDE_ETATS, type EtatEmplacement } from './configuration.ts';

export interface CimetierePlan {
  readonly cimetiere: number;
  readonly libelle: string;
  /** [ouest, sud, est, nord] en EPSG:4326 ; null sans aucune géométrie. */
  readonly emprise: readonly [number, number, number, number] | null;
}

export interface PlanScanne {
  readonly plan: number;
  readonly libelle: string;
  /** [x_min, y_min, x_max, y_max] en Lambert-93. */
  readonly emprise: readonly [number, number, number, number];
}

export interface CompteEtat {
  readonly etat: EtatEmplacement;
  readonly libelle: string;
  readonly total: number;
  readonly places: number;
}

export async function lireCimetiere(db: Db, cimetiere: number): Promise<CimetierePlan | undefined> {
  const { rows } = await sql<{ cimetiere: number; libelle: string; ouest: number | null; sud: number | null; est: number | null; nord: number | null }>`
    with geometries as (
      select perimetre as g from cimetiere.cimetiere where cimetiere = ${cimetiere} and perimetre is not null
      union all select z.geom from cimetiere.zone z where z.cimetiere = ${cimetiere} and z.geom is not null
      union all select v.geom from cimetiere.voie v join cimetiere.zone z on z.zone = v.zone where z.cimetiere = ${cimetiere} and v.geom is not null
      union all select e.geom from cimetiere.emplacement e join cimetiere.voie v on v.voie = e.voie join cimetiere.zone z on z.zone = v.zone
        where z.cimetiere = ${cimetiere} and e.geom is not null),
    boite as (select ST_Extent(ST_Transform(g, 4326)) as b from geometries)
    select c.cimetiere, c.libelle, ST_XMin(b) as ouest, ST_YMin(b) as sud, ST_XMax(b) as est, ST_YMax(b) as nord
      from cimetiere.cimetiere c cross join boite where c.cimetiere = ${cimetiere}`.execute(db);
  const row = rows[0];
  if (!row) return undefined;
  const bornes = [row.ouest, row.sud, row.est, row.nord];
  const emprise = bornes.every((valeur) => valeur !== null) ? (bornes.map(Number) as [number, number, number, number]) : null;
  return { cimetiere: Number(row.cimetiere), libelle: row.libelle, emprise: emprise ? elargie(emprise) : null };
}

/** Un point seul, ou une rangée, n’a pas de surface : la vue s’ouvre sur une dizaine de mètres autour. */
function elargie([ouest, sud, est, nord]: readonly [number, number, number, number]): [number, number, number, number] {
  const marge = 0.0001;
  return [ouest - marge, sud - marge, est + marge, nord + marge];
}

export async function lirePlansScannes(db: Db, cimetiere: number): Promise<PlanScanne[]> {
  const { rows } = await sql<{ plan: number; libelle: string; x_min: number; y_min: number; x_max: number; y_max: number }>`
    select plan, libelle, x_min, y_min, x_max, y_max from cimetiere.plan where cimetiere = ${cimetiere} order by plan`.execute(db);
  return rows.map((row) => ({
    plan: Number(row.plan),
    libelle: row.libelle,
    emprise: [Number(row.x_min), Number(row.y_min), Number(row.x_max), Number(row.y_max)],
  }));
}

export async function compterParEtat(db: Db, cimetiere: number): Promise<{ comptes: CompteEtat[]; sansPosition: number }> {
  const { rows } = await sql<{ etat: string; total: number | string; places: number | string; sans_position: number | string }>`
    select e.etat, count(*) as total, count(e.geom) as places, count(*) - count(e.geom) as sans_position
      from cimetiere.emplacement e join cimetiere.voie v on v.voie = e.voie join cimetiere.zone z on z.zone = v.zone
     where z.cimetiere = ${cimetiere}
     group by e.etat`.execute(db);
  const comptes = LEGENDE_ETATS.map((entree) => {
    const row = rows.find((candidate) => candidate.etat === entree.valeur);
    return { etat: entree.valeur, libelle: entree.libelle, total: Number(row?.total ?? 0), places: Number(row?.places ?? 0) };
  });
  return { comptes, sansPosition: rows.reduce((somme, row) => somme + Number(row.sans_position), 0) };
}

export interface EmplacementGeoJson {
  readonly type: 'Feature';
  readonly id: number;
  readonly geometry: unknown;
  readonly properties: Readonly<Record<string, unknown>>;
}

export interface CollectionEmplacements {
  readonly type: 'FeatureCollection';
  readonly features: EmplacementGeoJson[];
  readonly limite: number;
  readonly limite_atteinte: boolean;
}

export const LIMITE_EMPLACEMENTS = 5000;

const LIBELLES_ETAT: Readonly<Record<string, string>> = Object.fromEntries(LEGENDE_ETATS.map((entree) => [entree.valeur, entree.libelle]));

/** Les emplacements placés du cimetière (dans `boite` [ouest, sud, est, nord] en EPSG:4326 si elle est donnée). */
export async function emplacementsDuPlan(db: Db, cimetiere: number, boite: readonly [number, number, number, number] | undefined): Promise<CollectionEmplacements> {
  const dansLaBoite = boite
    ? sql`and ST_Intersects(e.geom, ST_Transform(ST_MakeEnvelope(${boite[0]}::float8, ${boite[1]}::float8, ${boite[2]}::float8, ${boite[3]}::float8, 4326), 2154))`
    : sql``;
  const { rows } = await sql<{ emplacement: number; nature: string; numero: number; complement: string | null; famille: string | null; etat: string; voie: string; geometrie: string }>`
    select e.emplacement, e.nature, e.numero, e.complement, e.famille, e.etat, v.libelle as voie,
           ST_AsGeoJSON(ST_Transform(e.geom, 4326), 7) as geometrie
      from cimetiere.emplacement e join cimetiere.voie v on v.voie = e.voie join cimetiere.zone z on z.zone = v.zone
     where z.cimetiere = ${cimetiere} and e.geom is not null ${dansLaBoite}
     order by v.libelle, e.numero, e.emplacement
     limit ${LIMITE_EMPLACEMENTS + 1}`.execute(db);
  const gardes = rows.slice(0, LIMITE_EMPLACEMENTS);
  return {
    type: 'FeatureCollection',
    features: gardes.map((row) => {
      const adresse = `${row.voie}, n° ${row.numero}${row.complement ? ` ${row.complement}` : ''}`;
      return {
        type: 'Feature',
        id: Number(row.emplacement),
        geometry: JSON.parse(row.geometrie) as unknown,
        properties: {
          libelle: `${adresse}${row.famille ? ` — famille ${row.famille}` : ''} (${(LIBELLES_ETAT[row.etat] ?? row.etat).toLowerCase()})`,
          url: `/cimetiere/emplacement/${Number(row.emplacement)}`,
          etat: row.etat,
          nature: row.nature,
          famille: row.famille,
        },
      };
    }),
    limite: LIMITE_EMPLACEMENTS,
    limite_atteinte: rows.length > LIMITE_EMPLACEMENTS,
  };
}

export interface PositionEmplacement {
  readonly emplacement: number;
  readonly cimetiere: number;
  /** [longitude, latitude] en EPSG:4326 ; null quand l’emplacement n’est pas encore placé. */
  readonly point: readonly [number, number] | null;
}

export async function lirePositionEmplacement(db: Db, emplacement: number): Promise<PositionEmplacement | undefined> {
  const { rows } = await sql<{ emplacement: number; cimetiere: number; longitude: number | null; latitude: number | null }>`
    select e.emplacement, z.cimetiere, ST_X(ST_Transform(e.geom, 4326)) as longitude, ST_Y(ST_Transform(e.geom, 4326)) as latitude
      from cimetiere.emplacement e join cimetiere.voie v on v.voie = e.voie join cimetiere.zone z on z.zone = v.zone
     where e.emplacement = ${emplacement}`.execute(db);
  const row = rows[0];
  if (!row) return undefined;
  const point = row.longitude !== null && row.latitude !== null ? ([Number(row.longitude), Number(row.latitude)] as const) : null;
  return { emplacement: Number(row.emplacement), cimetiere: Number(row.cimetiere), point };
}

/** La vue autour d’un emplacement : une trentaine de mètres de part et d’autre. */
export const empriseAutourDe = ([longitude, latitude]: readonly [number, number]): [number, number, number, number] => [
  longitude - 0.0004,
  latitude - 0.0003,
  longitude + 0.0004,
  latitude + 0.0003,
];

export interface CimetiereListe {
  readonly cimetiere: number;
  readonly libelle: string;
  readonly emplacements: number;
  readonly places: number;
  readonly plansScannes: number;
}

/** Les cimetières de la collectivité, avec leurs emplacements (placés ou non) et leurs plans scannés. */
export async function listerCimetieres(db: Db): Promise<CimetiereListe[]> {
  const { rows } = await sql<{ cimetiere: number; libelle: string; emplacements: number | string; places: number | string; plans: number | string }>`
    select c.cimetiere, c.libelle,
           (select count(*) from cimetiere.emplacement e join cimetiere.voie v on v.voie = e.voie join cimetiere.zone z on z.zone = v.zone
             where z.cimetiere = c.cimetiere) as emplacements,
           (select count(e.geom) from cimetiere.emplacement e join cimetiere.voie v on v.voie = e.voie join cimetiere.zone z on z.zone = v.zone
             where z.cimetiere = c.cimetiere) as places,
           (select count(*) from cimetiere.plan p where p.cimetiere = c.cimetiere) as plans
      from cimetiere.cimetiere c
     order by c.libelle collate "und-x-icu", c.cimetiere`.execute(db);
  return rows.map((row) => ({
    cimetiere: Number(row.cimetiere),
    libelle: row.libelle,
    emplacements: Number(row.emplacements),
    places: Number(row.places),
    plansScannes: Number(row.plans),
  }));
}
