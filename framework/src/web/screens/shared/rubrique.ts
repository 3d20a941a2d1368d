import type { RegisteredObject } from '../../../model/registry.ts';
import type { Rubrique } from '../../../model/override.ts';

/** The menu rubrique an object belongs to (its override's, else `application`). */
export function rubriqueOf(object: RegisteredObject): Rubrique {
  const menu = object.override.screens?.menu;
  return menu ? menu.rubrique : 'application';
}

/**
 * The object's name in the menu, which its listing page takes as title: the menu placement's
 * label, else the application's label for the object (override), else the generated one.
 */
export function menuLabelOf(object: RegisteredObject): string {
  const menu = object.override.screens?.menu;
  return (menu ? menu.label : undefined) ?? object.override.label ?? object.meta.label;
}
