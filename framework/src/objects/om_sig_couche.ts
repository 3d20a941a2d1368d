import type { Locale } from '../i18n/index.ts';
import type { FieldErrors, ObjectOverride } from '../model/override.ts';
import type { RegisteredObject, Registry } from '../model/registry.ts';
import type { FieldMeta } from '../model/types.ts';
import { cartesMessage } from './om_sig_messages.ts';
import { geometryFields, mappableObject, mappableObjetChoices } from './om_sig_objets.ts';

/** A field whose values are a short fixed list: an enum, the override's choices, a boolean or a reference. */
function hasFixedChoices(object: RegisteredObject, field: FieldMeta): boolean {
  if (field.kind === 'geometry') return false;
  if ((field.enumValues?.length ?? 0) > 0 || field.kind === 'boolean') return true;
  if (object.override.screens?.choices?.[field.name] !== undefined) return true;
  return object.meta.foreignKeys.some((key) => key.columns.length === 1 && key.columns[0] === field.name);
}

export const styleFields = (object: RegisteredObject): FieldMeta[] => object.meta.fields.filter((field) => hasFixedChoices(object, field));

const listed = (fields: readonly FieldMeta[], locale: Locale | undefined) =>
  fields.length === 0 ? cartesMessage('erreurs.aucunChamp', undefined, locale) : fields.map((field) => field.name).join(', ');

/** The object is drawable; the geometry field is one of its geometry fields; the style field has fixed choices. */
function checkOverlay(registry: Registry, values: Record<string, unknown>, locale: Locale | undefined): FieldErrors {
  const objet = typeof values['objet'] === 'string' ? values['objet'] : '';
  if (objet === '') return {};
  const mappable = mappableObject(registry, objet, locale);
  if ('error' in mappable) return { objet: mappable.error };
  const errors: FieldErrors = {};
  const geometry = typeof values['champ_geometrie'] === 'string' ? values['champ_geometrie'].trim() : '';
  const geometries = geometryFields(mappable.object);
  if (geometry !== '' && !geometries.some((field) => field.name === geometry)) {
    errors['champ_geometrie'] = cartesMessage('erreurs.champGeometrie', { champ: geometry, objet, champs: listed(geometries, locale) }, locale);
  }
  const style = typeof values['champ_style'] === 'string' ? values['champ_style'].trim() : '';
  const styles = styleFields(mappable.object);
  if (style !== '' && !styles.some((field) => field.name === style)) {
    errors['champ_style'] = cartesMessage('erreurs.champStyle', { champ: style, objet, champs: listed(styles, locale) }, locale);
  }
  return errors;
}

/** « Couches »: an overlay of a map drawn from another object, coloured by a field after its legend. */
export function omSigCouche(registry: Registry): ObjectOverride {
  return {
    defaultSort: ['om_sig_carte', 'ordre', 'libelle'],
    searchColumns: ['libelle', 'objet'],
    validate: (context) => (context.action === 'delete' ? {} : checkOverlay(registry, { ...context.previous, ...context.values }, context.locale)),
    screens: {
      menu: false,
      listColumns: ['libelle', 'objet', 'champ_style', 'ordre', 'visible'],
      dynamicChoices: { objet: (context) => mappableObjetChoices(registry, context) },
      formLayout: [
        { legend: cartesMessage('legendes.couche'), fields: ['om_sig_carte', 'libelle', 'objet', 'champ_geometrie', 'ordre', 'visible', 'om_collectivite'] },
        { legend: cartesMessage('legendes.style'), fields: ['champ_style'] },
      ],
      help: { objet: cartesMessage('aide.objetCouche'), champ_geometrie: cartesMessage('aide.champGeometrie'), champ_style: cartesMessage('aide.champStyle') },
    },
  };
}

/** The base layers of a map, in order (reached from the map's page). */
export const omSigCarteFlux: ObjectOverride = {
  defaultSort: ['om_sig_carte', 'ordre'],
  screens: { menu: false, listColumns: ['om_sig_carte', 'om_sig_flux', 'ordre', 'visible'] },
};

/** One colour per value of an overlay's style field (reached from the overlay's page). */
export const omSigLegende: ObjectOverride = {
  defaultSort: ['om_sig_couche', 'valeur'],
  searchColumns: ['valeur', 'libelle'],
  validate: ({ action, values, previous, locale }): FieldErrors => {
    if (action === 'delete') return {};
    if (!Object.hasOwn(values, 'couleur') && previous !== undefined) return {};
    const couleur = String(values['couleur'] ?? '');
    return /^#[0-9a-f]{6}$/i.test(couleur) ? {} : { couleur: cartesMessage('erreurs.couleur', { couleur }, locale) };
  },
  screens: {
    menu: false,
    listColumns: ['valeur', 'libelle', 'couleur'],
    widgets: { couleur: 'color' },
    help: { couleur: cartesMessage('aide.couleur') },
  },
};
