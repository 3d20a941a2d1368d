/** A seeded pseudo-random generator (mulberry32): the same seed gives the same demo, on every machine. */

export class Random {
  #state: number;

  constructor(seed: number) {
    this.#state = seed >>> 0;
  }

  /** A number in [0, 1). */
  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('choix dans une liste vide');
    return item;
  }
}

/** Draws items by weight in O(log n): cumulative weights and a binary search. */
export class Weighted<T> {
  readonly #items: readonly T[];
  readonly #cumulative: number[] = [];
  readonly #total: number;

  constructor(items: readonly T[], weight: (item: T, index: number) => number) {
    this.#items = items;
    let total = 0;
    items.forEach((item, index) => {
      total += Math.max(0, weight(item, index));
      this.#cumulative.push(total);
    });
    if (total <= 0) throw new Error('tirage pondéré sans poids');
    this.#total = total;
  }

  draw(random: Random): T {
    const target = random.next() * this.#total;
    let low = 0;
    let high = this.#cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((this.#cumulative[middle] ?? 0) > target) high = middle;
      else low = middle + 1;
    }
    return this.#items[low] as T;
  }
}

/** A weight falling with the rank, as the frequency of names does (Zipf-like). */
export const byRank = (offset: number) => (_item: unknown, index: number): number => 1 / (index + offset);
