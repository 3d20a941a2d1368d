/**
 * The demo's découpage: every voie split into bureaux by number ranges that leave no gap and never
 * overlap. A voie belongs to one bureau (five voies each, in order); some give their odd side to the
 * next bureau, some are cut at a number, some in three, as real streets are.
 */

/** The largest house number the ranges cover: every number a street may get. */
export const DERNIER_NUMERO = 9999;

export interface DemoRange {
  /** Index of the voie and of the bureau in the demo's lists. */
  readonly voie: number;
  readonly bureau: number;
  readonly premier_impair: number | null;
  readonly dernier_impair: number | null;
  readonly premier_pair: number | null;
  readonly dernier_pair: number | null;
}

/** Both parities of the numbers from `low` (even) to `high` (odd). */
function both(voie: number, bureau: number, low: number, high: number): DemoRange {
  return { voie, bureau, premier_impair: low + 1, dernier_impair: high, premier_pair: low, dernier_pair: high - 1 };
}

const even = (value: number) => value - (value % 2);

/** The ranges of voie `voie` (highest number `dernierNumero`) among `bureaux` bureaux. */
export function splitVoie(voie: number, dernierNumero: number, bureaux: number, voiesParBureau: number): DemoRange[] {
  const home = Math.floor(voie / voiesParBureau) % bureaux;
  const next = (home + 1) % bureaux;
  const after = (home + 2) % bureaux;
  switch (voie % 5) {
    case 2:
      return [
        { voie, bureau: home, premier_impair: null, dernier_impair: null, premier_pair: 0, dernier_pair: DERNIER_NUMERO - 1 },
        { voie, bureau: next, premier_impair: 1, dernier_impair: DERNIER_NUMERO, premier_pair: null, dernier_pair: null },
      ];
    case 3: {
      const cut = Math.max(2, even(Math.floor(dernierNumero / 2)));
      return [both(voie, home, 0, cut - 1), both(voie, next, cut, DERNIER_NUMERO)];
    }
    case 4: {
      const first = Math.max(2, even(Math.floor(dernierNumero / 3)));
      const second = Math.max(first + 2, even(Math.floor((2 * dernierNumero) / 3)));
      return [both(voie, home, 0, first - 1), both(voie, next, first, second - 1), both(voie, after, second, DERNIER_NUMERO)];
    }
    default:
      return [both(voie, home, 0, DERNIER_NUMERO)];
  }
}

/** The bureau of number `numero` among a voie's ranges. */
export function bureauOfNumber(ranges: readonly DemoRange[], numero: number): number {
  const odd = numero % 2 === 1;
  const found = ranges.find((range) =>
    odd
      ? range.premier_impair !== null && range.dernier_impair !== null && range.premier_impair <= numero && numero <= range.dernier_impair
      : range.premier_pair !== null && range.dernier_pair !== null && range.premier_pair <= numero && numero <= range.dernier_pair,
  );
  if (!found) throw new Error(`numéro ${numero} hors découpage`);
  return found.bureau;
}
