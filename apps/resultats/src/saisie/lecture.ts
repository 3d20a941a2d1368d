/**
 * What the entry screens read of one bureau's result: its election, its bureau, its figures and
 * votes, the election's candidatures, and the next bureau to enter. Read as the actor (row-level
 * security: another collectivité's result is simply not there).
 */
import { sql } from 'kysely';
import type { Db } from '../../../../framework/src/db/connection.ts';
import type { EtatBureau } from '../totaux/index.ts';

export type EtatElection = 'preparation' | 'ouverte' | 'close' | 'archivee';

export interface CandidatureSaisie {
  readonly candidature: number;
  readonly ordre: number;
  readonly libelle: string;
}

export interface BureauVoisin {
  readonly election_bureau: number;
  readonly code: string;
  readonly libelle: string;
}

export interface ResultatBureau {
  readonly election_bureau: number;
  readonly election: { readonly election: number; readonly libelle: string; readonly etat: EtatElection };
  readonly bureau: { readonly bureau: number; readonly code: string; readonly libelle: string };
  readonly etat: EtatBureau;
  readonly inscrits: number;
  readonly votants: number | null;
  readonly blancs: number | null;
  readonly nuls: number | null;
  readonly exprimes: number | null;
  readonly saisi_par: string | null;
  readonly valide_par: string | null;
  readonly candidatures: readonly CandidatureSaisie[];
  /** Votes by candidature key (absent: not entered). */
  readonly voix: Readonly<Record<number, number>>;
  /** The next bureau (by code) still to enter, if any. */
  readonly suivant: BureauVoisin | undefined;
}

const nombreOuNull = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

/** The election states where figures may still be entered, validated or unlocked. */
export const ETATS_SAISISSABLES: readonly EtatElection[] = ['preparation', 'ouverte'];

export async function lireResultatBureau(db: Db, electionBureau: number): Promise<ResultatBureau | undefined> {
  const row = (
    await sql<Record<string, unknown>>`select eb.election_bureau, eb.etat, eb.inscrits, eb.votants, eb.blancs, eb.nuls, eb.exprimes,
        eb.saisi_par, eb.valide_par, e.election, e.libelle as election_libelle, e.etat as election_etat,
        b.bureau, b.code, b.libelle as bureau_libelle
      from resultats.election_bureau eb
      join resultats.election e on e.election = eb.election
      join resultats.bureau b on b.bureau = eb.bureau
     where eb.election_bureau = ${electionBureau}`.execute(db)
  ).rows[0];
  if (!row) return undefined;
  const election = Number(row['election']);
  const candidatures = (
    await sql<CandidatureSaisie>`select candidature, ordre, libelle from resultats.candidature where election = ${election} order by ordre`.execute(db)
  ).rows.map((candidature) => ({ ...candidature, candidature: Number(candidature.candidature), ordre: Number(candidature.ordre) }));
  const voix: Record<number, number> = {};
  for (const vote of (await sql<{ candidature: number; nombre: number }>`select candidature, nombre from resultats.voix where election_bureau = ${electionBureau}`.execute(db)).rows) {
    voix[Number(vote.candidature)] = Number(vote.nombre);
  }
  const code = String(row['code']);
  // The next bureau to enter after this one (by code), else the first one left before it.
  const suivant = (
    await sql<BureauVoisin>`select eb.election_bureau, b.code, b.libelle
      from resultats.election_bureau eb join resultats.bureau b on b.bureau = eb.bureau
     where eb.election = ${election} and eb.etat = 'non_arrive' and eb.election_bureau <> ${electionBureau}
     order by (b.code collate "und-x-icu" <= ${code}), b.code collate "und-x-icu", b.bureau
     limit 1`.execute(db)
  ).rows[0];
  return {
    election_bureau: electionBureau,
    election: { election, libelle: String(row['election_libelle']), etat: row['election_etat'] as EtatElection },
    bureau: { bureau: Number(row['bureau']), code, libelle: String(row['bureau_libelle']) },
    etat: row['etat'] as EtatBureau,
    inscrits: Number(row['inscrits']),
    votants: nombreOuNull(row['votants']),
    blancs: nombreOuNull(row['blancs']),
    nuls: nombreOuNull(row['nuls']),
    exprimes: nombreOuNull(row['exprimes']),
    saisi_par: row['saisi_par'] === null ? null : String(row['saisi_par']),
    valide_par: row['valide_par'] === null ? null : String(row['valide_par']),
    candidatures,
    voix,
    suivant: suivant ? { ...suivant, election_bureau: Number(suivant.election_bureau) } : undefined,
  };
}

/** « 001 — École Jules-Ferry ». */
export const nomBureau = (bureau: { readonly code: string; readonly libelle: string }): string => `${bureau.code} — ${bureau.libelle}`;
