import type { RegisteredObject } from '../../../model/registry.ts';
import type { Rubrique } from '../../../model/override.ts';

/** The menu rubrique an object belongs to (its override's, else `application`). */
export function rubriqueOf(object: RegisteredObject): Rubrique {
  const menu = object.override.screens?.menu;
  return menu ? menu.rubrique : 'application';
}
