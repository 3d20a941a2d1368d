/**
 * Preparing an election: one result row per bureau of its collectivité, and its participation
 * hours (12:00 and 17:00 by default, or those of its first round). Runs inside the transaction of
 * the write that created the election, after its permission was checked.
 */
import { sql } from 'kysely';
import type { Db } from '../../../../framework/src/db/index.ts';

export const TRANCHES_PAR_DEFAUT = ['12:00', '17:00'] as const;

export interface ElectionCree {
  readonly election: number;
  readonly om_collectivite: number;
  readonly premier_tour: number | null;
}

/** Adds the bureaux of the collectivité the election does not have yet; returns how many were added. */
export async function ajouterBureauxManquants(trx: Db, election: ElectionCree): Promise<number> {
  const added = await sql`insert into resultats.election_bureau (election, bureau, om_collectivite)
    select ${election.election}, b.bureau, b.om_collectivite from resultats.bureau b
     where b.om_collectivite = ${election.om_collectivite}
     order by b.bureau
    on conflict (election, bureau) do nothing`.execute(trx);
  return Number(added.numAffectedRows ?? 0);
}

export async function ajouterTranches(trx: Db, election: ElectionCree, heures: readonly string[]): Promise<void> {
  if (heures.length === 0) return;
  const rows = heures.map((heure) => sql`(${election.election}, ${heure}::time, ${election.om_collectivite})`);
  await sql`insert into resultats.tranche (election, heure, om_collectivite) values ${sql.join(rows)}
    on conflict (election, heure) do nothing`.execute(trx);
}

/** A second round: the bureaux of its first round with their inscrits, and its hours. */
export async function reprendrePremierTour(trx: Db, election: ElectionCree, premierTour: number): Promise<void> {
  await sql`insert into resultats.election_bureau (election, bureau, inscrits, om_collectivite)
    select ${election.election}, bureau, inscrits, om_collectivite from resultats.election_bureau
     where election = ${premierTour} order by election_bureau
    on conflict (election, bureau) do nothing`.execute(trx);
  await sql`insert into resultats.tranche (election, heure, om_collectivite)
    select ${election.election}, heure, om_collectivite from resultats.tranche where election = ${premierTour} order by heure
    on conflict (election, heure) do nothing`.execute(trx);
}

/** What a new election gets: its first round's bureaux and hours, or every bureau and the default hours. */
export async function preparerElection(trx: Db, election: ElectionCree): Promise<void> {
  if (election.premier_tour !== null) {
    await reprendrePremierTour(trx, election, election.premier_tour);
    return;
  }
  await ajouterBureauxManquants(trx, election);
  await ajouterTranches(trx, election, TRANCHES_PAR_DEFAUT);
}

export const electionCree = (row: Readonly<Record<string, unknown>>): ElectionCree => ({
  election: Number(row.election),
  om_collectivite: Number(row.om_collectivite),
  premier_tour: row.premier_tour === null || row.premier_tour === undefined ? null : Number(row.premier_tour),
});
