/**
 * « Localiser » un emplacement depuis son adresse dans le cimetière (voie et numéro) : le point est
 * pris entre les emplacements voisins de la même voie déjà placés (numéros immédiatement inférieur
 * et supérieur), sinon le long du tracé de la voie au rang du numéro (numéro / (plus grand numéro + 1)).
 * En Lambert-93 (EPSG:2154), la projection des géométries du cimetière.
 */
import { sql } from 'kysely';
import type { Db } from '../../../../framework/src/db/connection.ts';
import type { Localisateur, Localisation } from '../../../../framework/src/maps/localiser.ts';

export const SRID_CIMETIERE = 2154;

const entier = (texte: string | undefined): number | undefined =>
  texte !== undefined && /^\d{1,6}$/.test(texte.trim()) && Number(texte) > 0 ? Number(texte) : undefined;

interface Voisin {
  readonly numero: number;
  readonly x: number;
  readonly y: number;
}

interface VoieLue {
  readonly libelle: string;
  readonly tracee: boolean;
}

async function lireVoie(db: Db, voie: number): Promise<VoieLue | undefined> {
  const { rows } = await sql<{ libelle: string; tracee: boolean }>`select libelle, geom is not null and not ST_IsEmpty(geom) as tracee
    from cimetiere.voie where voie = ${voie}`.execute(db);
  const row = rows[0];
  return row ? { libelle: row.libelle, tracee: row.tracee === true } : undefined;
}

/** Les emplacements placés de la voie au plus près du numéro : le même, l’inférieur, le supérieur. */
async function voisins(db: Db, voie: number, numero: number): Promise<{ meme?: Voisin; avant?: Voisin; apres?: Voisin }> {
  const { rows } = await sql<{ cote: string; numero: number; x: number; y: number }>`
    with places as (
      select numero, ST_X(geom) as x, ST_Y(geom) as y from cimetiere.emplacement
       where voie = ${voie} and geom is not null)
    (select 'meme' as cote, numero, x, y from places where numero = ${numero} order by numero limit 1)
    union all
    (select 'avant', numero, x, y from places where numero < ${numero} order by numero desc limit 1)
    union all
    (select 'apres', numero, x, y from places where numero > ${numero} order by numero limit 1)`.execute(db);
  const trouve = (cote: string): Voisin | undefined => {
    const row = rows.find((candidate) => candidate.cote === cote);
    return row ? { numero: Number(row.numero), x: Number(row.x), y: Number(row.y) } : undefined;
  };
  const meme = trouve('meme');
  const avant = trouve('avant');
  const apres = trouve('apres');
  return { ...(meme ? { meme } : {}), ...(avant ? { avant } : {}), ...(apres ? { apres } : {}) };
}

/** Le point au rang `numero / (plus grand numéro + 1)` le long du tracé (la première partie d’un tracé en morceaux). */
async function pointSurLaVoie(db: Db, voie: number, numero: number): Promise<{ x: number; y: number } | undefined> {
  const { rows } = await sql<{ x: number | null; y: number | null }>`
    with trace as (
      select ST_LineMerge(geom) as ligne from cimetiere.voie where voie = ${voie} and geom is not null),
    simple as (
      select case when GeometryType(ligne) = 'LINESTRING' then ligne else ST_GeometryN(ligne, 1) end as ligne from trace),
    rang as (
      select greatest(${numero}::int, coalesce((select max(numero) from cimetiere.emplacement where voie = ${voie}), 0)) + 1 as diviseur)
    select ST_X(p) as x, ST_Y(p) as y
      from (select ST_LineInterpolatePoint(ligne, ${numero}::float8 / (select diviseur from rang)) as p from simple) as point`.execute(db);
  const row = rows[0];
  return row && row.x !== null && row.y !== null ? { x: Number(row.x), y: Number(row.y) } : undefined;
}

const arrondi = (valeur: number): number => Math.round(valeur * 100) / 100;

export async function localiserEmplacement(db: Db, voie: number, numero: number): Promise<Localisation | null> {
  const lue = await lireVoie(db, voie);
  if (!lue) return null;
  const libelle = `n° ${numero}, ${lue.libelle}`;
  const localisation = (x: number, y: number, precision: Localisation['precision']): Localisation => ({
    x: arrondi(x),
    y: arrondi(y),
    srid: SRID_CIMETIERE,
    precision,
    libelle,
  });
  const { meme, avant, apres } = await voisins(db, voie, numero);
  if (meme) return localisation(meme.x, meme.y, 'adresse');
  if (avant && apres) {
    const part = (numero - avant.numero) / (apres.numero - avant.numero);
    return localisation(avant.x + part * (apres.x - avant.x), avant.y + part * (apres.y - avant.y), 'interpolee');
  }
  if (!lue.tracee) return null;
  const point = await pointSurLaVoie(db, voie, numero);
  return point ? localisation(point.x, point.y, 'voie') : null;
}

/** À brancher dans la surcharge de l’emplacement : `localiser: localisateurEmplacement`. */
export const localisateurEmplacement: Localisateur = {
  champs: ['voie', 'numero'],
  champGeometrie: 'geom',
  async localiser({ db, valeurs }) {
    const voie = entier(valeurs['voie']);
    const numero = entier(valeurs['numero']);
    if (voie === undefined || numero === undefined) return null;
    return localiserEmplacement(db, voie, numero);
  },
};
