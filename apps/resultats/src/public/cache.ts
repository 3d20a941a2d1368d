/**
 * The public figures of an election computed at most once a second, whatever the number of
 * screens polling them: the first request of the second runs the queries, the others (arriving
 * meanwhile or just after) share its promise. One cache per registered application, so two
 * instances in one process (the tests' two databases) never share figures.
 */

export interface CachePublic<T> {
  /** The value of `key`, computed by `compute` unless one computed less than `ttlMs` ago (or being computed) exists. */
  obtenir(key: string, compute: () => Promise<T>): Promise<T>;
  /** Forgets everything (tests). */
  vider(): void;
}

export const DUREE_CACHE_MS = 1000;
/** Bounded: elections polled at once are few; old entries are dropped first. */
const ENTREES_MAX = 200;

export function cachePublic<T>(ttlMs = DUREE_CACHE_MS, now: () => number = () => performance.now()): CachePublic<T> {
  const entries = new Map<string, { readonly at: number; readonly value: Promise<T> }>();
  return {
    obtenir(key, compute) {
      const found = entries.get(key);
      if (found && now() - found.at < ttlMs) return found.value;
      const value = compute();
      entries.delete(key);
      entries.set(key, { at: now(), value });
      // A failure is not kept: the next request tries again.
      value.catch(() => {
        if (entries.get(key)?.value === value) entries.delete(key);
      });
      if (entries.size > ENTREES_MAX) {
        const oldest = entries.keys().next().value;
        if (oldest !== undefined) entries.delete(oldest);
      }
      return value;
    },
    vider() {
      entries.clear();
    },
  };
}
