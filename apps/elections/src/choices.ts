/**
 * The fixed values of the schema's CHECK constraints, with the words agents read: what the forms
 * offer and the listings show instead of the stored codes.
 */
import type { Choice } from '../../../framework/src/model/override.ts';

export const CIVILITES: readonly Choice[] = [
  { value: 'M.', label: 'M.' },
  { value: 'Mme', label: 'Mme' },
];

export const SEXES: readonly Choice[] = [
  { value: 'M', label: 'Masculin' },
  { value: 'F', label: 'Féminin' },
];

export type LieuNaissance = 'france' | 'etranger' | 'algerie';

export const LIEUX_NAISSANCE: readonly (Choice & { readonly value: LieuNaissance })[] = [
  { value: 'france', label: 'En France' },
  { value: 'etranger', label: 'À l’étranger' },
  { value: 'algerie', label: 'Dans un ancien département français d’Algérie' },
];

export const ETATS_MOUVEMENT: readonly Choice[] = [
  { value: 'a_instruire', label: 'À instruire' },
  { value: 'en_attente', label: 'En attente' },
  { value: 'accepte', label: 'Accepté' },
  { value: 'refuse', label: 'Refusé' },
  { value: 'transmis', label: 'Transmis' },
  { value: 'archive', label: 'Archivé' },
];

export const PROVENANCES: readonly Choice[] = [
  { value: 'mairie', label: 'Mairie' },
  { value: 'insee', label: 'INSEE' },
  { value: 'en_ligne', label: 'Demande en ligne' },
  { value: 'consulat', label: 'Consulat' },
];

export const CATEGORIES_MOUVEMENT: readonly Choice[] = [
  { value: 'inscription', label: 'Inscription' },
  { value: 'modification', label: 'Modification' },
  { value: 'radiation', label: 'Radiation' },
];

export const EFFETS: readonly Choice[] = [
  { value: 'immediat', label: 'Immédiat' },
  { value: '1ermars', label: 'Au 1er mars' },
  { value: 'election', label: 'À l’élection' },
];

export const CARTES: readonly Choice[] = [
  { value: 'toujours', label: 'Toujours' },
  { value: 'jamais', label: 'Jamais' },
];

export const TYPES_COMMUNE: readonly Choice[] = [
  { value: 'COM', label: 'Commune' },
  { value: 'ARM', label: 'Arrondissement municipal' },
  { value: 'COMD', label: 'Commune déléguée' },
  { value: 'COMA', label: 'Commune associée' },
];

export const TYPES_SCRUTIN: readonly Choice[] = [
  { value: 'municipales', label: 'Municipales' },
  { value: 'europeennes', label: 'Européennes' },
  { value: 'presidentielle', label: 'Présidentielle' },
  { value: 'legislatives', label: 'Législatives' },
  { value: 'departementales', label: 'Départementales' },
  { value: 'regionales', label: 'Régionales' },
  { value: 'referendum', label: 'Référendum' },
  { value: 'partielle', label: 'Élection partielle' },
];
