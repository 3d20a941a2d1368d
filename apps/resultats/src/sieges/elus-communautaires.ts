/**
 * Who takes a list's conseiller communautaire seats (Code électoral art. L273-8): its candidates in
 * the order of the communautaire list; one who is not elected to the municipal council is replaced
 * by the first elected conseiller municipal of the same sex on the municipal list who is not
 * already a conseiller communautaire.
 */

export interface CandidatDesDeuxListes {
  /** Rank on the municipal list. */
  readonly rang: number;
  /** Rank on the communautaire list; `null`: not on it. */
  readonly rang_communautaire: number | null;
  /** `F` or `M`; `null`: not entered (such a candidate can neither be matched nor replaced). */
  readonly sexe: string | null;
}

/**
 * The list's conseillers communautaires, in the order of their seats. Shorter than
 * `siegesCommunautaires` when a seat finds nobody to take it (no elected conseiller municipal of
 * that sex left, or the sex not entered): the seat stays to be named by hand.
 */
export function elusCommunautaires<C extends CandidatDesDeuxListes>(candidats: readonly C[], siegesMunicipaux: number, siegesCommunautaires: number): C[] {
  const conseillersMunicipaux = [...candidats].sort((a, b) => a.rang - b.rang).slice(0, Math.max(0, siegesMunicipaux));
  const elusAuConseil = new Set<C>(conseillersMunicipaux);
  const designes = candidats
    .filter((candidat) => candidat.rang_communautaire !== null)
    .sort((a, b) => (a.rang_communautaire ?? 0) - (b.rang_communautaire ?? 0))
    .slice(0, Math.max(0, siegesCommunautaires));
  // « non élu conseiller communautaire »: those the first paragraph already elected are not replacements.
  const dejaCommunautaires = new Set<C>(designes.filter((candidat) => elusAuConseil.has(candidat)));
  const elus: C[] = [];
  for (const designe of designes) {
    if (elusAuConseil.has(designe)) {
      elus.push(designe);
      continue;
    }
    const remplacant = conseillersMunicipaux.find((conseiller) => designe.sexe !== null && conseiller.sexe === designe.sexe && !dejaCommunautaires.has(conseiller));
    if (remplacant === undefined) continue;
    dejaCommunautaires.add(remplacant);
    elus.push(remplacant);
  }
  return elus;
}
