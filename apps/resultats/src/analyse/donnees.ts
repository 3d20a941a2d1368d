/**
 * History and comparisons across the collectivité's elections: participation, abstention, blancs
 * and nuls per election and per bureau (validated bureaux only), and a nuance's or a
 * candidature's score in each election. Read on the caller's connection.
 */
import { sql } from 'kysely';
import type { Db } from '../../../../framework/src/db/connection.ts';
import { totauxElection, type TotauxElection } from '../totaux/index.ts';

export interface ElectionAuChoix {
  readonly election: number;
  readonly libelle: string;
  readonly date_scrutin: string;
  readonly tour: number;
}

/** What is followed across elections: a nuance code, or a candidature's label. */
export type Suivi = { readonly par: 'nuance' | 'libelle'; readonly valeur: string };

export interface Score {
  readonly election: number;
  /** The candidatures that match (a nuance may have several). */
  readonly candidatures: readonly string[];
  readonly voix: number;
  readonly exprimes: number;
}

export interface Analyse {
  readonly elections: readonly TotauxElection[];
  /** The nuances and the labels of the chosen elections (for the form). */
  readonly nuances: readonly string[];
  readonly libelles: readonly string[];
  readonly scores: readonly Score[] | undefined;
}

/** The most elections compared at once. */
export const ELECTIONS_MAX = 8;
const ELECTIONS_PROPOSEES = 200;

export async function electionsAuChoix(db: Db): Promise<ElectionAuChoix[]> {
  const rows = (
    await sql<ElectionAuChoix>`select election, libelle, to_char(date_scrutin, 'YYYY-MM-DD') as date_scrutin, tour::int as tour
      from resultats.election order by date_scrutin desc, tour desc, libelle limit ${ELECTIONS_PROPOSEES}`.execute(db)
  ).rows;
  return rows.map((row) => ({ ...row, election: Number(row.election), tour: Number(row.tour) }));
}

const distincts = (valeurs: readonly (string | null)[]) =>
  [...new Set(valeurs.filter((valeur): valeur is string => valeur !== null && valeur !== ''))].sort((a, b) => a.localeCompare(b, 'fr'));

export async function analyse(db: Db, elections: readonly number[], suivi: Suivi | undefined): Promise<Analyse> {
  const totaux: TotauxElection[] = [];
  for (const election of elections) {
    const lues = await totauxElection(db, election);
    if (lues) totaux.push(lues);
  }
  totaux.sort((a, b) => a.election.date_scrutin.localeCompare(b.election.date_scrutin) || a.election.tour - b.election.tour);
  const candidatures = totaux.flatMap((election) => election.candidatures);
  const scores = suivi
    ? totaux.map((election): Score => {
        const retenues = election.candidatures.filter((candidature) => (suivi.par === 'nuance' ? candidature.nuance : candidature.libelle) === suivi.valeur);
        return {
          election: election.election.election,
          candidatures: retenues.map((candidature) => candidature.libelle),
          voix: retenues.reduce((total, candidature) => total + candidature.voix, 0),
          exprimes: election.exprimes,
        };
      })
    : undefined;
  return {
    elections: totaux,
    nuances: distincts(candidatures.map((candidature) => candidature.nuance)),
    libelles: distincts(candidatures.map((candidature) => candidature.libelle)),
    scores,
  };
}
