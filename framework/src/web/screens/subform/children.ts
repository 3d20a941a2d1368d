/**
 * The sub-forms of an object: one per child table, from its incoming single-column foreign keys
 * (openMairie's `$sousformulaire`), among the registered objects, in the override's order and
 * with its titles; hidden ones left out. Each is addressed in URLs by its name (`ligne`), or
 * `app.name` when it belongs to another application.
 */
import type { Actor } from '../../../access/actor.ts';
import { can } from '../../../access/permissions.ts';
import type { RegisteredObject, Registry } from '../../../model/registry.ts';
import { objectLabel } from '../form/permissions.ts';

export interface SubForm {
  readonly child: RegisteredObject;
  /** The child's column holding the parent's key. */
  readonly column: string;
  /** The parent's column it references (its key, usually). */
  readonly parentColumn: string;
  readonly title: string;
  /** How URLs name it (`subListUrl`'s last segment). */
  readonly slug: string;
}

const slugOf = (parent: RegisteredObject, child: RegisteredObject) => (child.app === parent.app ? child.name : `${child.app}.${child.name}`);

/** Every sub-form of `parent`, whoever looks (the first foreign key of a child that has several). */
export function subFormsOf(registry: Registry, parent: RegisteredObject): SubForm[] {
  const declared = parent.override.screens?.subForms;
  const hidden = new Set(declared?.hidden ?? []);
  const found: SubForm[] = [];
  for (const reference of parent.meta.referencedBy) {
    const [column] = reference.columns;
    const [parentColumn] = reference.targetColumns;
    if (reference.columns.length !== 1 || !column || !parentColumn) continue;
    const child = registry.bySchemaTable(reference.source.schema, reference.source.table);
    if (!child || hidden.has(child.name) || found.some((subForm) => subForm.child === child)) continue;
    found.push({ child, column, parentColumn, title: declared?.titles?.[child.name] ?? objectLabel(child), slug: slugOf(parent, child) });
  }
  const order = declared?.order ?? [];
  const rank = (subForm: SubForm) => {
    const index = order.indexOf(subForm.child.name);
    return index === -1 ? order.length : index;
  };
  return found.sort((a, b) => rank(a) - rank(b) || a.title.localeCompare(b.title, 'fr'));
}

/** The sub-forms the actor may list (`<child>_tab`). */
export const visibleSubForms = (registry: Registry, parent: RegisteredObject, actor: Actor) =>
  subFormsOf(registry, parent).filter((subForm) => can(actor, subForm.child, 'tab'));
