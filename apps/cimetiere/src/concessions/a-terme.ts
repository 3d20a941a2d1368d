/**
 * « Concessions à terme » (reference §3.10): the active concessions whose term falls on or before
 * the end of the current year, the oldest term first, with the family, the emplacement and the
 * days past the term (0 when not reached yet).
 */
import { sql } from 'kysely';
import type { Db } from '../../../../framework/src/db/connection.ts';
import { joursEntre, texteDate } from './dates.ts';

export interface ConcessionATerme {
  readonly concession: number;
  readonly numero_acte: string;
  readonly emplacement: number;
  readonly adresse: string;
  readonly famille: string;
  readonly date_terme: string;
  readonly joursDeRetard: number;
}

export const finDAnnee = (aujourdhui: string): string => `${aujourdhui.slice(0, 4)}-12-31`;

export async function concessionsATerme(db: Db, aujourdhui: string, limite?: number): Promise<ConcessionATerme[]> {
  const borne = limite === undefined ? sql`` : sql`limit ${limite}`;
  const rows = (
    await sql<{ concession: number; numero_acte: string; emplacement: number; adresse: string; famille: string | null; date_terme: string }>`
      select c.concession, c.numero_acte, c.emplacement, c.date_terme, e.famille,
             ci.libelle || ', ' || z.libelle || ', ' || v.libelle || ' n° ' || e.numero || coalesce(' ' || e.complement, '') as adresse
        from cimetiere.concession c
        join cimetiere.emplacement e on e.emplacement = c.emplacement
        join cimetiere.voie v on v.voie = e.voie
        join cimetiere.zone z on z.zone = v.zone
        join cimetiere.cimetiere ci on ci.cimetiere = z.cimetiere
       where c.etat = 'active' and c.date_terme <= ${finDAnnee(aujourdhui)}::date
       order by c.date_terme, c.concession ${borne}`.execute(db)
  ).rows;
  return rows.map((row) => {
    const terme = texteDate(row.date_terme) ?? '';
    return {
      concession: Number(row.concession),
      numero_acte: row.numero_acte,
      emplacement: Number(row.emplacement),
      adresse: row.adresse,
      famille: row.famille ?? '',
      date_terme: terme,
      joursDeRetard: Math.max(0, joursEntre(terme, aujourdhui)),
    };
  });
}
