/**
 * Libreville on the map (issue 13 §7), in Lambert-93: a 4 km square (x 650 000–654 000,
 * y 6 860 000–6 864 000) cut into twelve secteurs, one per bureau (4 columns × 3 rows whose inner
 * corners are moved by up to 150 m, so that they look drawn rather than ruled); each bureau's five
 * voies crossing its secteur, their numbers along them (odd on the left, even on the right: the
 * address points « Localiser » reads); each bureau at its address. Pure and deterministic.
 */
import proj4 from 'proj4';
import { cleDeVoie, type AdressePoint } from '../../../framework/src/maps/adresses.ts';
import { BUREAUX, VOIES } from './libreville.ts';
import { Random } from './random.ts';

export const LAMBERT93 =
  '+proj=lcc +lat_0=46.5 +lon_0=3 +lat_1=49 +lat_2=44 +x_0=700000 +y_0=6600000 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs';

type Xy = readonly [number, number];

const ORIGINE: Xy = [650_000, 6_860_000];
const COLONNES = 4;
const RANGEES = 3;
const LARGEUR = 1_000;
const HAUTEUR = 4_000 / 3;
const DECALAGE_MAX = 150;
/** Distance of an address point from the voie's axis (its side of the street). */
const COTE = 8;

export interface BureauCarte {
  /** WKT (Lambert-93) of the bureau's point and of its secteur. */
  readonly point: string;
  readonly perimetre: string;
  /** The voie (index in VOIES) and number of its address, when its address names a demo voie. */
  readonly voie: number | undefined;
  readonly numero: number | undefined;
}

export interface CarteDemo {
  readonly bureaux: readonly BureauCarte[];
  readonly adresses: readonly AdressePoint[];
  /** Centre and extent of the town in WGS 84 (the map's settings are in degrees). */
  readonly centre: Xy;
  readonly emprise: readonly [number, number, number, number];
}

const versWgs84 = (point: Xy): Xy => {
  const [longitude, latitude] = proj4(LAMBERT93, 'WGS84', [point[0], point[1]]);
  return [Math.round((longitude ?? 0) * 1e7) / 1e7, Math.round((latitude ?? 0) * 1e7) / 1e7];
};

const wkt = (point: Xy) => `${point[0].toFixed(2)} ${point[1].toFixed(2)}`;

/** The grid's corners, the inner ones moved; `coins[i][j]` is column i, row j. */
function coins(random: Random): Xy[][] {
  const grille: Xy[][] = [];
  for (let i = 0; i <= COLONNES; i++) {
    const colonne: Xy[] = [];
    for (let j = 0; j <= RANGEES; j++) {
      const interieur = i > 0 && i < COLONNES && j > 0 && j < RANGEES;
      const bouge = () => (interieur ? (random.next() * 2 - 1) * DECALAGE_MAX : 0);
      colonne.push([ORIGINE[0] + i * LARGEUR + bouge(), ORIGINE[1] + j * HAUTEUR + bouge()]);
    }
    grille.push(colonne);
  }
  return grille;
}

const milieu = (a: Xy, b: Xy, t: number): Xy => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];

/** A point of the secteur (u, v in 0–1) by bilinear interpolation of its four corners. */
function dansLeSecteur(sw: Xy, se: Xy, ne: Xy, nw: Xy, u: number, v: number): Xy {
  return milieu(milieu(sw, se, u), milieu(nw, ne, u), v);
}

export function carteDemo(seed: number): CarteDemo {
  const random = new Random(seed);
  const grille = coins(random);
  const secteurs = BUREAUX.map((_, index) => {
    const i = index % COLONNES;
    const j = Math.floor(index / COLONNES);
    const at = (di: number, dj: number) => grille[i + di]?.[j + dj] ?? ORIGINE;
    return { sw: at(0, 0), se: at(1, 0), ne: at(1, 1), nw: at(0, 1) };
  });
  const voiesParBureau = VOIES.length / BUREAUX.length;
  const adresses: AdressePoint[] = [];
  const pointDe = new Map<string, Xy>();
  VOIES.forEach((voie, index) => {
    const secteur = secteurs[Math.floor(index / voiesParBureau) % secteurs.length];
    if (!secteur) return;
    const rang = index % voiesParBureau;
    // Two streets east–west, three north–south, none on the secteur's edge.
    const [debut, fin] =
      rang < 2
        ? [dansLeSecteur(secteur.sw, secteur.se, secteur.ne, secteur.nw, 0.12, 0.3 + rang * 0.4), dansLeSecteur(secteur.sw, secteur.se, secteur.ne, secteur.nw, 0.88, 0.25 + rang * 0.45)]
        : [dansLeSecteur(secteur.sw, secteur.se, secteur.ne, secteur.nw, 0.2 + (rang - 2) * 0.3, 0.1), dansLeSecteur(secteur.sw, secteur.se, secteur.ne, secteur.nw, 0.25 + (rang - 2) * 0.28, 0.9)];
    const longueur = Math.hypot(fin[0] - debut[0], fin[1] - debut[1]);
    const normale: Xy = [-(fin[1] - debut[1]) / longueur, (fin[0] - debut[0]) / longueur];
    for (let numero = 1; numero <= voie.dernierNumero; numero++) {
      const axe = milieu(debut, fin, (numero - 0.5) / voie.dernierNumero);
      const cote = numero % 2 === 1 ? COTE : -COTE;
      const point: Xy = [axe[0] + normale[0] * cote, axe[1] + normale[1] * cote];
      pointDe.set(`${cleDeVoie(voie.libelle)}|${numero}`, point);
      const [longitude, latitude] = versWgs84(point);
      adresses.push({ voie: voie.libelle, numero, longitude, latitude });
    }
  });
  const bureaux = BUREAUX.map((bureau, index): BureauCarte => {
    const secteur = secteurs[index] ?? secteurs[0];
    if (!secteur) throw new Error('no secteur');
    const { sw, se, ne, nw } = secteur;
    const perimetre = `MULTIPOLYGON(((${[sw, se, ne, nw, sw].map(wkt).join(', ')})))`;
    const adresse = /^(\d+)\s+(.+)$/.exec(bureau.adresse);
    const numero = adresse ? Number(adresse[1]) : undefined;
    const voie = adresse ? VOIES.findIndex((candidate) => cleDeVoie(candidate.libelle) === cleDeVoie(adresse[2] ?? '')) : -1;
    const point = voie >= 0 && numero !== undefined ? pointDe.get(`${cleDeVoie(VOIES[voie]?.libelle ?? '')}|${numero}`) : undefined;
    return {
      point: `POINT(${wkt(point ?? dansLeSecteur(sw, se, ne, nw, 0.5, 0.5))})`,
      perimetre,
      voie: voie >= 0 ? voie : undefined,
      numero: voie >= 0 ? numero : undefined,
    };
  });
  const [ouest, sud] = versWgs84(ORIGINE);
  const [est, nord] = versWgs84([ORIGINE[0] + COLONNES * LARGEUR, ORIGINE[1] + RANGEES * HAUTEUR]);
  return { bureaux, adresses, centre: versWgs84([ORIGINE[0] + 2_000, ORIGINE[1] + 2_000]), emprise: [ouest, sud, est, nord] };
}
