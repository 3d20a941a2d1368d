/**
 * The layout of Libreville's two cemeteries in Lambert-93 (EPSG:2154), inside the town (x 650 000–
 * 654 000, y 6 860 000–6 864 000): each cemetery a rectangle cut into zones (carrés), each zone
 * crossed by parallel allées, each allée lined with emplacements numbered from its west end.
 * « Cimetière du Centre »: 200 m × 150 m around (652 300, 6 862 400), four carrés of five allées of
 * fifty places (1 000). « Cimetière des Tilleuls »: 150 m × 100 m around (653 600, 6 860 800), two
 * carrés of five allées of fifty (500).
 */

export interface ZoneDemo {
  readonly libelle: string;
  readonly type: 'Carré' | 'Extension';
  /** South-west corner, metres. */
  readonly x: number;
  readonly y: number;
  readonly largeur: number;
  readonly hauteur: number;
  readonly allees: number;
  readonly places: number;
}

export interface CimetiereDemo {
  readonly libelle: string;
  readonly adresse1: string;
  readonly x: number;
  readonly y: number;
  readonly largeur: number;
  readonly hauteur: number;
  readonly zones: readonly ZoneDemo[];
}

export const CIMETIERES_DEMO: readonly CimetiereDemo[] = [
  {
    libelle: 'Cimetière du Centre',
    adresse1: 'Rue du Souvenir',
    x: 652_200,
    y: 6_862_325,
    largeur: 200,
    hauteur: 150,
    zones: [
      { libelle: 'Carré A', type: 'Carré', x: 652_200, y: 6_862_400, largeur: 100, hauteur: 75, allees: 5, places: 50 },
      { libelle: 'Carré B', type: 'Carré', x: 652_300, y: 6_862_400, largeur: 100, hauteur: 75, allees: 5, places: 50 },
      { libelle: 'Carré C', type: 'Carré', x: 652_200, y: 6_862_325, largeur: 100, hauteur: 75, allees: 5, places: 50 },
      { libelle: 'Carré D', type: 'Carré', x: 652_300, y: 6_862_325, largeur: 100, hauteur: 75, allees: 5, places: 50 },
    ],
  },
  {
    libelle: 'Cimetière des Tilleuls',
    adresse1: 'Chemin des Tilleuls',
    x: 653_525,
    y: 6_860_750,
    largeur: 150,
    hauteur: 100,
    zones: [
      { libelle: 'Carré 1', type: 'Carré', x: 653_525, y: 6_860_750, largeur: 75, hauteur: 100, allees: 5, places: 50 },
      { libelle: 'Extension', type: 'Extension', x: 653_600, y: 6_860_750, largeur: 75, hauteur: 100, allees: 5, places: 50 },
    ],
  },
];

const rond = (valeur: number): string => valeur.toFixed(2);

export const rectangle = (x: number, y: number, largeur: number, hauteur: number): string =>
  `MULTIPOLYGON(((${rond(x)} ${rond(y)}, ${rond(x + largeur)} ${rond(y)}, ${rond(x + largeur)} ${rond(y + hauteur)}, ${rond(x)} ${rond(y + hauteur)}, ${rond(x)} ${rond(y)})))`;

/** The y of allée `index` (0 = southmost) of a zone. */
const yAllee = (zone: ZoneDemo, index: number): number => zone.y + (zone.hauteur * (index + 0.5)) / zone.allees;

export const traceAllee = (zone: ZoneDemo, index: number): string =>
  `MULTILINESTRING((${rond(zone.x + 0.5)} ${rond(yAllee(zone, index))}, ${rond(zone.x + zone.largeur - 0.5)} ${rond(yAllee(zone, index))}))`;

/** Place `numero` (from 1) of allée `index`: along its north side, 2.5 m from its axis. */
export function pointPlace(zone: ZoneDemo, index: number, numero: number): { readonly x: number; readonly y: number; readonly wkt: string } {
  const pas = zone.largeur / zone.places;
  const x = zone.x + pas * (numero - 0.5);
  const y = yAllee(zone, index) + 2.5;
  return { x, y, wkt: `POINT(${rond(x)} ${rond(y)})` };
}
