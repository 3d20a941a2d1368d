import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';
import { writeAs } from '../db/tenant-context.ts';
import type { Registry } from '../model/registry.ts';
import { SYSTEM_ACTOR } from './actor.ts';
import { MODULE_PERMISSIONS, objectPermission, READ_OPERATIONS, STANDARD_OPERATIONS } from './permissions.ts';

/** Extra module permissions declared by applications (menus, screens that are not objects). */
export const SELF_SERVICE_PERMISSIONS: readonly string[] = ['api_token'];

/**
 * Every permission name the registered objects and actions can check: `<object>`,
 * `<object>_<operation>` and `<object>_<action suffix>` (`<object>` being `<app>.<table>` for an
 * application's object, see `permissionBase`), plus the module permissions.
 */
export function permissionVocabulary(registry: Registry, extra: readonly string[] = []): string[] {
  const names = new Set<string>([...MODULE_PERMISSIONS, ...SELF_SERVICE_PERMISSIONS, ...extra]);
  for (const object of registry.all()) {
    const readOnly = object.meta.readOnly || object.override.readOnly;
    names.add(objectPermission(object));
    for (const operation of readOnly ? READ_OPERATIONS : STANDARD_OPERATIONS) names.add(objectPermission(object, operation));
    for (const [name, action] of Object.entries(object.override.actions ?? {})) {
      names.add(objectPermission(object, action.permissionSuffix ?? name));
    }
  }
  return [...names].sort();
}

/** Rewrites the computed part (type `gen`) of om_permission; rows typed by hand are kept. */
export async function syncPermissionVocabulary(db: Db, registry: Registry, extra: readonly string[] = []): Promise<void> {
  const names = permissionVocabulary(registry, extra);
  await writeAs(db, SYSTEM_ACTOR, async (trx) => {
    await sql`delete from om.om_permission where type = 'gen' and not (libelle = any(${names}::text[]))`.execute(trx);
    await sql`insert into om.om_permission (libelle, type)
      select name, 'gen' from unnest(${names}::text[]) as name
      where not exists (select 1 from om.om_permission p where p.libelle = name)`.execute(trx);
  });
}
