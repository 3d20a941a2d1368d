/**
 * Whether an actor's working collectivité uses an application. The framework's own objects
 * (application `om`) are never disabled; the system actor uses everything.
 */
import { isSystem, type Actor } from '../actor.ts';
import { FRAMEWORK_APP } from '../permissions.ts';

export function usesApplication(actor: Actor, application: string): boolean {
  if (application === FRAMEWORK_APP || isSystem(actor)) return true;
  return !(actor.disabledApplications?.has(application) ?? false);
}

/**
 * The permissions left once the disabled applications' are taken out: an application's
 * permissions are all named `<app>.<…>` (migration 0009), so every check that reads them
 * (listings, forms, exports, documents, imports, stored queries, jobs) refuses at once.
 */
export function withoutDisabledApplications(permissions: readonly string[], disabled: ReadonlySet<string>): string[] {
  if (disabled.size === 0) return [...permissions];
  return permissions.filter((permission) => {
    const dot = permission.indexOf('.');
    return dot < 0 || !disabled.has(permission.slice(0, dot));
  });
}
