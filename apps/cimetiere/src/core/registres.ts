/**
 * The yearly registers' numbers (actes de concession, dossiers d'opération, factures): one counter
 * row per register, year and collectivité, incremented under its row lock in the caller's
 * transaction. No gap (a rolled-back transaction gives its number back) and no duplicate under
 * concurrent entry. A new year starts at 1 by itself: the reference's « remise à zéro du numéro de
 * dossier » each January is not needed.
 */
import { sql } from 'kysely';
import type { Db } from '../../../../framework/src/db/connection.ts';

export type Registre = 'acte' | 'operation' | 'facture';

const PREFIXES: Readonly<Record<Registre, string>> = { acte: '', operation: '', facture: 'F-' };

export const formatNumero = (registre: Registre, annee: number, rang: number): string => `${PREFIXES[registre]}${annee}-${rang}`;

/** The next number of the register for the year of `date` (YYYY-MM-DD), e.g. « 2026-14 » or « F-2026-3 ». */
export async function prochainNumero(trx: Db, registre: Registre, date: string, collectivite: number): Promise<string> {
  const annee = Number(date.slice(0, 4));
  const result = await sql<{ dernier: number }>`
    insert into cimetiere.compteur (registre, annee, dernier, om_collectivite) values (${registre}, ${annee}, 1, ${collectivite})
    on conflict (registre, annee, om_collectivite) do update set dernier = cimetiere.compteur.dernier + 1
    returning dernier`.execute(trx);
  const row = result.rows[0];
  if (!row) throw new Error('compteur non écrit');
  return formatNumero(registre, annee, Number(row.dernier));
}
