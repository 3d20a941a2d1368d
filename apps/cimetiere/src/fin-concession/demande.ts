/** The inputs of « Fin de concession »: date de fin, ossuaire, motif, read and checked (French messages per field). */
import type { Row } from '../../../../framework/src/db/connection.ts';
import type { Choice, FieldErrors } from '../../../../framework/src/model/override.ts';
import { parseFrenchDate } from '../../../../framework/src/records/coerce.ts';

export type Motif = 'terme' | 'retrocession' | 'reprise';

export const MOTIFS: readonly Choice[] = [
  { value: 'terme', label: 'Terme de la concession' },
  { value: 'retrocession', label: 'Rétrocession à la commune' },
  { value: 'reprise', label: 'Reprise (procédure de reprise)' },
];

export const motifLibelle = (motif: unknown): string => MOTIFS.find((choice) => choice.value === motif)?.label ?? String(motif ?? '');

export interface FinDemandee {
  readonly dateFin: string;
  readonly ossuaire: number | undefined;
  readonly motif: Motif;
}

export function lireDemande(input: Row): { readonly demande?: FinDemandee; readonly errors: FieldErrors } {
  const errors: FieldErrors = {};
  const dateTexte = String(input.date_fin ?? '').trim();
  const dateFin = dateTexte === '' ? undefined : parseFrenchDate(dateTexte);
  if (dateTexte === '') errors.date_fin = 'Indiquez la date de fin de la concession.';
  else if (!dateFin) errors.date_fin = `« ${dateTexte} » n’est pas une date : écrivez-la JJ/MM/AAAA.`;
  const ossuaireTexte = String(input.ossuaire ?? '').trim();
  const ossuaire = ossuaireTexte === '' ? undefined : Number(ossuaireTexte);
  if (ossuaire !== undefined && !Number.isSafeInteger(ossuaire)) errors.ossuaire = 'Choisissez l’ossuaire dans la liste.';
  const motif = String(input.motif ?? '').trim() || 'terme';
  if (!MOTIFS.some((choice) => choice.value === motif)) errors.motif = 'Choisissez le motif : terme, rétrocession ou reprise.';
  if (Object.keys(errors).length > 0 || !dateFin) return { errors };
  return { demande: { dateFin, ossuaire, motif: motif as Motif }, errors };
}
