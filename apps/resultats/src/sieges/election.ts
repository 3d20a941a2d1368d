/**
 * The allocation of a stored election: its validated bureaux' totals (`totauxElection`) and its
 * lists' candidates, through the rule of its type: municipal and communautaire seats per
 * candidature and the names elected in list order, or the candidates elected by majority. Shared
 * by the seats page, the procès-verbaux and the public page; provisional until every bureau is
 * counted. Read on the caller's connection (its collectivité).
 */
import { sql } from 'kysely';
import type { Db } from '../../../../framework/src/db/connection.ts';
import { totauxElection, type CandidatureTotal, type ElectionEnTete } from '../totaux/index.ts';
import { elusCommunautaires } from './elus-communautaires.ts';
import { RepartitionImpossible } from './erreurs.ts';
import { repartitionMajoritaire } from './majoritaire.ts';
import { repartitionScrutinDeListe } from './scrutin-de-liste.ts';
import type { CandidatDeListe, ListeEnLice, RepartitionDeListes } from './types.ts';

/** `liste`: L262 (and L273-8); `majoritaire`: L253; `aucune`: a type without council seats. */
export type ModeDeRepartition = 'liste' | 'majoritaire' | 'aucune';

export interface SiegesDeCandidature extends CandidatureTotal {
  /** Voix over the exprimés counted, in percent (0 when none). */
  readonly pourcentage: number;
  readonly sieges: number;
  /** Of which the majority bonus. */
  readonly prime: number;
  readonly sieges_communautaires: number;
  /** « Prénom NOM » of the elected, in list order (`majoritaire`: the candidature's label). */
  readonly elus: readonly string[];
  /** In seat order, a candidate not elected to the council replaced as art. L273-8 says (fewer names than seats when nobody can take one). */
  readonly elus_communautaires: readonly string[];
  /** Whether its candidates are entered (without them it is not limited by their number and no name is shown). */
  readonly candidats_saisis: boolean;
}

export interface RepartitionElection {
  readonly election: ElectionEnTete;
  readonly mode: ModeDeRepartition;
  readonly exprimes: number;
  readonly inscrits: number;
  readonly bureaux: { readonly total: number; readonly comptes: number };
  /** Not every bureau is counted yet. */
  readonly provisoire: boolean;
  /** Round 1 without the required majority (lists), or with seats left (majority vote). */
  readonly second_tour: boolean;
  /** `majoritaire`: seats left for the second round; `liste`: seats left empty for lack of candidates. */
  readonly sieges_restants: number;
  /** Why nothing could be allocated (a tie the law does not break, seats not set…), French. */
  readonly erreur: string | null;
  readonly candidatures: readonly SiegesDeCandidature[];
}

interface CandidatRow {
  readonly candidature: number;
  readonly rang: number;
  readonly nom: string;
  readonly prenom: string;
  readonly date_naissance: string | null;
  readonly rang_communautaire: number | null;
  readonly sexe: string | null;
}

const nomComplet = (candidat: CandidatRow) => `${candidat.prenom} ${candidat.nom.toLocaleUpperCase('fr')}`;

