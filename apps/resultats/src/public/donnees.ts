/**
 * What the public results page shows of an election, and nothing more: only VALIDATED bureaux
 * count (`totauxElection` default); a bureau not validated is « en attente », without its figures;
 * an election in preparation is not published. Read on the public connection of one collectivité
 * (`readPublic`); the same object is the page, its JSON endpoint and the live script's input.
 */
import { sql } from 'kysely';
import type { Db } from '../../../../framework/src/db/connection.ts';
import { repartitionDeLElection } from '../sieges/index.ts';
import { totauxElection, type ElectionEnTete } from '../totaux/index.ts';

/** The états whose results are public. */
export const ETATS_PUBLIES = ['ouverte', 'close', 'archivee'] as const;

export interface ElectionPubliee {
  readonly election: number;
  readonly libelle: string;
  readonly type: ElectionEnTete['type'];
  readonly tour: number;
  /** `AAAA-MM-JJ`. */
  readonly date_scrutin: string;
  readonly etat: ElectionEnTete['etat'];
}

export interface ParticipationPublique {
  readonly heure: string;
  readonly votants: number;
  /** Bureaux that reported at this hour, of all of them. */
  readonly bureaux: number;
  /** Votants over the inscrits of the bureaux that reported (percent), `null` when none did. */
  readonly pourcentage: number | null;
}

export interface CandidaturePublique {
  readonly ordre: number;
  readonly libelle: string;
  readonly tete_de_liste: string | null;
  readonly nuance: string | null;
  readonly couleur: string | null;
  readonly voix: number;
  /** Of the exprimés (percent), `null` while nothing is counted. */
  readonly pourcentage: number | null;
  /** Seats won (municipales, when the allocation is known). */
  readonly sieges: number | null;
}

export interface BureauPublic {
  readonly code: string;
  readonly libelle: string;
  readonly depouille: boolean;
  readonly inscrits: number;
  /** The figures of a validated bureau; `null` while it is « en attente ». */
  readonly votants: number | null;
  readonly blancs: number | null;
  readonly nuls: number | null;
  readonly exprimes: number | null;
  /** Votes per candidature, in panel order. */
  readonly voix: readonly (number | null)[];
}

export interface ResultatsPublics {
  readonly collectivite: number;
  readonly election: ElectionPubliee;
  readonly bureaux: { readonly depouilles: number; readonly total: number };
  /** Until every bureau is counted. */
  readonly provisoire: boolean;
  /** provisoire until every bureau is counted; then complet, or proclame once the election is closed. */
  readonly statut: 'provisoire' | 'complet' | 'proclame';
  readonly chiffres: {
    readonly inscrits: number;
    readonly votants: number;
    readonly blancs: number;
    readonly nuls: number;
    readonly exprimes: number;
    /** Votants over the inscrits of the counted bureaux (percent), `null` while none is. */
    readonly participation: number | null;
  };
  readonly participation: readonly ParticipationPublique[];
  readonly candidatures: readonly CandidaturePublique[];
  readonly parBureau: readonly BureauPublic[];
  /** Whether seats are shown (municipales with a known allocation). */
  readonly avecSieges: boolean;
  /**
   * The page's shape (candidatures, bureaux, tranches, seats): when it changes (a tranche or a
   * bureau added), the live page reloads instead of updating its figures (`data-structure`).
   */
  readonly structure: string;
}

const structureDe = (resultats: Omit<ResultatsPublics, 'structure'>): string =>
  [resultats.candidatures.length, resultats.parBureau.length, resultats.participation.length, resultats.avecSieges ? 1 : 0].join('-');

/** The council seats per panel number (municipales), once something is counted and the allocation is possible. */
async function siegesParOrdre(db: Db, election: number): Promise<ReadonlyMap<number, number> | undefined> {
  const repartition = await repartitionDeLElection(db, election);
  if (!repartition || repartition.mode === 'aucune' || repartition.erreur !== null) return undefined;
  return new Map(repartition.candidatures.map((candidature) => [candidature.ordre, candidature.sieges]));
}

const pourcent = (part: number, tout: number): number | null => (tout > 0 ? Math.round((part / tout) * 10_000) / 100 : null);

/** The published elections of the connection's collectivité, newest first. */
export async function electionsPubliees(db: Db): Promise<ElectionPubliee[]> {
  const rows = (
    await sql<ElectionPubliee>`select election, libelle, type, tour::int as tour, to_char(date_scrutin, 'YYYY-MM-DD') as date_scrutin, etat
      from resultats.election where etat in ('ouverte', 'close', 'archivee')
     order by date_scrutin desc, tour desc, election desc`.execute(db)
  ).rows;
  return rows.map((row) => ({ ...row, election: Number(row.election), tour: Number(row.tour) }));
}

