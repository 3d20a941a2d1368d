/**
 * The yearly registers' numbers (actes de concession, dossiers d'opération, factures), numbered by
 * the framework's registers (om.om_compteur, application « cimetiere »): taken in the caller's
 * transaction, no gap (a rolled-back transaction gives its number back) and no duplicate under
 * concurrent entry. A new year starts at 1 by itself: the reference's « remise à zéro du numéro de
 * dossier » each January is not needed.
 */
import type { Db } from '../../../../framework/src/db/connection.ts';
import { formatRegisterNumber, nextRegisterNumber } from '../../../../framework/src/registers/index.ts';

export type Registre = 'acte' | 'operation' | 'facture';

const MODELES: Readonly<Record<Registre, string>> = { acte: '[annee]-[seq]', operation: '[annee]-[seq]', facture: 'F-[annee]-[seq]' };

export const formatNumero = (registre: Registre, annee: number, rang: number): string => formatRegisterNumber(MODELES[registre], annee, rang);

/** The next number of the register for the year of `date` (YYYY-MM-DD), e.g. « 2026-14 » or « F-2026-3 ». */
export async function prochainNumero(trx: Db, registre: Registre, date: string, collectivite: number): Promise<string> {
  const numero = await nextRegisterNumber(trx, { application: 'cimetiere', register: registre, collectivite }, MODELES[registre], date);
  return numero.number;
}
