/** The French labels of the coded values of concessions, tarifs, factures and reprises (migration 0001's checks). */
import type { Choice } from '../../../../framework/src/model/override.ts';

export type DureeType = 'temporaire' | 'trentenaire' | 'cinquantenaire' | 'perpetuelle';

export const DUREES: readonly Choice[] = [
  { value: 'temporaire', label: 'Temporaire (15 ans au plus)' },
  { value: 'trentenaire', label: 'Trentenaire' },
  { value: 'cinquantenaire', label: 'Cinquantenaire' },
  { value: 'perpetuelle', label: 'Perpétuelle' },
];

/** « une concession trentenaire », « une concession temporaire de 10 ans ». */
export function dureeEnMots(dureeType: string, duree: number | null): string {
  if (dureeType === 'temporaire') return `temporaire de ${duree ?? '?'} ans`;
  if (dureeType === 'perpetuelle') return 'perpétuelle';
  return dureeType;
}

export const TYPES_CONCESSION: readonly Choice[] = [
  { value: 'familiale', label: 'Familiale' },
  { value: 'individuelle', label: 'Individuelle' },
  { value: 'collective', label: 'Collective' },
];

export const ETATS_CONCESSION: readonly Choice[] = [
  { value: 'active', label: 'Active' },
  { value: 'renouvelee', label: 'Renouvelée' },
  { value: 'convertie', label: 'Convertie' },
  { value: 'retrocedee', label: 'Rétrocédée' },
  { value: 'terminee', label: 'Terminée (fin de concession)' },
  { value: 'reprise', label: 'Reprise par la commune' },
];

export const ORIGINES_CONCESSION: readonly Choice[] = [
  { value: 'vente', label: 'Vente' },
  { value: 'renouvellement', label: 'Renouvellement' },
  { value: 'conversion', label: 'Conversion' },
];

export const OBJETS_FACTURE: readonly Choice[] = [
  { value: 'vente', label: 'Vente de concession' },
  { value: 'renouvellement', label: 'Renouvellement' },
  { value: 'conversion', label: 'Conversion' },
  { value: 'operation', label: 'Opération funéraire' },
  { value: 'autre', label: 'Autre' },
];

export const ETATS_FACTURE: readonly Choice[] = [
  { value: 'emise', label: 'Émise' },
  { value: 'titree', label: 'Titre émis' },
  { value: 'payee', label: 'Payée' },
  { value: 'annulee', label: 'Annulée' },
];

export const ETATS_REPRISE: readonly Choice[] = [
  { value: 'en_cours', label: 'En cours' },
  { value: 'abandonnee', label: 'Abandonnée (sépulture remise en état)' },
  { value: 'reprise', label: 'Reprise prononcée' },
];

/** Natures of emplacement that can be conceded (an ossuaire, a dépositoire or a terrain communal cannot). */
export const NATURES_CONCEDABLES: readonly string[] = ['concession', 'colombarium', 'enfeu'];

