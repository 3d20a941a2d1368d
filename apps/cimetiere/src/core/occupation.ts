/**
 * Occupation of an emplacement (rule 2 of cimetiere.md §4): each défunt takes a size from its
 * nature (cercueil, urne, réduction), the emplacement's « place occupée » is the sum over the
 * défunts still there (not exhumed), compared with its capacity (`nombre_places`).
 */
import { sql } from 'kysely';
import type { Db } from '../../../../framework/src/db/connection.ts';
import type { ParametresCimetiere } from './parametres.ts';

export type NatureDefunt = 'cercueil' | 'urne' | 'reduction';

export function tailleDe(nature: NatureDefunt, parametres: ParametresCimetiere): number {
  if (nature === 'urne') return parametres.tailleUrne;
  if (nature === 'reduction') return parametres.tailleReduction;
  return parametres.tailleCercueil;
}

export interface Occupation {
  readonly placeOccupee: number;
  readonly nombrePlaces: number;
}

/** Place left once `ajout` more is put in (negative: over capacity). */
export const placeRestante = (occupation: Occupation, ajout = 0): number =>
  // `+ 0` turns a rounded -0 into 0.
  Math.round((occupation.nombrePlaces - occupation.placeOccupee - ajout) * 100) / 100 + 0;

/** Recomputes and stores the emplacement's place occupée from its défunts; returns it with the capacity. */
export async function recalculerPlace(trx: Db, emplacement: number): Promise<Occupation> {
  const result = await sql<{ place_occupee: string; nombre_places: string }>`
    update cimetiere.emplacement e
       set place_occupee = coalesce((select sum(d.taille) from cimetiere.defunt d where d.emplacement = e.emplacement and not d.exhumation), 0)
     where e.emplacement = ${emplacement}
     returning e.place_occupee, e.nombre_places`.execute(trx);
  const row = result.rows[0];
  if (!row) throw new Error(`emplacement ${emplacement} introuvable`);
  return { placeOccupee: Number(row.place_occupee), nombrePlaces: Number(row.nombre_places) };
}

/**
 * « Calcul de la place occupée » over every emplacement in reach (after an import or a change of
 * the sizes): each défunt's size from its nature and the parameters, then the sums. Returns the
 * number of emplacements whose place changed.
 */
export async function recalculerToutesLesPlaces(trx: Db, parametres: ParametresCimetiere, collectivite?: number): Promise<number> {
  const dans = (alias: string) => (collectivite === undefined ? sql`true` : sql`${sql.ref(`${alias}.om_collectivite`)} = ${collectivite}`);
  const taille = sql`case nature when 'urne' then ${parametres.tailleUrne}::numeric
      when 'reduction' then ${parametres.tailleReduction}::numeric else ${parametres.tailleCercueil}::numeric end`;
  await sql`update cimetiere.defunt d set taille = ${taille} where taille is distinct from ${taille} and ${dans('d')}`.execute(trx);
  const result = await sql`update cimetiere.emplacement e set place_occupee = s.total
      from (select e2.emplacement, coalesce(sum(d.taille) filter (where not d.exhumation), 0) as total
              from cimetiere.emplacement e2 left join cimetiere.defunt d on d.emplacement = e2.emplacement
             where ${dans('e2')}
             group by e2.emplacement) s
     where s.emplacement = e.emplacement and e.place_occupee is distinct from s.total`.execute(trx);
  return Number(result.numAffectedRows ?? 0);
}
