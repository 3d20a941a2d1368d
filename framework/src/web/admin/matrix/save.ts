import type { Actor } from '../../../access/actor.ts';
import type { RegisteredObject } from '../../../model/registry.ts';
import { createRecord, deleteRecord, ServiceError, type ServiceDeps } from '../../../records/index.ts';
import { cellKey, type MatrixData, type MatrixProfile } from './model.ts';

export interface MatrixChange {
  readonly kind: 'grant' | 'revoke';
  readonly permission: string;
  readonly profile: MatrixProfile;
  /** The `om_droit` row to delete (revoke). */
  readonly droit?: number;
}

/**
 * The differences between what the page showed and what the user ticked. Only the cells the page
 * showed count: the posted permissions that the filter still matches, times the shown profiles.
 * A cell only inherited was disabled, so it is never posted and never granted here.
 */
export function plannedChanges(data: MatrixData, postedPermissions: readonly string[], ticked: ReadonlySet<string>): MatrixChange[] {
  const shown = new Set(data.groups.flatMap((group) => group.permissions));
  const permissions = [...new Set(postedPermissions)].filter((permission) => shown.has(permission));
  const changes: MatrixChange[] = [];
  for (const permission of permissions) {
    for (const profile of data.shownProfiles) {
      const key = cellKey(permission, profile.id);
      const droit = data.grants.get(key);
      if (ticked.has(key) && droit === undefined) changes.push({ kind: 'grant', permission, profile });
      else if (!ticked.has(key) && droit !== undefined) changes.push({ kind: 'revoke', permission, profile, droit });
    }
  }
  return changes;
}

export interface AppliedChanges {
  readonly done: readonly MatrixChange[];
  /** The refusal that stopped the work (nothing after it was tried). */
  readonly refusal: ServiceError | undefined;
}

/**
 * Each change through the record service, as if made in the `om_droit` form: its permissions, the
 * niveau-2 rule of shared rows, validation and the audit log apply. Stops at the first refusal.
 */
export async function applyChanges(
  deps: ServiceDeps,
  actor: Actor,
  droits: RegisteredObject,
  changes: readonly MatrixChange[],
  requestId: string | undefined,
): Promise<AppliedChanges> {
  const done: MatrixChange[] = [];
  for (const change of changes) {
    try {
      if (change.kind === 'grant') {
        await createRecord(deps, actor, droits, { libelle: change.permission, om_profil: change.profile.id }, { requestId });
      } else {
        await deleteRecord(deps, actor, droits, String(change.droit), { requestId });
      }
      done.push(change);
    } catch (error) {
      if (error instanceof ServiceError) return { done, refusal: error };
      throw error;
    }
  }
  return { done, refusal: undefined };
}
