import type { Locale } from '../i18n/index.ts';
import type { FieldErrors, ObjectOverride, WriteContext } from '../model/override.ts';
import { cartesMessage, XYZ_EXAMPLE } from './om_sig_messages.ts';

const menuCategory = cartesMessage('menu.categorie');

/** Where the maps' settings are: Administration › Cartographie. */
export const cartographieMenu = (order: number, label: string) => ({ rubrique: 'administration' as const, category: menuCategory, order, label });

/**
 * An address the browser may load tiles from: https:// (never http://, javascript: or data:) or a
 * path of this site (tiles served locally, the strict Content-Security-Policy allows them).
 */
export function isAllowedLayerUrl(url: string): boolean {
  if (/\s/.test(url)) return false;
  if (url.startsWith('/')) return !url.startsWith('//');
  if (!url.startsWith('https://')) return false;
  try {
    return new URL(url.replace(/\{[a-z]+\}/gi, '0')).protocol === 'https:';
  } catch {
    return false;
  }
}

function checkLayer(values: Record<string, unknown>, locale: Locale | undefined): FieldErrors {
  const errors: FieldErrors = {};
  const url = typeof values['url'] === 'string' ? values['url'].trim() : '';
  const type = String(values['type'] ?? 'xyz');
  if (url !== '' && !isAllowedLayerUrl(url)) errors['url'] = cartesMessage('erreurs.adresse', { url }, locale);
  else if (type === 'xyz' && url !== '' && !['{z}', '{x}', '{y}'].every((token) => url.includes(token))) {
    errors['url'] = cartesMessage('erreurs.tuilesXyz', XYZ_EXAMPLE, locale);
  }
  const couches = typeof values['couches'] === 'string' ? values['couches'].trim() : '';
  if ((type === 'wms' || type === 'wmts') && couches === '') errors['couches'] = cartesMessage('erreurs.couches', { type: type.toUpperCase() }, locale);
  return errors;
}

/** « Fonds de carte »: base layers typed by the administrator, used by the collectivité's maps. */
export const omSigFlux: ObjectOverride = {
  defaultSort: ['libelle'],
  searchColumns: ['libelle', 'url', 'couches'],
  validate: (context: WriteContext) => (context.action === 'delete' ? {} : checkLayer({ ...context.previous, ...context.values }, context.locale)),
  screens: {
    menu: cartographieMenu(20, cartesMessage('menu.fonds')),
    listColumns: ['libelle', 'type', 'url', 'om_collectivite'],
    advancedSearch: [{ field: 'libelle' }, { field: 'type', kind: 'select' }, { field: 'om_collectivite' }],
    widgets: { type: 'select' },
    choices: {
      type: [
        { value: 'xyz', label: cartesMessage('choix.xyz') },
        { value: 'wms', label: cartesMessage('choix.wms') },
        { value: 'wmts', label: cartesMessage('choix.wmts') },
      ],
    },
    help: { url: cartesMessage('aide.url', XYZ_EXAMPLE), couches: cartesMessage('aide.couches') },
  },
};
