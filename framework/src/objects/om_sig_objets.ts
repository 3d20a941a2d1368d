/**
 * The objects a map or an overlay is about: `objet` = `<app>.<table>` of a registered object with a
 * geometry field, chosen from a list and checked on every write (as the documents' `objet`).
 */
import { objectOfObjet, objetLabel, objetOf } from '../documents/objet.ts';
import type { Locale } from '../i18n/index.ts';
import type { Choice, ChoicesContext } from '../model/override.ts';
import type { RegisteredObject, Registry } from '../model/registry.ts';
import type { FieldMeta } from '../model/types.ts';
import { cartesMessage } from './om_sig_messages.ts';

export const geometryFields = (object: RegisteredObject): FieldMeta[] => object.meta.fields.filter((field) => field.kind === 'geometry');

/** The registered objects with a geometry field, by label; the value stays `<app>.<table>`. */
export function mappableObjetChoices(registry: Registry, context: ChoicesContext): Promise<Choice[]> {
  return Promise.resolve(
    registry
      .all()
      .filter((object) => object.meta.key !== null && geometryFields(object).length > 0)
      .map((object) => ({ value: objetOf(object), label: objetLabel(object, context.applicationTitle) }))
      .sort((a, b) => a.label.localeCompare(b.label, 'fr') || a.value.localeCompare(b.value)),
  );
}

export type MappableObject = { readonly object: RegisteredObject } | { readonly error: string };

/** The object an `objet` names, or the French message saying why it cannot be drawn. */
export function mappableObject(registry: Registry, objet: string, locale: Locale | undefined): MappableObject {
  const object = objectOfObjet(registry, objet);
  if (!object) return { error: cartesMessage('erreurs.objetInconnu', { objet }, locale) };
  if (geometryFields(object).length === 0) return { error: cartesMessage('erreurs.objetSansGeometrie', { objet }, locale) };
  return { object };
}
