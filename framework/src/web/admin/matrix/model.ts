/**
 * The profile × permission matrix as data: which permission each profile holds directly, by
 * inheritance (granted to a profile of lower or equal hierarchy, as `loadActor` computes it) or
 * through the whole-object permission. Pure functions over rows read through the record service.
 */
import type { Row } from '../../../db/connection.ts';
import { FRAMEWORK_APP, permissionBase } from '../../../access/permissions.ts';
import type { Registry } from '../../../model/registry.ts';

export interface MatrixProfile {
  readonly id: number;
  readonly libelle: string;
  readonly hierarchie: number;
}

/** The permissions of one object, or the other permissions of an application (`object` undefined). */
export interface PermissionGroup {
  /** The object's whole-object permission (`om_utilisateur`, `registre.service`). */
  readonly object: string | undefined;
  /** The application the permissions belong to (`om` for the framework's). */
  readonly app: string;
  readonly label: string;
  readonly permissions: readonly string[];
}

export interface CellState {
  /** An `om_droit` row grants it to this very profile (its key). */
  readonly direct: number | undefined;
  /** Granted to another profile of lower or equal hierarchy: the lowest one. */
  readonly inheritedFrom: MatrixProfile | undefined;
  /** Held through the whole-object permission (directly or inherited). */
  readonly includedIn: string | undefined;
}

export interface MatrixData {
  /** Every profile, by ascending hierarchy (inheritance goes from left to right). */
  readonly profiles: readonly MatrixProfile[];
  /** The profiles shown as columns. */
  readonly shownProfiles: readonly MatrixProfile[];
  readonly groups: readonly PermissionGroup[];
  /** `permission:profile` → `om_droit` key, for every row of `om_droit`. */
  readonly grants: ReadonlyMap<string, number>;
}

export const cellKey = (permission: string, profileId: number) => `${permission}:${profileId}`;

export function toProfiles(rows: readonly Row[]): MatrixProfile[] {
  return rows
    .map((row) => ({ id: Number(row.om_profil), libelle: String(row.libelle ?? ''), hierarchie: Number(row.hierarchie ?? 0) }))
    .sort((a, b) => a.hierarchie - b.hierarchie || a.libelle.localeCompare(b.libelle, 'fr'));
}

export function toGrants(rows: readonly Row[]): Map<string, number> {
  const grants = new Map<string, number>();
  for (const row of rows) grants.set(cellKey(String(row.libelle), Number(row.om_profil)), Number(row.om_droit));
  return grants;
}

/**
 * The object a permission is about: `om_utilisateur_tab` → `om_utilisateur`,
 * `registre.service_tab` → `registre.service`. The longest registered base wins
 * (`om_sousetat_tab` is not about a table `om`).
 */
export function objectOfPermission(permission: string, objectBases: readonly string[]): string | undefined {
  let found: string | undefined;
  for (const base of objectBases) {
    if ((permission === base || permission.startsWith(`${base}_`)) && base.length > (found?.length ?? 0)) found = base;
  }
  return found;
}

/** The application a permission belongs to: the part before the dot, the framework's without one. */
export function applicationOfPermission(permission: string): string {
  const dot = permission.indexOf('.');
  return dot > 0 ? permission.slice(0, dot) : FRAMEWORK_APP;
}

/** How the groups are headed, in the page's language. */
export interface GroupHeadings {
  readonly object: (label: string, name: string) => string;
  /** The framework's module permissions (`password`, `gen`…). */
  readonly modules: string;
  /** An application's own permissions that are not about one of its objects. */
  readonly applicationOthers: (app: string) => string;
}

/**
 * Permissions grouped per application (the framework's first, then the applications by name), and
 * within it by object (by label, French order), its other permissions last; the whole-object one
 * first in its group.
 */
export function groupPermissions(permissions: readonly string[], registry: Registry, headings: GroupHeadings): PermissionGroup[] {
  const labels = new Map<string, string>();
  for (const object of registry.all()) {
    const base = permissionBase(object);
    if (!labels.has(base)) labels.set(base, object.meta.label);
  }
  const bases = [...labels.keys()];
  const byGroup = new Map<string, { object: string | undefined; app: string; permissions: string[] }>();
  for (const permission of permissions) {
    const object = objectOfPermission(permission, bases);
    const app = applicationOfPermission(object ?? permission);
    const key = object ?? `*${app}`; // no base starts with `*`
    const group = byGroup.get(key) ?? { object, app, permissions: [] };
    group.permissions.push(permission);
    byGroup.set(key, group);
  }
  const groups: PermissionGroup[] = [...byGroup.values()].map(({ object, app, permissions: list }) => ({
    object,
    app,
    label:
      object !== undefined
        ? headings.object(labels.get(object) ?? object, object)
        : app === FRAMEWORK_APP
          ? headings.modules
          : headings.applicationOthers(app),
    permissions: [...list].sort((a, b) => (a === object ? -1 : b === object ? 1 : a.localeCompare(b, 'fr'))),
  }));
  const appRank = (app: string) => (app === FRAMEWORK_APP ? '' : app);
  return groups.sort((a, b) => {
    if (a.app !== b.app) return appRank(a.app) < appRank(b.app) ? -1 : 1;
    if (a.object === undefined || b.object === undefined) return a.object === undefined ? 1 : -1;
    return a.label.localeCompare(b.label, 'fr');
  });
}

/** The lowest profile other than `profile`, of lower or equal hierarchy, granted `permission`. */
function grantedBelow(permission: string, profile: MatrixProfile, data: Pick<MatrixData, 'profiles' | 'grants'>): MatrixProfile | undefined {
  return data.profiles.find(
    (other) => other.id !== profile.id && other.hierarchie <= profile.hierarchie && data.grants.has(cellKey(permission, other.id)),
  );
}

function holds(permission: string, profile: MatrixProfile, data: Pick<MatrixData, 'profiles' | 'grants'>): boolean {
  return data.grants.has(cellKey(permission, profile.id)) || grantedBelow(permission, profile, data) !== undefined;
}

export function cellState(permission: string, group: PermissionGroup, profile: MatrixProfile, data: Pick<MatrixData, 'profiles' | 'grants'>): CellState {
  const object = group.object;
  return {
    direct: data.grants.get(cellKey(permission, profile.id)),
    inheritedFrom: grantedBelow(permission, profile, data),
    includedIn: object !== undefined && permission !== object && holds(object, profile, data) ? object : undefined,
  };
}

/** The profiles a request asks for (`?profil=`), all when it names none of them. */
export function chosenProfiles(profiles: readonly MatrixProfile[], requested: readonly string[]): MatrixProfile[] {
  const ids = new Set(requested.map(Number).filter(Number.isSafeInteger));
  const chosen = profiles.filter((profile) => ids.has(profile.id));
  return chosen.length > 0 ? chosen : [...profiles];
}
