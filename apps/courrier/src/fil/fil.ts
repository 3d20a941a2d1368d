/**
 * The thread of a mail: every mail connected to it by links (either direction) and by « en réponse
 * au courrier » (either direction), by date. Read as the user: a mail he cannot see is neither shown
 * nor followed.
 */
import { sql } from 'kysely';
import type { Db } from '../../../../framework/src/db/connection.ts';
import { libelleCorrespondant } from '../correspondants/libelle.ts';
import type { Registre } from '../core/registres.ts';
import { jour } from '../enregistrement/dates.ts';

/** Beyond this many mails a thread is cut (a thread of one case stays far below). */
export const FIL_MAXIMUM = 500;

export interface CourrierDuFil {
  readonly courrier: number;
  readonly registre: Registre;
  readonly numero: string;
  readonly date: string | null;
  readonly correspondant: string;
  readonly objet: string;
}

export async function filDuCourrier(db: Db, courrier: number): Promise<CourrierDuFil[] | undefined> {
  const { rows } = await sql<Record<string, unknown>>`
    with recursive fil (courrier) as (
      select c.courrier from courrier.courrier c where c.courrier = ${courrier}::integer
      union
      select v.voisin from fil cross join lateral (
        select l.courrier_lie as voisin from courrier.courrier_lien l where l.courrier = fil.courrier
        union all select l.courrier from courrier.courrier_lien l where l.courrier_lie = fil.courrier
        union all select c.reponse_a from courrier.courrier c where c.courrier = fil.courrier and c.reponse_a is not null
        union all select c.courrier from courrier.courrier c where c.reponse_a = fil.courrier
      ) v
    )
    select c.courrier, c.registre, c.numero, coalesce(c.date_arrivee, c.date_depart, c.date_signature, c.cree_le::date) as date,
           k.nom, k.prenom, k.organisme, k.adresse1, k.cp, k.ville, c.objet
      from (select distinct courrier from fil limit ${FIL_MAXIMUM}) f
      join courrier.courrier c on c.courrier = f.courrier
      join courrier.correspondant k on k.correspondant = c.correspondant
     order by 4, c.courrier`.execute(db);
  if (!rows.some((row) => Number(row['courrier']) === courrier)) return undefined;
  return rows.map((row) => ({
    courrier: Number(row['courrier']),
    registre: row['registre'] as Registre,
    numero: String(row['numero']),
    date: jour(row['date']),
    correspondant: libelleCorrespondant(row),
    objet: String(row['objet']),
  }));
}
