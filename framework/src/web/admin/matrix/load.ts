import type { Context } from 'hono';
import type { Actor } from '../../../access/actor.ts';
import { translator } from '../../../i18n/index.ts';
import type { AppEnv } from '../../env.ts';
import { localeOf } from '../../locale.ts';
import { frameworkObject, listAll, serviceDeps } from '../service.ts';
import { chosenProfiles, groupPermissions, toGrants, toProfiles, type MatrixData } from './model.ts';

export interface MatrixFilter {
  /** Text searched in the permission names (accent- and case-insensitive, `*` wildcard). */
  readonly q: string;
  /** Ids of the profiles to show (empty: all). */
  readonly profiles: readonly string[];
}

/**
 * Reads the profiles, the permissions of the vocabulary matching the filter and every `om_droit`
 * row, through the record service: the actor needs the listing permission of all three.
 */
export async function loadMatrix(c: Context<AppEnv>, actor: Actor, filter: MatrixFilter): Promise<MatrixData> {
  const deps = serviceDeps(c);
  const tr = translator(localeOf(c));
  const [profileRows, permissionRows, grantRows] = await Promise.all([
    listAll(deps, actor, frameworkObject(c, 'om_profil'), { sort: 'hierarchie,libelle' }),
    listAll(deps, actor, frameworkObject(c, 'om_permission'), { sort: 'libelle', q: filter.q, col: filter.q ? 'libelle' : undefined }),
    listAll(deps, actor, frameworkObject(c, 'om_droit'), { sort: 'om_droit' }),
  ]);
  const profiles = toProfiles(profileRows);
  const permissions = permissionRows.map((row) => String(row.libelle));
  return {
    profiles,
    shownProfiles: chosenProfiles(profiles, filter.profiles),
    groups: groupPermissions(permissions, c.get('runtime').registry, {
      object: (label, name) => tr('admin.matrix.groupHeading', { label, name }),
      modules: tr('admin.matrix.otherGroup'),
      applicationOthers: (app) => tr('admin.matrix.applicationGroup', { app }),
    }),
    grants: toGrants(grantRows),
  };
}