/** `undefined` when the election does not exist or is not visible on this connection. */
export async function repartitionDeLElection(db: Db, election: number): Promise<RepartitionElection | undefined> {
  const totaux = await totauxElection(db, election);
  if (!totaux) return undefined;
  const rows = (
    await sql<CandidatRow>`select c.candidature, c.rang, c.nom, c.prenom, to_char(c.date_naissance, 'YYYY-MM-DD') as date_naissance, c.rang_communautaire, c.sexe
      from resultats.candidat c join resultats.candidature ca on ca.candidature = c.candidature
     where ca.election = ${election} order by c.candidature, c.rang`.execute(db)
  ).rows.map((row) => ({ ...row, candidature: Number(row.candidature), rang: Number(row.rang), rang_communautaire: row.rang_communautaire === null ? null : Number(row.rang_communautaire) }));
  const candidatsDe = (candidature: number) => rows.filter((row) => row.candidature === candidature);
  const type = totaux.election.type;
  const mode: ModeDeRepartition = type === 'municipales' ? 'liste' : type === 'municipales_moins_1000' ? 'majoritaire' : 'aucune';
  const base = {
    election: totaux.election,
    mode,
    exprimes: totaux.exprimes,
    inscrits: totaux.inscrits,
    bureaux: totaux.bureaux,
    provisoire: totaux.bureaux.comptes < totaux.bureaux.total,
  };
  const vide = (candidature: CandidatureTotal): SiegesDeCandidature => ({
    ...candidature,
    pourcentage: totaux.exprimes > 0 ? (candidature.voix * 100) / totaux.exprimes : 0,
    sieges: 0,
    prime: 0,
    sieges_communautaires: 0,
    elus: [],
    elus_communautaires: [],
    candidats_saisis: candidatsDe(candidature.candidature).length > 0,
  });
  const sansSieges = (erreur: string | null) => ({ ...base, second_tour: false, sieges_restants: 0, erreur, candidatures: totaux.candidatures.map(vide) });
  if (mode === 'aucune') return sansSieges(null);
  const sieges = totaux.election.sieges;
  if (sieges === null) return sansSieges('Le nombre de sièges à pourvoir n’est pas renseigné sur l’élection : indiquez-le pour calculer la répartition.');
  if (totaux.bureaux.comptes === 0) return sansSieges(null);
  try {
    if (mode === 'majoritaire') {
      const resultat = repartitionMajoritaire({
        sieges,
        tour: totaux.election.tour,
        exprimes: totaux.exprimes,
        inscrits: totaux.inscrits,
        candidats: totaux.candidatures.map((candidature) => ({
          nom: candidature.libelle,
          voix: candidature.voix,
          date_naissance: candidatsDe(candidature.candidature)[0]?.date_naissance ?? null,
        })),
      });
      return {
        ...base,
        second_tour: resultat.second_tour,
        sieges_restants: resultat.sieges_restants,
        erreur: null,
        candidatures: totaux.candidatures.map((candidature, index) => {
          const elu = resultat.candidats[index]?.elu === true;
          return { ...vide(candidature), sieges: elu ? 1 : 0, elus: elu ? [candidature.libelle] : [] };
        }),
      };
    }
    const municipal = repartitionScrutinDeListe({
      sieges,
      tour: totaux.election.tour,
      exprimes: totaux.exprimes,
      listes: totaux.candidatures.map((candidature) => enLice(candidature, candidatsDe(candidature.candidature), sieges)),
    });
    const communautaire = communautaires(totaux.election, totaux.exprimes, totaux.candidatures, candidatsDe);
    return {
      ...base,
      second_tour: municipal.second_tour,
      sieges_restants: municipal.sieges_non_pourvus,
      erreur: null,
      candidatures: totaux.candidatures.map((candidature, index) => {
        const candidats = candidatsDe(candidature.candidature);
        const sesSieges = municipal.listes[index]?.sieges ?? 0;
        const sesSiegesCommunautaires = communautaire?.listes[index]?.sieges ?? 0;
        return {
          ...vide(candidature),
          sieges: sesSieges,
          prime: municipal.listes[index]?.prime ?? 0,
          sieges_communautaires: sesSiegesCommunautaires,
          elus: candidats.slice(0, sesSieges).map(nomComplet),
          elus_communautaires: elusCommunautaires(candidats, sesSieges, sesSiegesCommunautaires).map(nomComplet),
        };
      }),
    };
  } catch (error) {
    if (error instanceof RepartitionImpossible) return sansSieges(error.message);
    throw error;
  }
}

/** Without candidates entered, a list is not limited by their number (placeholders without dates). */
function enLice(candidature: CandidatureTotal, candidats: readonly CandidatRow[], sieges: number): ListeEnLice {
  const saisis: CandidatDeListe[] = candidats.map((candidat) => ({ rang: candidat.rang, date_naissance: candidat.date_naissance }));
  const places = saisis.length > 0 ? saisis : Array.from({ length: sieges }, (_, index) => ({ rang: index + 1, date_naissance: null }));
  return { liste: candidature.libelle, voix: candidature.voix, candidats: places };
}

const parRangCommunautaire = (candidats: readonly CandidatRow[]) =>
  candidats.filter((candidat) => candidat.rang_communautaire !== null).sort((a, b) => (a.rang_communautaire ?? 0) - (b.rang_communautaire ?? 0));

function communautaires(
  election: ElectionEnTete,
  exprimes: number,
  candidatures: readonly CandidatureTotal[],
  candidatsDe: (candidature: number) => readonly CandidatRow[],
): RepartitionDeListes | undefined {
  const sieges = election.sieges_communautaires;
  if (sieges === null || sieges <= 0) return undefined;
  const aucuneListe = candidatures.every((candidature) => parRangCommunautaire(candidatsDe(candidature.candidature)).length === 0);
  return repartitionScrutinDeListe({
    sieges,
    tour: election.tour,
    exprimes,
    listes: candidatures.map((candidature) => {
      const candidats = parRangCommunautaire(candidatsDe(candidature.candidature)).map((candidat) => ({ rang: candidat.rang_communautaire ?? 0, date_naissance: candidat.date_naissance }));
      return aucuneListe
        ? { liste: candidature.libelle, voix: candidature.voix, candidats: Array.from({ length: sieges }, (_, index) => ({ rang: index + 1, date_naissance: null })) }
        : { liste: candidature.libelle, voix: candidature.voix, candidats };
    }),
  });
}
