/**
 * An application's permissions as a whole: the names it may declare (`<app>.<name>`) and what
 * ADMINISTRATEUR receives when the application is installed, so that its administrator is not met
 * by 403s on a fresh install.
 */
import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';
import { writeAs } from '../db/tenant-context.ts';
import { t } from '../i18n/index.ts';
import type { Registry } from '../model/registry.ts';
import { undeclaredRoutePermission } from '../model/app-routes.ts';
import { SYSTEM_ACTOR } from './actor.ts';
import { applicationPermission, objectPermission } from './permissions.ts';

/** The profile that administers every application (openMairie's highest level). */
export const ADMINISTRATOR_PROFILE = 'ADMINISTRATEUR';

/** An application's own permissions must carry its name; the first that does not, else undefined. */
export function unprefixedPermission(app: string, permissions: readonly string[]): string | undefined {
  const prefix = applicationPermission(app, '');
  return permissions.find((permission) => !permission.startsWith(prefix) || permission === prefix);
}

/** Refuses to start an application whose declared permissions would not be its own. */
export function checkApplicationPermissions(app: string, permissions: readonly string[]): void {
  const wrong = unprefixedPermission(app, permissions);
  if (wrong !== undefined) throw new Error(t('system.unprefixedPermission', { app, permission: wrong }));
}

/**
 * Refuses to start an application whose page or API route requires a permission that is neither
 * one it declares nor one of its objects': nobody could be given it in the permissions' matrix.
 */
export function checkRoutePermissions(registry: Registry, application: { readonly name: string; readonly permissions?: readonly string[] | undefined }): void {
  const routes = [...registry.apiRoutes(), ...registry.pages()].filter((route) => route.app === application.name);
  const objects = registry.all().filter((object) => object.app === application.name).map((object) => object.name);
  const undeclared = undeclaredRoutePermission(routes, application.permissions ?? [], objects);
  if (undeclared) {
    const { route, permission } = undeclared;
    throw new Error(t('appRoutes.declaration.undeclaredPermission', { app: route.app, path: route.path, permission }));
  }
}

/** The whole-object permission of each of the application's objects, and its own permissions. */
export function installationGrants(registry: Registry, app: string, permissions: readonly string[]): string[] {
  const objects = registry.all().filter((object) => object.app === app);
  return [...new Set([...objects.map((object) => objectPermission(object)), ...permissions])].sort();
}

/** Grants them to ADMINISTRATEUR (idempotent: a right it already has is left as it is). */
export async function grantToAdministrators(db: Db, permissions: readonly string[]): Promise<void> {
  if (permissions.length === 0) return;
  await writeAs(db, SYSTEM_ACTOR, async (trx) => {
    await sql`insert into om.om_droit (libelle, om_profil)
      select name, p.om_profil from unnest(${permissions}::text[]) as name, om.om_profil p
       where p.libelle = ${ADMINISTRATOR_PROFILE}
      on conflict do nothing`.execute(trx);
  });
}
