/** What the seat allocation rules take and give (pure data, no database). */

/** Dates are written `AAAA-MM-JJ`; `null`: not known (only needed to break a tie). */
export interface CandidatDeListe {
  readonly rang: number;
  readonly date_naissance: string | null;
}

export interface ListeEnLice {
  readonly liste: string;
  readonly voix: number;
  /** The candidates who may take the list's seats (any order: sorted by `rang`). */
  readonly candidats: readonly CandidatDeListe[];
}

/** Municipales ≥ 1 000 habitants (L262) and conseillers communautaires (L273-8). */
export interface ScrutinDeListe {
  readonly sieges: number;
  readonly tour: 1 | 2;
  readonly exprimes: number;
  readonly listes: readonly ListeEnLice[];
}

export interface SiegesDeListe {
  readonly liste: string;
  readonly sieges: number;
  /** Of which the majority bonus. */
  readonly prime: number;
}

export interface RepartitionDeListes {
  /** Round 1 without an absolute majority: nobody is elected, a second round is held. */
  readonly second_tour: boolean;
  /** In the input's order. */
  readonly listes: readonly SiegesDeListe[];
  /** Seats left empty because the lists ran out of candidates. */
  readonly sieges_non_pourvus: number;
}

/** Municipales < 1 000 habitants (L253): votes per candidate. */
export interface CandidatEnLice {
  readonly nom: string;
  readonly voix: number;
  readonly date_naissance: string | null;
}

export interface ScrutinMajoritaire {
  readonly sieges: number;
  readonly tour: 1 | 2;
  readonly exprimes: number;
  /** Needed in round 1 (a quarter of them). */
  readonly inscrits: number;
  readonly candidats: readonly CandidatEnLice[];
}

export interface RepartitionMajoritaire {
  /** Seats still to fill at a second round (round 1). */
  readonly second_tour: boolean;
  readonly sieges_restants: number;
  /** In the input's order. */
  readonly candidats: readonly { readonly nom: string; readonly elu: boolean }[];
}
