/**
 * The work queues' reads, always as the user (row-level security hides the confidential mail of
 * other services, and what hangs on it): « mon courrier », « courrier de mon service », the tasks
 * not soldées and the late ones, and their counts per service.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../../../framework/src/db/connection.ts';

export const PAR_PAGE = 50;

export interface Page<T> {
  readonly lignes: readonly T[];
  readonly total: number;
  readonly page: number;
  readonly pages: number;
}

export type Motif = 'referent' | 'tache' | 'visa';

export interface CourrierEnFile {
  readonly courrier: number;
  readonly numero: string;
  readonly registre: 'arrivee' | 'depart';
  /** YYYY-MM-DD: arrived on, or left (signed) on. */
  readonly date: string | null;
  readonly correspondant: string;
  readonly objet: string;
  readonly service: string;
  readonly priorite: string;
  readonly confidentiel: boolean;
  readonly motifs: readonly Motif[];
  /** « Courrier de mon service »: the mail is there as a copy. */
  readonly enCopie: boolean;
}

interface LigneCourrier extends Omit<CourrierEnFile, 'motifs' | 'courrier'> {
  readonly courrier: number | string;
  readonly referent: boolean;
  readonly tache: boolean;
  readonly visa: boolean;
  readonly total: number | string;
}

const pageDe = (page: number): number => (Number.isInteger(page) && page >= 1 ? page : 1);

/** A mail's step of the visa circuit waits for `agent`: undecided, with no undecided step before it. */
const visaAttendu = (agent: number) => sql`exists (
  select from courrier.visa v where v.courrier = c.courrier and v.agent = ${agent} and v.decision is null and c.etat = 'en_visa'
     and not exists (select from courrier.visa avant where avant.courrier = v.courrier and avant.rang < v.rang and avant.decision is null))`;
const tacheOuverte = (agent: number) => sql`exists (select from courrier.tache t where t.courrier = c.courrier and t.agent = ${agent} and not t.solde)`;

async function pageDeCourriers(db: Db, condition: RawBuilder<unknown>, agent: number | null, services: readonly number[], page: number): Promise<Page<CourrierEnFile>> {
  const numero = pageDe(page);
  const moi = agent ?? 0;
  const { rows } = await sql<LigneCourrier>`
    select c.courrier, c.numero, c.registre, to_char(coalesce(c.date_arrivee, c.date_signature, c.date_depart), 'YYYY-MM-DD') as date,
           trim(coalesce(co.nom, '') || ' ' || coalesce(co.prenom, '')) as correspondant, c.objet, s.libelle as service, c.priorite, c.confidentiel,
           coalesce(c.referent = ${moi}, false) as referent, ${tacheOuverte(moi)} as tache, ${visaAttendu(moi)} as visa,
           (cardinality(${services as number[]}::int[]) > 0 and not (c.service = any(${services as number[]}::int[]))) as "enCopie",
           count(*) over () as total
      from courrier.courrier c
      join courrier.service s on s.service = c.service
      join courrier.correspondant co on co.correspondant = c.correspondant
     where ${condition}
     order by c.cree_le desc, c.courrier desc
     limit ${PAR_PAGE} offset ${(numero - 1) * PAR_PAGE}`.execute(db);
  const total = Number(rows[0]?.total ?? 0);
  return {
    lignes: rows.map((row) => ({
      courrier: Number(row.courrier),
      numero: row.numero,
      registre: row.registre,
      date: row.date,
      correspondant: row.correspondant,
      objet: row.objet,
      service: row.service,
      priorite: row.priorite,
      confidentiel: row.confidentiel,
      enCopie: row.enCopie,
      motifs: (['referent', 'tache', 'visa'] as const).filter((motif) => row[motif]),
    })),
    total,
    page: numero,
    pages: Math.max(1, Math.ceil(total / PAR_PAGE)),
  };
}

/** The mails whose référent is `agent`, with a task given to him not soldée, or whose visa step waits for him. */
export function monCourrier(db: Db, agent: number, page: number): Promise<Page<CourrierEnFile>> {
  return pageDeCourriers(db, sql`(c.referent = ${agent} or ${tacheOuverte(agent)} or ${visaAttendu(agent)})`, agent, [], page);
}

