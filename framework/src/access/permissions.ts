import type { Actor } from './actor.ts';
import { isSystem } from './actor.ts';

/** The standard operations on an object; custom actions use their own permission suffix. */
export type Operation = 'tab' | 'consulter' | 'ajouter' | 'modifier' | 'supprimer' | 'exporter';

export const STANDARD_OPERATIONS: readonly Operation[] = ['tab', 'consulter', 'ajouter', 'modifier', 'supprimer', 'exporter'];
export const READ_OPERATIONS: readonly Operation[] = ['tab', 'consulter', 'exporter'];

/** Permissions that are not about one object (openMairie's modules). */
export const MODULE_PERMISSIONS: readonly string[] = ['password', 'edition', 'reqmo', 'import', 'gen'];

/** The framework's own "application": its objects and module permissions keep openMairie's names. */
export const FRAMEWORK_APP = 'om';

/** What object permissions are about: a table of an application (`om` for the framework's). */
export interface PermissionSubject {
  readonly app: string;
  readonly name: string;
}

/** One of the framework's own objects (`om_droit`, `om_dashboard`…), as a permission subject. */
export const frameworkSubject = (name: string): PermissionSubject => ({ app: FRAMEWORK_APP, name });

/**
 * An application's own permission: `<app>.<name>`, so that two applications never share one.
 * The framework's permissions keep their openMairie names.
 */
export function applicationPermission(app: string, name: string): string {
  return app === FRAMEWORK_APP ? name : `${app}.${name}`;
}

/**
 * The whole-object permission, which every permission on the object starts with: `<table>` for
 * the framework's objects, `<app>.<table>` for an application's (openMairie's `<table>_<action>`
 * shape inside it: `registre.service_modifier`). The only place that builds it.
 */
export const permissionBase = (subject: PermissionSubject): string => applicationPermission(subject.app, subject.name);

/** `<base>_<suffix>` (`registre.traitement_valider`), or the whole-object permission without a suffix. */
export function objectPermission(subject: PermissionSubject, suffix?: string): string {
  const base = permissionBase(subject);
  return suffix === undefined ? base : `${base}_${suffix}`;
}

/** openMairie's rule: `<object>_<suffix>` or the whole-object permission `<object>`. Deny by default. */
export function can(actor: Actor, subject: PermissionSubject, suffix: string): boolean {
  return allows(actor, permissionBase(subject), suffix);
}

/** The same rule for a permission base already computed (a permission named by a menu entry, a widget). */
export function allows(actor: Actor, base: string, suffix: string): boolean {
  if (isSystem(actor)) return true;
  return actor.permissions.has(`${base}_${suffix}`) || actor.permissions.has(base);
}

/** A module permission such as `password` or `gen`, or an application's own (`registre.revue`). */
export function holds(actor: Actor, permission: string): boolean {
  return isSystem(actor) || actor.permissions.has(permission);
}
