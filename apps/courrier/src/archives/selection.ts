/**
 * Which mail an archiving « jusqu’au » takes: a mail's date is its arrival date for an arrival,
 * its departure date (else its signature date) for a departure, else the day it was registered;
 * every mail dated on or before the limit, of the collectivité the user works in — confidential
 * mail included (it stays confidential in the archives: same visibility rule).
 */
import { sql } from 'kysely';
import type { Db } from '../../../../framework/src/db/connection.ts';
import type { Registre } from '../core/registres.ts';

/** The date the archiving looks at, on alias `c`. */
export const DATE_DU_COURRIER = sql<string>`coalesce(case when c.registre = 'arrivee' then c.date_arrivee else coalesce(c.date_depart, c.date_signature) end, c.cree_le::date)`;

export type Decompte = Readonly<Record<Registre, number>>;

/** How many mails of each registre the archiving would take (to be read as the framework: see above). */
export async function decompte(db: Db, collectivite: number, jusquau: string): Promise<Decompte> {
  const { rows } = await sql<{ registre: Registre; n: number }>`
    select c.registre, count(*)::integer as n from courrier.courrier c
     where c.om_collectivite = ${collectivite} and ${DATE_DU_COURRIER} <= ${jusquau}::date
     group by c.registre`.execute(db);
  const lu = new Map(rows.map((row) => [row.registre, Number(row.n)]));
  return { arrivee: lu.get('arrivee') ?? 0, depart: lu.get('depart') ?? 0 };
}

export const total = (compte: Decompte) => compte.arrivee + compte.depart;

/** The next `limite` mails to archive (keys, oldest key first), locked for the batch's transaction. */
export async function prochainLot(trx: Db, collectivite: number, jusquau: string, limite: number): Promise<number[]> {
  const { rows } = await sql<{ courrier: number }>`
    select c.courrier from courrier.courrier c
     where c.om_collectivite = ${collectivite} and ${DATE_DU_COURRIER} <= ${jusquau}::date
     order by c.courrier limit ${limite}
     for update`.execute(trx);
  return rows.map((row) => Number(row.courrier));
}
