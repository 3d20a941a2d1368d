/**
 * The visa circuit of a departure mail as stored: its steps (`courrier.visa`, by rang) and the
 * current one, the lowest rang without a decision. Read in the caller's transaction, as the user.
 */
import { sql } from 'kysely';
import type { Db } from '../../../../framework/src/db/connection.ts';

export interface EtapeVisa {
  readonly visa: number;
  readonly rang: number;
  readonly agent: number;
  /** The viser's name (`om_utilisateur.nom`, else his login). */
  readonly viseur: string;
  readonly courriel: string | null;
  /** The agent wants e-mails (`agent.notification`). */
  readonly notification: boolean;
  readonly decision: 'vise' | 'refuse' | null;
  readonly decideLe: Date | string | null;
  readonly annotation: string | null;
}

interface EtapeLue {
  visa: number;
  rang: number;
  agent: number;
  viseur: string;
  courriel: string | null;
  notification: boolean;
  decision: 'vise' | 'refuse' | null;
  decide_le: Date | string | null;
  annotation: string | null;
}

/** The circuit's steps by rang. */
export async function etapesDuCircuit(db: Db, courrier: number): Promise<EtapeVisa[]> {
  const { rows } = await sql<EtapeLue>`
    select v.visa, v.rang, v.agent, coalesce(nullif(u.nom, ''), u.login) as viseur, nullif(u.email, '') as courriel, a.notification,
           v.decision, v.decide_le, v.annotation
      from courrier.visa v
      join courrier.agent a on a.agent = v.agent
      join om.om_utilisateur u on u.om_utilisateur = a.om_utilisateur
     where v.courrier = ${courrier}
     order by v.rang`.execute(db);
  return rows.map((row) => ({
    visa: Number(row.visa),
    rang: Number(row.rang),
    agent: Number(row.agent),
    viseur: row.viseur,
    courriel: row.courriel,
    notification: row.notification,
    decision: row.decision,
    decideLe: row.decide_le,
    annotation: row.annotation,
  }));
}

/** The step waiting for its decision: the lowest rang without one. */
export const etapeEnCours = (etapes: readonly EtapeVisa[]): EtapeVisa | undefined => etapes.find((etape) => etape.decision === null);

/** The agent acting (migration 0003: from the signed-in user), or null without an agent record. */
export async function agentCourant(db: Db): Promise<number | null> {
  const { rows } = await sql<{ agent: number | null }>`select courrier.agent_courant() as agent`.execute(db);
  const agent = rows[0]?.agent;
  return agent === null || agent === undefined ? null : Number(agent);
}

/** Whether the mail has at least one step. */
export async function aUnCircuit(db: Db, courrier: number): Promise<boolean> {
  const { rows } = await sql<{ n: number }>`select count(*)::integer as n from courrier.visa where courrier = ${courrier}`.execute(db);
  return Number(rows[0]?.n ?? 0) > 0;
}
