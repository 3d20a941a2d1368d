/**
 * The French labels of the schema's coded values (check constraints of migration 0001): the
 * choices of the forms and of the advanced searches, and the words of the search page, the
 * widgets and the documents. One place, so that « Terrain communal » reads the same everywhere.
 */
import type { Choice } from '../../../../framework/src/model/override.ts';

export type NatureEmplacement = 'concession' | 'colombarium' | 'enfeu' | 'ossuaire' | 'terrain_communal' | 'depositoire';

export const NATURES_EMPLACEMENT: readonly Choice[] = [
  { value: 'concession', label: 'Concession' },
  { value: 'colombarium', label: 'Colombarium' },
  { value: 'enfeu', label: 'Enfeu' },
  { value: 'ossuaire', label: 'Ossuaire' },
  { value: 'terrain_communal', label: 'Terrain communal' },
  { value: 'depositoire', label: 'Dépositoire' },
];

/** The natures as the menu names their listings (plural). */
export const NATURES_EMPLACEMENT_PLURIEL: readonly Choice[] = [
  { value: 'concession', label: 'Concessions' },
  { value: 'colombarium', label: 'Colombariums' },
  { value: 'enfeu', label: 'Enfeus' },
  { value: 'ossuaire', label: 'Ossuaires' },
  { value: 'terrain_communal', label: 'Terrains communaux' },
  { value: 'depositoire', label: 'Dépositoires' },
];

export const ETATS_EMPLACEMENT: readonly Choice[] = [
  { value: 'libre', label: 'Libre' },
  { value: 'occupe', label: 'Occupé' },
  { value: 'a_terme', label: 'À terme' },
  { value: 'en_reprise', label: 'En reprise' },
];

export const NATURES_DEFUNT: readonly Choice[] = [
  { value: 'cercueil', label: 'Cercueil' },
  { value: 'urne', label: 'Urne' },
  { value: 'reduction', label: 'Réduction (boîte à ossements)' },
];

export const NATURES_AUTORISATION: readonly Choice[] = [
  { value: 'concessionnaire', label: 'Concessionnaire' },
  { value: 'ayant_droit', label: 'Ayant droit' },
];

export const NATURES_DEMANDEUR: readonly Choice[] = [
  { value: 'concessionnaire', label: 'Concessionnaire' },
  { value: 'ayant_droit', label: 'Ayant droit' },
  { value: 'autre', label: 'Autre' },
];

export const TYPES_DOSSIER: readonly Choice[] = [
  { value: 'photo', label: 'Photo' },
  { value: 'document', label: 'Document (acte, arrêté, note…)' },
];

export const REGISTRES: readonly Choice[] = [
  { value: 'acte', label: 'Actes de concession' },
  { value: 'operation', label: 'Opérations' },
  { value: 'facture', label: 'Factures' },
];

/** The label of a coded value, or the value itself when the list does not have it. */
export const libelleDe = (choices: readonly Choice[], value: unknown): string =>
  choices.find((choice) => choice.value === value)?.label ?? String(value ?? '');

/** Natures whose capacity is informative: a défunt over it is a warning, not a refusal. */
export const NATURES_CAPACITE_INDICATIVE: readonly string[] = ['ossuaire', 'depositoire'];
