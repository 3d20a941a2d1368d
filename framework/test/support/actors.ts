import type { Actor } from '../../src/access/actor.ts';

/** An actor for tests, without going through login. */
export function testActor(overrides: Partial<Omit<Actor, 'permissions'>> & { permissions: Iterable<string> }): Actor {
  const collectivite = overrides.collectivite ?? 1;
  return {
    userId: overrides.userId ?? 1000,
    login: overrides.login ?? 'agent',
    nom: overrides.nom ?? 'Agent de test',
    email: 'agent@example.org',
    profileId: 3,
    profileLabel: 'UTILISATEUR',
    hierarchy: 3,
    collectivite,
    niveau: overrides.niveau ?? '1',
    workingCollectivite: overrides.workingCollectivite ?? collectivite,
    via: overrides.via ?? 'session',
    permissions: new Set(overrides.permissions),
  };
}
