/**
 * The arrival and departure registers: numbered by the framework's registers (om.om_compteur), in
 * the patterns of the parameters `registre_arrivee` and `registre_depart`, by the year of the
 * arrival (or departure) date. To be called in the transaction that writes the mail.
 */
import type { Db } from '../../../../framework/src/db/connection.ts';
import { nextRegisterNumber, type RegisterNumber, type RegisterRef } from '../../../../framework/src/registers/index.ts';
import type { ParametresCourrier } from './parametres.ts';

export type Registre = 'arrivee' | 'depart';

export const REGISTRES: readonly Registre[] = ['arrivee', 'depart'];

export const LIBELLES_REGISTRE: Readonly<Record<Registre, string>> = { arrivee: 'Arrivée', depart: 'Départ' };

export const registreRef = (registre: Registre, collectivite: number): RegisterRef => ({ application: 'courrier', register: registre, collectivite });

export const modeleDuRegistre = (registre: Registre, parametres: ParametresCourrier): string =>
  registre === 'arrivee' ? parametres.registreArrivee : parametres.registreDepart;

/** The next number of the register, e.g. « 2026-42 » or « 2026-D-7 », for a mail dated `date` (YYYY-MM-DD). */
export function prochainNumero(trx: Db, registre: Registre, collectivite: number, parametres: ParametresCourrier, date: string): Promise<RegisterNumber> {
  return nextRegisterNumber(trx, registreRef(registre, collectivite), modeleDuRegistre(registre, parametres), date);
}
