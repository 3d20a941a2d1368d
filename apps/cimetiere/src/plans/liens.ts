/**
 * Les adresses des plans et les liens des fiches vers eux : « Plan du cimetière » sur la fiche d’un
 * cimetière, « Voir sur le plan » sur celle d’un emplacement. Sans autre dépendance, pour que les
 * surcharges des objets les importent sans charger les pages.
 */
import type { RecordLink } from '../../../../framework/src/model/override.ts';

/** Lire les emplacements suffit pour voir les plans (CONSULTATION et au-dessus). */
export const PERMISSION_PLAN = 'cimetiere.emplacement_tab';

export const cheminPlan = (cimetiere: number | string): string => `/cimetiere/plan-cimetiere/${encodeURIComponent(String(cimetiere))}`;

/** À mettre dans `links` de la surcharge de l’emplacement. */
export const lienPlanDeLEmplacement: RecordLink = {
  label: 'Voir sur le plan',
  href: (record) => `/cimetiere/plan-emplacement/${encodeURIComponent(String(record['emplacement']))}`,
  permissions: [PERMISSION_PLAN],
};

/** À mettre dans `links` de la surcharge du cimetière. */
export const lienPlanDuCimetiere: RecordLink = {
  label: 'Plan du cimetière',
  href: (record) => cheminPlan(String(record['cimetiere'])),
  permissions: [PERMISSION_PLAN],
};
