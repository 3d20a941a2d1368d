import { sql } from 'kysely';
import type { Locale } from '../i18n/index.ts';
import type { FieldErrors, ObjectOverride, WriteContext } from '../model/override.ts';
import type { Registry } from '../model/registry.ts';
import { cartesMessage } from './om_sig_messages.ts';
import { cartographieMenu } from './om_sig_flux.ts';
import { mappableObject, mappableObjetChoices } from './om_sig_objets.ts';

const EXTENT_FIELDS = ['emprise_min_longitude', 'emprise_min_latitude', 'emprise_max_longitude', 'emprise_max_latitude'] as const;

const numberOf = (value: unknown): number | null => (value === null || value === undefined || value === '' ? null : Number(value));

/** The centre has both coordinates or none; the extent has its four bounds or none, west < east, south < north. */
function checkView(values: Record<string, unknown>, locale: Locale | undefined): FieldErrors {
  const errors: FieldErrors = {};
  if ((numberOf(values['centre_longitude']) === null) !== (numberOf(values['centre_latitude']) === null)) {
    errors[numberOf(values['centre_longitude']) === null ? 'centre_longitude' : 'centre_latitude'] = cartesMessage('erreurs.centre', undefined, locale);
  }
  const [minLon, minLat, maxLon, maxLat] = EXTENT_FIELDS.map((name) => numberOf(values[name]));
  const given = [minLon, minLat, maxLon, maxLat].filter((value) => value !== null).length;
  if (given > 0 && given < 4) {
    const missing = EXTENT_FIELDS.find((name) => numberOf(values[name]) === null) ?? 'emprise_min_longitude';
    errors[missing] = cartesMessage('erreurs.empriseIncomplete', undefined, locale);
  } else if (given === 4) {
    if (Number(minLon) >= Number(maxLon)) errors['emprise_max_longitude'] = cartesMessage('erreurs.empriseLongitude', { min: String(minLon), max: String(maxLon) }, locale);
    if (Number(minLat) >= Number(maxLat)) errors['emprise_max_latitude'] = cartesMessage('erreurs.empriseLatitude', { min: String(minLat), max: String(maxLat) }, locale);
  }
  return errors;
}

/** One map per object and one default map per collectivité (the unique index says so too, without a field). */
async function checkUnique(context: WriteContext, values: Record<string, unknown>): Promise<FieldErrors> {
  const objet = typeof values['objet'] === 'string' && values['objet'] !== '' ? values['objet'] : null;
  const collectivite = Number(values['om_collectivite'] ?? context.actor.workingCollectivite);
  const self = context.previous ? Number(context.previous['om_sig_carte']) : null;
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from om.om_sig_carte
    where om_collectivite = ${collectivite} and coalesce(objet, '') = ${objet ?? ''} and om_sig_carte is distinct from ${self}`.execute(context.trx);
  if ((rows[0]?.n ?? 0) === 0) return {};
  return { objet: objet === null ? cartesMessage('erreurs.carteParDefautEnDouble', undefined, context.locale) : cartesMessage('erreurs.carteEnDouble', { objet }, context.locale) };
}

/** « Cartes »: the map of an object, or the collectivité's default map (successor of om_sig_map). */
export function omSigCarte(registry: Registry): ObjectOverride {
  return {
    defaultSort: ['libelle'],
    searchColumns: ['libelle', 'objet'],
    validate: async (context) => {
      if (context.action === 'delete') return {};
      const values = { ...context.previous, ...context.values };
      const errors = checkView(values, context.locale);
      const objet = values['objet'];
      if (typeof objet === 'string' && objet !== '') {
        const mappable = mappableObject(registry, objet, context.locale);
        if ('error' in mappable) errors['objet'] = mappable.error;
      }
      return Object.keys(errors).length > 0 ? errors : checkUnique(context, values);
    },
    screens: {
      menu: cartographieMenu(10, cartesMessage('menu.cartes')),
      listColumns: ['libelle', 'objet', 'projection', 'zoom', 'om_collectivite'],
      advancedSearch: [{ field: 'libelle' }, { field: 'objet' }, { field: 'om_collectivite' }],
      widgets: { projection: 'select' },
      choices: {
        projection: [
          { value: 'EPSG:3857', label: cartesMessage('choix.webMercator') },
          { value: 'EPSG:2154', label: cartesMessage('choix.lambert93') },
          { value: 'EPSG:4326', label: cartesMessage('choix.wgs84') },
        ],
      },
      dynamicChoices: { objet: (context) => mappableObjetChoices(registry, context) },
      formLayout: [
        { legend: cartesMessage('legendes.carte'), fields: ['libelle', 'objet', 'om_collectivite'] },
        { legend: cartesMessage('legendes.vue'), fields: ['projection', 'zoom', 'centre_longitude', 'centre_latitude'], columns: 2 },
        { legend: cartesMessage('legendes.emprise'), fields: [...EXTENT_FIELDS], columns: 2 },
      ],
      help: { objet: cartesMessage('aide.objetCarte'), emprise_min_longitude: cartesMessage('aide.emprise') },
      subForms: { order: ['om_sig_carte_flux', 'om_sig_couche'] },
    },
  };
}
