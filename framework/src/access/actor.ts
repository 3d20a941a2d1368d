/** Who is acting: the authenticated user as every layer sees it. */
export interface Actor {
  readonly userId: number;
  readonly login: string;
  readonly nom: string;
  readonly email: string;
  readonly profileId: number;
  readonly profileLabel: string;
  /** `om_profil.hierarchie` of the user's profile. */
  readonly hierarchy: number;
  /** The user's own collectivité. */
  readonly collectivite: number;
  /** '2' may see every collectivité and choose which one to work in. */
  readonly niveau: '1' | '2';
  /** The collectivité new rows go to: the user's own, or the one a niveau-2 user chose. */
  readonly workingCollectivite: number;
  /** Effective permissions (hierarchy already applied). */
  readonly permissions: ReadonlySet<string>;
  /**
   * Applications of the instance the working collectivité does not use (« Administration ›
   * Applications »): their permissions are already left out of `permissions`, and their pages,
   * API, menus, searches and widgets answer as if they did not exist. Absent: every application.
   */
  readonly disabledApplications?: ReadonlySet<string>;
  readonly via: 'session' | 'token' | 'system';
}

/** The framework itself (migrations, start-up, jobs): sees every collectivité, holds every right. */
export const SYSTEM_ACTOR: Actor = {
  userId: 0,
  login: 'système',
  nom: 'Système',
  email: '',
  profileId: 0,
  profileLabel: 'SYSTÈME',
  hierarchy: Number.MAX_SAFE_INTEGER,
  collectivite: 0,
  niveau: '2',
  workingCollectivite: 0,
  permissions: new Set<string>(),
  disabledApplications: new Set<string>(),
  via: 'system',
};

export const isSystem = (actor: Actor) => actor.via === 'system';
