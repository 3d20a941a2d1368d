/**
 * An election's figures as the town hall and the public see them: the sums over its bureaux (the
 * validated ones only, unless asked otherwise), each candidature's votes, and the figures of every
 * bureau. One read, as the caller's connection allows (the actor's collectivité, or the public
 * page's); shared by the entry screens, the seat allocation, the documents and the public page.
 */
import { sql } from 'kysely';
import type { Db } from '../../../../framework/src/db/connection.ts';

export type TypeElection =
  | 'municipales'
  | 'municipales_moins_1000'
  | 'legislatives'
  | 'presidentielle'
  | 'europeennes'
  | 'departementales'
  | 'regionales';

export type EtatBureau = 'non_arrive' | 'saisi' | 'erreur' | 'valide';

export interface ElectionEnTete {
  readonly election: number;
  readonly libelle: string;
  readonly type: TypeElection;
  /** `AAAA-MM-JJ`. */
  readonly date_scrutin: string;
  readonly tour: 1 | 2;
  readonly premier_tour: number | null;
  readonly sieges: number | null;
  readonly sieges_communautaires: number | null;
  readonly etat: 'preparation' | 'ouverte' | 'close' | 'archivee';
  readonly om_collectivite: number;
}

export interface Chiffres {
  readonly inscrits: number;
  readonly votants: number;
  readonly blancs: number;
  readonly nuls: number;
  readonly exprimes: number;
}

export interface CandidatureTotal {
  readonly candidature: number;
  readonly ordre: number;
  readonly libelle: string;
  readonly tete_de_liste: string | null;
  readonly nuance: string | null;
  readonly couleur: string | null;
  readonly voix: number;
}

export interface BureauResultat extends Chiffres {
  readonly election_bureau: number;
  readonly bureau: number;
  readonly code: string;
  readonly libelle: string;
  readonly etat: EtatBureau;
  /** Votes by candidature key (absent: not entered). */
  readonly voix: Readonly<Record<number, number>>;
}

export interface TotauxElection extends Chiffres {
  readonly election: ElectionEnTete;
  /** Every bureau of the election, and those counted in the sums. */
  readonly bureaux: { readonly total: number; readonly comptes: number };
  /** Inscrits of every bureau (participation is computed over the counted ones: `inscrits`). */
  readonly inscritsTotal: number;
  /** By panel number. */
  readonly candidatures: readonly CandidatureTotal[];
  /** By bureau code; every bureau, with its figures whatever its state (`etat` says whether it counts). */
  readonly parBureau: readonly BureauResultat[];
}

export interface TotauxOptions {
  /** Count the bureaux entered but not validated too (the entry screens); default: validated only. */
  readonly avecNonValides?: boolean;
}

const asNumber = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));

/** `undefined` when the election does not exist or is not visible on this connection. */
export async function totauxElection(db: Db, election: number, options: TotauxOptions = {}): Promise<TotauxElection | undefined> {
  const enTete = (
    await sql<ElectionEnTete>`select election, libelle, type, to_char(date_scrutin, 'YYYY-MM-DD') as date_scrutin, tour::int as tour,
        premier_tour, sieges, sieges_communautaires, etat, om_collectivite
      from resultats.election where election = ${election}`.execute(db)
  ).rows[0];
  if (!enTete) return undefined;
  const bureaux = (
    await sql<Record<string, unknown>>`select eb.election_bureau, b.bureau, b.code, b.libelle, eb.etat, eb.inscrits, eb.votants, eb.blancs, eb.nuls, eb.exprimes
      from resultats.election_bureau eb join resultats.bureau b on b.bureau = eb.bureau
     where eb.election = ${election}
     order by b.code collate "und-x-icu", b.bureau`.execute(db)
  ).rows;
  const voix = (
    await sql<{ election_bureau: number; candidature: number; nombre: number }>`select v.election_bureau, v.candidature, v.nombre
      from resultats.voix v join resultats.election_bureau eb on eb.election_bureau = v.election_bureau
     where eb.election = ${election}`.execute(db)
  ).rows;
  const candidatures = (
    await sql<Omit<CandidatureTotal, 'voix'>>`select candidature, ordre, libelle, tete_de_liste, nuance, couleur
      from resultats.candidature where election = ${election} order by ordre`.execute(db)
  ).rows;

  const voixParBureau = new Map<number, Record<number, number>>();
  for (const row of voix) {
    const parCandidature = voixParBureau.get(Number(row.election_bureau)) ?? {};
    parCandidature[Number(row.candidature)] = Number(row.nombre);
    voixParBureau.set(Number(row.election_bureau), parCandidature);
  }
  const parBureau: BureauResultat[] = bureaux.map((row) => ({
    election_bureau: Number(row['election_bureau']),
    bureau: Number(row['bureau']),
    code: String(row['code']),
    libelle: String(row['libelle']),
    etat: row['etat'] as EtatBureau,
    inscrits: asNumber(row['inscrits']),
    votants: asNumber(row['votants']),
    blancs: asNumber(row['blancs']),
    nuls: asNumber(row['nuls']),
    exprimes: asNumber(row['exprimes']),
    voix: voixParBureau.get(Number(row['election_bureau'])) ?? {},
  }));
  const comptes = parBureau.filter((bureau) => bureau.etat === 'valide' || (options.avecNonValides === true && bureau.etat !== 'non_arrive'));
  const somme = (pick: (bureau: BureauResultat) => number) => comptes.reduce((total, bureau) => total + pick(bureau), 0);
  return {
    election: { ...enTete, election: Number(enTete.election), tour: Number(enTete.tour) === 2 ? 2 : 1, om_collectivite: Number(enTete.om_collectivite) },
    bureaux: { total: parBureau.length, comptes: comptes.length },
    inscritsTotal: parBureau.reduce((total, bureau) => total + bureau.inscrits, 0),
    inscrits: somme((bureau) => bureau.inscrits),
    votants: somme((bureau) => bureau.votants),
    blancs: somme((bureau) => bureau.blancs),
    nuls: somme((bureau) => bureau.nuls),
    exprimes: somme((bureau) => bureau.exprimes),
    candidatures: candidatures.map((candidature) => ({
      ...candidature,
      candidature: Number(candidature.candidature),
      ordre: Number(candidature.ordre),
      voix: somme((bureau) => bureau.voix[Number(candidature.candidature)] ?? 0),
    })),
    parBureau,
  };
}
