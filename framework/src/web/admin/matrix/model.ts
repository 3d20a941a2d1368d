/**
 * The profile × permission matrix as data: which permission each profile holds directly, by
 * inheritance (granted to a profile of lower or equal hierarchy, as `loadActor` computes it) or
 * through the whole-object permission. Pure functions over rows read through the record service.
 */
import type { Row } from '../../../db/connection.ts';
import type { Registry } from '../../../model/registry.ts';

export interface MatrixProfile {
  readonly id: number;
  readonly libelle: string;
  readonly hierarchie: number;
}

/** The permissions of one object (or the module permissions, `object` undefined). */
export interface PermissionGroup {
  /** The object's name, which is also its whole-object permission. */
  readonly object: string | undefined;
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
 * The object a permission is about: `om_utilisateur_tab` → `om_utilisateur`. The longest
 * registered name wins (`om_sousetat_tab` is not about a table `om`).
 */
export function objectOfPermission(permission: string, objectNames: readonly string[]): string | undefined {
  let found: string | undefined;
  for (const name of objectNames) {
    if ((permission === name || permission.startsWith(`${name}_`)) && name.length > (found?.length ?? 0)) found = name;
  }
  return found;
}

/** Permissions grouped by object (by label, French order), module permissions last; the whole-object one first. */
export function groupPermissions(permissions: readonly string[], registry: Registry, otherLabel: string, headingOf: (label: string, name: string) => string): PermissionGroup[] {
  const labels = new Map<string, string>();
  for (const object of registry.all()) if (!labels.has(object.name)) labels.set(object.name, object.meta.label);
  const names = [...labels.keys()];
  const byObject = new Map<string | undefined, string[]>();
  for (const permission of permissions) {
    const object = objectOfPermission(permission, names);
    const list = byObject.get(object) ?? [];
    list.push(permission);
    byObject.set(object, list);
  }
  const groups: PermissionGroup[] = [];
  for (const [object, list] of byObject) {
    const sorted = [...list].sort((a, b) => (a === object ? -1 : b === object ? 1 : a.localeCompare(b, 'fr')));
    const label = object === undefined ? otherLabel : headingOf(labels.get(object) ?? object, object);
    groups.push({ object, label, permissions: sorted });
  }
  return groups.sort((a, b) => {
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
