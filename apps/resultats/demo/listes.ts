/**
 * The lists of Libreville's municipal election of March 2026 (fictional): four lists in the first
 * round; in the second, the ecologists merge into the list of the union of the left, the two others
 * stay. Shares are each list's expected part of the exprimés, varied bureau by bureau.
 */

export interface DemoListe {
  readonly code: string;
  readonly libelle: string;
  readonly nuance: string;
  readonly couleur: string;
  /** Sex of the head of the list; the others alternate (parity, L264). */
  readonly sexeTete: 'F' | 'M';
  readonly part1: number;
}

export const LISTES: readonly DemoListe[] = [
  { code: 'A', libelle: 'Libreville en commun', nuance: 'LUG', couleur: '#d6336c', sexeTete: 'F', part1: 0.37 },
  { code: 'B', libelle: 'Agir pour Libreville', nuance: 'LDVD', couleur: '#1c64b4', sexeTete: 'M', part1: 0.33 },
  { code: 'C', libelle: 'Libreville écologique et solidaire', nuance: 'LVEC', couleur: '#2f9e44', sexeTete: 'M', part1: 0.18 },
  { code: 'D', libelle: 'Libreville d’abord', nuance: 'LDIV', couleur: '#8d6e63', sexeTete: 'F', part1: 0.12 },
];

/** Second round: A and C merged (A's head leads), B and D maintained. */
export const LISTES_SECOND_TOUR = [
  { codes: ['A', 'C'], libelle: 'Libreville en commun, écologique et solidaire', nuance: 'LUG', couleur: '#d6336c', part2: 0.48 },
  { codes: ['B'], libelle: 'Agir pour Libreville', nuance: 'LDVD', couleur: '#1c64b4', part2: 0.41 },
  { codes: ['D'], libelle: 'Libreville d’abord', nuance: 'LDIV', couleur: '#8d6e63', part2: 0.11 },
] as const;

/** Ranks (1-based) of the merged list given to the merging list's candidates. */
export const RANGS_FUSIONNES: readonly number[] = [5, 9, 13, 17, 21, 25, 29];

export const SIEGES = 29;
export const SIEGES_COMMUNAUTAIRES = 9;
/** Candidates to the intercommunal council: the seats plus two (L273-9). */
export const CANDIDATS_COMMUNAUTAIRES = SIEGES_COMMUNAUTAIRES + 2;
