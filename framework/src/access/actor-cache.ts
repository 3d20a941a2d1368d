import type { Actor } from './actor.ts';

/**
 * Who a session or an API token stands for, remembered for a few seconds: otherwise every API
 * request costs two more queries (the token or session, then the user, profile and permissions).
 * Anything that changes a user's rights in this process forgets their entries at once; the short
 * lifetime bounds how long another process may still use an old entry.
 */
const TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;

export interface CachedIdentity {
  readonly actor: Actor;
  readonly session?: { readonly id: string; readonly csrfToken: string };
}

const entries = new Map<string, CachedIdentity & { expires: number }>();

export const actorCache = {
  get(key: string): CachedIdentity | undefined {
    const entry = entries.get(key);
    if (!entry) return undefined;
    if (entry.expires <= Date.now()) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  },

  set(key: string, identity: CachedIdentity): void {
    if (entries.size >= MAX_ENTRIES) {
      const oldest = entries.keys().next().value;
      if (oldest !== undefined) entries.delete(oldest);
    }
    entries.set(key, { ...identity, expires: Date.now() + TTL_MS });
  },

  /** After a password change, a revoked token or session, a new working collectivité… */
  forgetUser(userId: number): void {
    for (const [key, entry] of entries) if (entry.actor.userId === userId) entries.delete(key);
  },

  /** After any change to users, profiles, permissions or collectivités. */
  clear(): void {
    entries.clear();
  },
};
