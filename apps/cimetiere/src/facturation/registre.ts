/** The concession register of a year: every act of year N in the order of its numbers (« 2026-2 » before « 2026-10 »). */
import { sql } from 'kysely';
import type { Db } from '../../../../framework/src/db/connection.ts';
import { texteDate } from '../concessions/dates.ts';
import { dureeEnMots } from '../concessions/libelles.ts';

export interface ActeDuRegistre {
  readonly concession: number;
  readonly numero_acte: string;
  readonly date_acte: string;
  readonly famille: string;
  readonly emplacement: string;
  readonly duree: string;
  readonly montant: number | null;
}

export async function actesDeLAnnee(db: Db, annee: number): Promise<ActeDuRegistre[]> {
  const rows = (
    await sql<Record<string, unknown>>`select c.concession, c.numero_acte, c.date_acte, c.duree_type, c.duree, c.montant, coalesce(e.famille, '') as famille,
        z.libelle || ', ' || v.libelle || ' n° ' || e.numero || coalesce(' ' || e.complement, '') as emplacement
       from cimetiere.concession c
       join cimetiere.emplacement e on e.emplacement = c.emplacement
       join cimetiere.voie v on v.voie = e.voie
       join cimetiere.zone z on z.zone = v.zone
      where c.numero_acte like ${`${annee}-%`}
      order by length(c.numero_acte), c.numero_acte`.execute(db)
  ).rows;
  return rows.map((row) => ({
    concession: Number(row['concession']),
    numero_acte: String(row['numero_acte']),
    date_acte: texteDate(row['date_acte']) ?? '',
    famille: String(row['famille']),
    emplacement: String(row['emplacement']),
    duree: dureeEnMots(String(row['duree_type']), row['duree'] === null ? null : Number(row['duree'])),
    montant: row['montant'] === null ? null : Number(row['montant']),
  }));
}
