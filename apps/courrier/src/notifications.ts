/**
 * The mail registry's share of the daily e-mail of pending work: the agent's open tasks — given to
 * him, or to his service while nobody in it has them — due within 7 days or late, the most urgent
 * first, each linked to its task. Read as the agent (confidential mail stays hidden by row-level
 * security); nothing for an agent who may not work on tasks (`courrier.tache_modifier`) or has no agent record.
 */
import { sql } from 'kysely';
import { allows } from '../../../framework/src/access/permissions.ts';
import type { PendingWorkSection, PendingWorkSource } from '../../../framework/src/notifications/pending-work.ts';
import { agentDe } from './core/agents.ts';
import { lienTache } from './taches/notification.ts';

/** Tasks due within this many days are announced (late ones always). */
export const JOURS_AVANT_ECHEANCE = 7;
const AU_PLUS = 20;
const OBJET_MAX = 80;

const court = (texte: string): string => (texte.length > OBJET_MAX ? `${texte.slice(0, OBJET_MAX - 1)}…` : texte);

/** « Relancer l’architecte — courrier 2026-42 : objet… »; the automatic reply task already names the objet. */
const libelle = (row: { libelle: string; numero: string; objet: string }): string =>
  row.libelle.includes(row.objet) ? `${row.libelle} — courrier ${row.numero}` : `${row.libelle} — courrier ${row.numero} : ${court(row.objet)}`;

export const tachesEnAttente: PendingWorkSource = async ({ db, actor, today }) => {
  if (!allows(actor, 'courrier.tache', 'modifier')) return [];
  const agent = await agentDe(db, actor);
  if (!agent) return [];
  const { rows } = await sql<{ tache: number; libelle: string; numero: string; objet: string; butoir: string; total: number | string }>`
    select t.tache, t.libelle, c.numero, c.objet, to_char(t.date_butoir, 'YYYY-MM-DD') as butoir, count(*) over () as total
      from courrier.tache t
      join courrier.courrier c on c.courrier = t.courrier
     where not t.solde
       and (t.agent = ${agent.agent} or (t.agent is null and t.service = ${agent.service}))
       and t.date_butoir <= ${today}::date + ${JOURS_AVANT_ECHEANCE}::integer
     order by t.date_butoir, t.tache
     limit ${AU_PLUS}`.execute(db);
  const total = Number(rows[0]?.total ?? 0);
  if (total === 0) return [];
  const section: PendingWorkSection = {
    title: 'Tâches du courrier à traiter',
    items: rows.map((row) => ({
      label: libelle(row),
      path: lienTache(Number(row.tache)),
      due: row.butoir,
      late: row.butoir < today,
    })),
    total,
    listPath: '/courrier/mon-courrier',
  };
  return [section];
};
