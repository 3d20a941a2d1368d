/**
 * The object an état or a lettre type prints a record of: `objet` = `<app>.<table>` of a
 * registered object (migration 0011). Chosen from a list of them, checked on every write.
 */
import type { Choice } from '../model/override.ts';
import type { RegisteredObject, Registry } from '../model/registry.ts';

export const objetOf = (object: Pick<RegisteredObject, 'app' | 'name'>) => `${object.app}.${object.name}`;

/** The registered object an `objet` names, if any. */
export function objectOfObjet(registry: Registry, objet: string | null | undefined): RegisteredObject | undefined {
  const [app, table, extra] = (objet ?? '').split('.');
  if (!app || !table || extra !== undefined) return undefined;
  return registry.get(app, table);
}

/** Every registered object with a key (a record to print), by label: « Électeur (elections.electeur) ». */
export function objetChoices(registry: Registry): Choice[] {
  return registry
    .all()
    .filter((object) => object.meta.key !== null)
    .map((object) => ({ value: objetOf(object), label: `${object.meta.label} (${objetOf(object)})` }))
    .sort((a, b) => a.label.localeCompare(b.label, 'fr'));
}
