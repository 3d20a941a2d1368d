/** The fixed choices of the résultats tables, with the French labels the screens show. */
import type { Choice } from '../../../../framework/src/model/override.ts';

export const TYPES_ELECTION: readonly Choice[] = [
  { value: 'municipales', label: 'Municipales (1 000 habitants et plus)' },
  { value: 'municipales_moins_1000', label: 'Municipales (moins de 1 000 habitants)' },
  { value: 'legislatives', label: 'Législatives' },
  { value: 'presidentielle', label: 'Présidentielle' },
  { value: 'europeennes', label: 'Européennes' },
  { value: 'departementales', label: 'Départementales' },
  { value: 'regionales', label: 'Régionales' },
];

export const ETATS_ELECTION: readonly Choice[] = [
  { value: 'preparation', label: 'En préparation' },
  { value: 'ouverte', label: 'Ouverte (saisie en cours)' },
  { value: 'close', label: 'Close (résultats proclamés)' },
  { value: 'archivee', label: 'Archivée' },
];

export const ETATS_BUREAU: readonly Choice[] = [
  { value: 'non_arrive', label: 'Non arrivé' },
  { value: 'saisi', label: 'Saisi' },
  { value: 'erreur', label: 'En erreur' },
  { value: 'valide', label: 'Validé' },
];

export const SEXES: readonly Choice[] = [
  { value: 'F', label: 'Femme' },
  { value: 'M', label: 'Homme' },
];

export const MUNICIPALES = ['municipales', 'municipales_moins_1000'] as const;

export const isMunicipales = (type: unknown): boolean => type === 'municipales' || type === 'municipales_moins_1000';

/** The label of a type of election (its code when unknown). */
export const typeLabel = (type: string): string => TYPES_ELECTION.find((choice) => choice.value === type)?.label ?? type;