/** The mails of `services` and their copies, most recent first. */
export function courrierDuService(db: Db, agent: number | null, services: readonly number[], page: number): Promise<Page<CourrierEnFile>> {
  const liste = services as number[];
  return pageDeCourriers(
    db,
    sql`(c.service = any(${liste}::int[]) or exists (select from courrier.copie cp where cp.courrier = c.courrier and cp.service = any(${liste}::int[])))`,
    agent,
    services,
    page,
  );
}

export interface TacheEnFile {
  readonly tache: number;
  readonly libelle: string;
  readonly courrier: number;
  readonly numero: string;
  readonly service: string;
  readonly agent: string | null;
  /** YYYY-MM-DD */
  readonly butoir: string | null;
  /** Days past the butoir (0 when not late). */
  readonly retard: number;
}

export interface ComptesService {
  readonly service: number;
  readonly libelle: string;
  readonly nonSoldees: number;
  readonly enRetard: number;
}

export interface FiltreTaches {
  /** Only the late ones (butoir passed), oldest first; else every one not soldée, the soonest due first. */
  readonly enRetard: boolean;
  readonly service?: number | undefined;
  /** Only those given to this agent. */
  readonly agent?: number | undefined;
}

const enRetardSql = sql`(t.date_butoir < current_date)`;

function conditionsTaches(filtre: FiltreTaches): RawBuilder<unknown> {
  const conditions = [sql`not t.solde`];
  if (filtre.enRetard) conditions.push(enRetardSql);
  if (filtre.service !== undefined) conditions.push(sql`t.service = ${filtre.service}`);
  if (filtre.agent !== undefined) conditions.push(sql`t.agent = ${filtre.agent}`);
  return sql.join(conditions, sql` and `);
}

/** The tasks not soldées (or only the late ones), one page of them. */
export async function tachesOuvertes(db: Db, filtre: FiltreTaches, page: number, parPage = PAR_PAGE): Promise<Page<TacheEnFile>> {
  const numero = pageDe(page);
  const ordre = filtre.enRetard ? sql`t.date_butoir, t.tache` : sql`(t.date_butoir < current_date) desc, t.date_butoir nulls last, t.tache`;
  const { rows } = await sql<TacheEnFile & { total: number | string }>`
    select t.tache, t.libelle, t.courrier, c.numero, s.libelle as service, u.nom as agent, to_char(t.date_butoir, 'YYYY-MM-DD') as butoir,
           greatest(coalesce(current_date - t.date_butoir, 0), 0) as retard, count(*) over () as total
      from courrier.tache t
      join courrier.courrier c on c.courrier = t.courrier
      join courrier.service s on s.service = t.service
      left join courrier.agent a on a.agent = t.agent
      left join om.om_utilisateur u on u.om_utilisateur = a.om_utilisateur
     where ${conditionsTaches(filtre)}
     order by ${ordre}
     limit ${parPage} offset ${(numero - 1) * parPage}`.execute(db);
  const total = Number(rows[0]?.total ?? 0);
  return {
    lignes: rows.map((row) => ({ ...row, tache: Number(row.tache), courrier: Number(row.courrier), retard: Number(row.retard) })),
    total,
    page: numero,
    pages: Math.max(1, Math.ceil(total / parPage)),
  };
}

/** Per service: the tasks not soldées and, of them, the late ones (services with none left out). */
export async function comptesParService(db: Db, agent?: number): Promise<ComptesService[]> {
  const { rows } = await sql<{ service: number; libelle: string; non_soldees: number | string; en_retard: number | string }>`
    select s.service, s.libelle, count(*) as non_soldees, count(*) filter (where ${enRetardSql}) as en_retard
      from courrier.tache t
      join courrier.courrier c on c.courrier = t.courrier
      join courrier.service s on s.service = t.service
     where ${conditionsTaches({ enRetard: false, agent })}
     group by s.service, s.libelle
     order by s.libelle collate "und-x-icu"`.execute(db);
  return rows.map((row) => ({ service: Number(row.service), libelle: row.libelle, nonSoldees: Number(row.non_soldees), enRetard: Number(row.en_retard) }));
}

/** The services that have tasks not soldées, for the filter. */
export const servicesAvecTaches = async (db: Db): Promise<{ service: number; libelle: string }[]> =>
  (await comptesParService(db)).map(({ service, libelle }) => ({ service, libelle }));
