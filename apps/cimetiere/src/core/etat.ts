/**
 * The state of an emplacement on the plans (issue 14, point 8), kept in `emplacement.etat` by the
 * application: en_reprise while a procédure de reprise is under way, a_terme when its active
 * concession's term has passed, occupe when it has an active concession or défunts still there,
 * libre otherwise. Every treatment that changes one of these calls `recalculerEtat`; the daily job
 * and « Calcul de la place » call `recalculerEtats` (a concession reaches its term without a write).
 */
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../../../framework/src/db/connection.ts';
import { todayInParis } from '../../../../framework/src/jobs/daily.ts';

export type EtatEmplacement = 'libre' | 'occupe' | 'a_terme' | 'en_reprise';

const etatCalcule = (aujourdhui: string): RawBuilder<EtatEmplacement> => sql<EtatEmplacement>`case
    when exists (select from cimetiere.reprise r where r.emplacement = e.emplacement and r.etat = 'en_cours') then 'en_reprise'
    when exists (select from cimetiere.concession c where c.emplacement = e.emplacement and c.etat = 'active'
                   and c.date_terme < ${aujourdhui}::date) then 'a_terme'
    when exists (select from cimetiere.concession c where c.emplacement = e.emplacement and c.etat = 'active')
      or exists (select from cimetiere.defunt d where d.emplacement = e.emplacement and not d.exhumation) then 'occupe'
    else 'libre' end`;

/** Today in Paris (a concession reaches its term at midnight in France, not in UTC): the framework's day. */
export const aujourdhuiAParis = todayInParis;

export async function recalculerEtat(trx: Db, emplacement: number, aujourdhui = aujourdhuiAParis()): Promise<EtatEmplacement> {
  const result = await sql<{ etat: EtatEmplacement }>`update cimetiere.emplacement e set etat = ${etatCalcule(aujourdhui)}
     where e.emplacement = ${emplacement} returning e.etat`.execute(trx);
  const row = result.rows[0];
  if (!row) throw new Error(`emplacement ${emplacement} introuvable`);
  return row.etat;
}

/** Every emplacement in reach; returns how many changed. */
export async function recalculerEtats(trx: Db, aujourdhui = aujourdhuiAParis()): Promise<number> {
  // The state computed once per row, then written where it differs.
  const result = await sql`update cimetiere.emplacement t set etat = calcule.etat
      from (select e.emplacement, ${etatCalcule(aujourdhui)} as etat from cimetiere.emplacement e) calcule
     where calcule.emplacement = t.emplacement and t.etat is distinct from calcule.etat`.execute(trx);
  return Number(result.numAffectedRows ?? 0);
}
