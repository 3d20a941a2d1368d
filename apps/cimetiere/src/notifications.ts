/**
 * The cemeteries' share of the daily e-mail of pending work: the concessions still active whose
 * term falls within 3 months, or has passed without a renewal (« en retard »), the oldest term
 * first, each linked to its act; for the agents who may renew them (`cimetiere.concession_renouveler`).
 */
import { sql } from 'kysely';
import { allows } from '../../../framework/src/access/permissions.ts';
import type { PendingWorkSource } from '../../../framework/src/notifications/pending-work.ts';
import { A_TERME_PAGE } from './concessions/routes.tsx';
import { ajouterMois } from './concessions/dates.ts';

/** Concessions whose term is this close are announced. */
export const MOIS_AVANT_TERME = 3;
const AU_PLUS = 20;

export const concessionsArrivantATerme: PendingWorkSource = async ({ db, actor, today }) => {
  if (!allows(actor, 'cimetiere.concession', 'renouveler')) return [];
  const { rows } = await sql<{ concession: number; numero_acte: string; famille: string | null; cimetiere: string; terme: string; total: number | string }>`
    select c.concession, c.numero_acte, e.famille, ci.libelle as cimetiere, to_char(c.date_terme, 'YYYY-MM-DD') as terme, count(*) over () as total
      from cimetiere.concession c
      join cimetiere.emplacement e on e.emplacement = c.emplacement
      join cimetiere.voie v on v.voie = e.voie
      join cimetiere.zone z on z.zone = v.zone
      join cimetiere.cimetiere ci on ci.cimetiere = z.cimetiere
     where c.etat = 'active' and c.date_terme <= ${ajouterMois(today, MOIS_AVANT_TERME)}::date
     order by c.date_terme, c.concession
     limit ${AU_PLUS}`.execute(db);
  const total = Number(rows[0]?.total ?? 0);
  if (total === 0) return [];
  return [{
    title: 'Concessions arrivant à terme',
    items: rows.map((row) => ({
      label: `Concession ${row.numero_acte}${row.famille ? ` — famille ${row.famille}` : ''} (${row.cimetiere})`,
      path: `/cimetiere/concession/${Number(row.concession)}`,
      due: row.terme,
      late: row.terme < today,
    })),
    total,
    listPath: `/cimetiere/${A_TERME_PAGE}`,
  }];
};
