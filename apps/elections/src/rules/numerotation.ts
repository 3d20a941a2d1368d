/**
 * The numbering of a list's electors, as the refonte does it (reference §4.14, §8.10): every
 * elector gets a number in the list and a number in their bureau, both in alphabetical order of
 * nom (de naissance), then prénoms, then date of birth, by French collation. Two electors equal on
 * all three keep the order of their ids, so the same rows always give the same numbers.
 * The rows are those of one list; an elector without a bureau gets no number in a bureau.
 */

export interface ElecteurANumeroter {
  readonly electeur: number;
  readonly bureau: number | null;
  readonly nom: string;
  readonly prenoms: string;
  /** ISO `AAAA-MM-JJ`. */
  readonly date_naissance: string;
}

export interface NumeroElecteur {
  readonly electeur: number;
  readonly numero_liste: number;
  readonly numero_bureau: number | null;
}

const collator = new Intl.Collator('fr', { usage: 'sort' });

/** Alphabetical order of the list: nom, prénoms, date of birth, then id. */
export function compareAlphabetically(a: ElecteurANumeroter, b: ElecteurANumeroter): number {
  return (
    collator.compare(a.nom, b.nom) ||
    collator.compare(a.prenoms, b.prenoms) ||
    (a.date_naissance < b.date_naissance ? -1 : a.date_naissance > b.date_naissance ? 1 : 0) ||
    a.electeur - b.electeur
  );
}

/** The numbers of every elector (from 1 in the list and from 1 in each bureau), in alphabetical order. */
export function numberElectors(rows: readonly ElecteurANumeroter[]): NumeroElecteur[] {
  const perBureau = new Map<number, number>();
  return [...rows].sort(compareAlphabetically).map((row, index) => {
    let numeroBureau: number | null = null;
    if (row.bureau !== null) {
      numeroBureau = (perBureau.get(row.bureau) ?? 0) + 1;
      perBureau.set(row.bureau, numeroBureau);
    }
    return { electeur: row.electeur, numero_liste: index + 1, numero_bureau: numeroBureau };
  });
}
