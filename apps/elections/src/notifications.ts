/**
 * The electoral lists' share of the daily e-mail of pending work: the movements waiting for a
 * decision — « à instruire », then « en attente » — the oldest request
 * first, each linked to its movement, for the agents who may decide them (`elections.mouvement_accepter`).
 */
import { sql } from 'kysely';
import type { Actor } from '../../../framework/src/access/actor.ts';
import { allows } from '../../../framework/src/access/permissions.ts';
import type { Db } from '../../../framework/src/db/connection.ts';
import type { PendingWorkSection, PendingWorkSource } from '../../../framework/src/notifications/pending-work.ts';
import { dateCourte } from './rules/dates.ts';

const AU_PLUS = 20;

/** May decide a movement: the permission of « Accepter » (or the whole movement object). */
export const peutInstruire = (actor: Actor): boolean => allows(actor, 'elections.mouvement', 'accepter');

const listeFiltree = (etat: string): string => `/elections/mouvement?${new URLSearchParams({ 'filter[etat]': etat }).toString()}`;

async function section(db: Db, etat: 'a_instruire' | 'en_attente', title: string): Promise<PendingWorkSection | undefined> {
  const { rows } = await sql<{ mouvement: number; type: string; nom: string | null; prenoms: string | null; liste: string; demande: string; total: number | string }>`
    select m.mouvement, t.libelle as type, coalesce(m.nom, e.nom) as nom, coalesce(m.prenoms, e.prenoms) as prenoms, m.liste,
           to_char(m.date_demande, 'YYYY-MM-DD') as demande, count(*) over () as total
      from elections.mouvement m
      join elections.type_mouvement t on t.type_mouvement = m.type_mouvement
      left join elections.electeur e on e.electeur = m.electeur
     where m.etat = ${etat}
     order by m.date_demande, m.mouvement
     limit ${AU_PLUS}`.execute(db);
  const total = Number(rows[0]?.total ?? 0);
  if (total === 0) return undefined;
  return {
    title,
    items: rows.map((row) => {
      const personne = [row.nom, row.prenoms].filter((part) => part !== null && part !== '').join(' ') || `mouvement n° ${row.mouvement}`;
      return { label: `${row.type} — ${personne} (liste ${row.liste}), demande du ${dateCourte(row.demande)}`, path: `/elections/mouvement/${Number(row.mouvement)}` };
    }),
    total,
    listPath: listeFiltree(etat),
  };
}

export const mouvementsEnAttente: PendingWorkSource = async ({ db, actor }) => {
  if (!peutInstruire(actor)) return [];
  const sections = [await section(db, 'a_instruire', 'Mouvements à instruire'), await section(db, 'en_attente', 'Mouvements en attente')];
  return sections.filter((found): found is PendingWorkSection => found !== undefined);
};
