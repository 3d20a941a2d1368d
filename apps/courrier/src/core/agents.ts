/**
 * Who works in the mail registry: the agent record of a user (his service, « tous services »), and
 * the hierarchy of services (a service's sub-services, for the visibility and the assignment of
 * tasks). The same rules as the SQL functions of migration 0003, for the pages and the checks.
 */
import { sql } from 'kysely';
import type { Actor } from '../../../../framework/src/access/actor.ts';
import type { Db } from '../../../../framework/src/db/connection.ts';

export interface Agent {
  readonly agent: number;
  readonly service: number | null;
  readonly tousServices: boolean;
  readonly notification: boolean;
}

/** The agent record of the actor, if he has one in the collectivité he works in. */
export async function agentDe(db: Db, actor: Actor): Promise<Agent | undefined> {
  const { rows } = await sql<{ agent: number; service: number | null; tous_services: boolean; notification: boolean }>`
    select agent, service, tous_services, notification from courrier.agent where om_utilisateur = ${actor.userId}`.execute(db);
  const row = rows[0];
  return row ? { agent: Number(row.agent), service: row.service === null ? null : Number(row.service), tousServices: row.tous_services, notification: row.notification } : undefined;
}

/** A service and all the services under it, at any depth. */
export async function sousServices(db: Db, service: number): Promise<number[]> {
  const { rows } = await sql<{ service: number }>`
    with recursive arbre (service) as (
      select ${service}::integer
      union
      select s.service from courrier.service s join arbre on s.service_parent = arbre.service)
    select service from arbre`.execute(db);
  return rows.map((row) => Number(row.service));
}

/** The services the actor sees the mail of (migration 0003, `courrier.services_visibles`). */
export async function servicesVisibles(db: Db): Promise<number[]> {
  const { rows } = await sql<{ services: number[] }>`select courrier.services_visibles() as services`.execute(db);
  return (rows[0]?.services ?? []).map(Number);
}