/** The collectivité's name, as the connection sees it. */
export async function nomCollectivite(db: Db, collectivite: number): Promise<string> {
  const row = (await sql<{ libelle: string }>`select libelle from om.om_collectivite where om_collectivite = ${collectivite}`.execute(db)).rows[0];
  return row?.libelle ?? '';
}

async function participationParTranche(db: Db, election: number, inscritsParBureau: ReadonlyMap<number, number>): Promise<ParticipationPublique[]> {
  const rows = (
    await sql<{ tranche: number; heure: string; election_bureau: number | null; votants: number | null }>`
      select t.tranche, to_char(t.heure, 'HH24:MI') as heure, p.election_bureau, p.votants
        from resultats.tranche t left join resultats.participation p on p.tranche = t.tranche
       where t.election = ${election}
       order by t.heure, p.election_bureau`.execute(db)
  ).rows;
  const parTranche = new Map<number, { heure: string; votants: number; bureaux: number; inscrits: number }>();
  for (const row of rows) {
    const tranche = parTranche.get(Number(row.tranche)) ?? { heure: row.heure, votants: 0, bureaux: 0, inscrits: 0 };
    if (row.election_bureau !== null && row.votants !== null) {
      tranche.votants += Number(row.votants);
      tranche.bureaux += 1;
      tranche.inscrits += inscritsParBureau.get(Number(row.election_bureau)) ?? 0;
    }
    parTranche.set(Number(row.tranche), tranche);
  }
  return [...parTranche.values()].map((tranche) => ({
    heure: tranche.heure,
    votants: tranche.votants,
    bureaux: tranche.bureaux,
    pourcentage: pourcent(tranche.votants, tranche.inscrits),
  }));
}

/**
 * The public results of an election of the connection's collectivité; `undefined` when it does not
 * exist there or is not published.
 */
export async function resultatsPublics(db: Db, collectivite: number, election: number): Promise<ResultatsPublics | undefined> {
  const totaux = await totauxElection(db, election);
  if (!totaux || !(ETATS_PUBLIES as readonly string[]).includes(totaux.election.etat)) return undefined;
  const inscritsParBureau = new Map(totaux.parBureau.map((bureau) => [bureau.election_bureau, bureau.inscrits]));
  const participation = await participationParTranche(db, election, inscritsParBureau);
  const sieges = totaux.election.type.startsWith('municipales') && totaux.exprimes > 0 ? await siegesParOrdre(db, election) : undefined;
  const { election: enTete } = totaux;
  const provisoire = totaux.bureaux.total === 0 || totaux.bureaux.comptes < totaux.bureaux.total;
  const resultats: Omit<ResultatsPublics, 'structure'> = {
    collectivite,
    election: { election: enTete.election, libelle: enTete.libelle, type: enTete.type, tour: enTete.tour, date_scrutin: enTete.date_scrutin, etat: enTete.etat },
    bureaux: { depouilles: totaux.bureaux.comptes, total: totaux.bureaux.total },
    provisoire,
    statut: provisoire ? 'provisoire' : enTete.etat === 'ouverte' ? 'complet' : 'proclame',
    chiffres: {
      inscrits: totaux.inscrits,
      votants: totaux.votants,
      blancs: totaux.blancs,
      nuls: totaux.nuls,
      exprimes: totaux.exprimes,
      participation: pourcent(totaux.votants, totaux.inscrits),
    },
    participation,
    candidatures: totaux.candidatures.map((candidature) => ({
      ordre: candidature.ordre,
      libelle: candidature.libelle,
      tete_de_liste: candidature.tete_de_liste,
      nuance: candidature.nuance,
      couleur: candidature.couleur,
      voix: candidature.voix,
      pourcentage: pourcent(candidature.voix, totaux.exprimes),
      sieges: sieges ? (sieges.get(candidature.ordre) ?? 0) : null,
    })),
    parBureau: totaux.parBureau.map((bureau) => {
      const depouille = bureau.etat === 'valide';
      const chiffre = (value: number) => (depouille ? value : null);
      return {
        code: bureau.code,
        libelle: bureau.libelle,
        depouille,
        inscrits: bureau.inscrits,
        votants: chiffre(bureau.votants),
        blancs: chiffre(bureau.blancs),
        nuls: chiffre(bureau.nuls),
        exprimes: chiffre(bureau.exprimes),
        voix: totaux.candidatures.map((candidature) => (depouille ? (bureau.voix[candidature.candidature] ?? 0) : null)),
      };
    }),
    avecSieges: sieges !== undefined,
  };
  return { ...resultats, structure: structureDe(resultats) };
}
