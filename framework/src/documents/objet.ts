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

/**
 * How users name the object a document prints: its label, after its application's title when one
 * is known (« Registre RGPD › Traitement »), so that objects of several applications read apart.
 */
export function objetLabel(object: Pick<RegisteredObject, 'app' | 'meta'>, applicationTitle?: (app: string) => string | undefined): string {
  const title = applicationTitle?.(object.app);
  return title ? `${title} › ${object.meta.label}` : object.meta.label;
}

/** Every registered object with a key (a record to print), by label; the value stays `<app>.<table>`. */
export function objetChoices(registry: Registry, applicationTitle?: (app: string) => string | undefined): Choice[] {
  return registry
    .all()
    .filter((object) => object.meta.key !== null)
    .map((object) => ({ value: objetOf(object), label: objetLabel(object, applicationTitle) }))
    .sort((a, b) => a.label.localeCompare(b.label, 'fr') || a.value.localeCompare(b.value));
}
