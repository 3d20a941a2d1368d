/**
 * Participation during the day: each bureau's votants at a tranche (12:00, 17:00…). A figure is
 * refused above the bureau's inscrits, above its final votants once its results are entered, below
 * the same bureau's figure at an earlier tranche, or above its figure at a later one; nothing is saved while one is refused. An empty field removes
 * the bureau's figure at that tranche (not reported yet).
 */
import { sql } from 'kysely';
import type { Actor } from '../../../../framework/src/access/actor.ts';
import type { Db } from '../../../../framework/src/db/connection.ts';
import { writeAs } from '../../../../framework/src/db/tenant-context.ts';
import type { FieldErrors } from '../../../../framework/src/model/override.ts';
import { writeAudit } from '../../../../framework/src/records/audit.ts';
import type { ReadDeps } from '../../../../framework/src/records/index.ts';
import { lireEntier } from './controles.ts';
import { entier, heure } from './format.ts';
import type { EtatElection } from './lecture.ts';
import { message } from './messages.ts';

export interface Tranche {
  readonly tranche: number;
  /** `HH:MM`. */
  readonly heure: string;
}

export interface BureauParticipation {
  readonly election_bureau: number;
  readonly code: string;
  readonly libelle: string;
  readonly inscrits: number;
  /** The votants of its results, once entered (`null` before). */
  readonly votants_final: number | null;
  /** Votants by tranche key (absent: not reported). */
  readonly votants: Readonly<Record<number, number>>;
}

export interface ParticipationElection {
  readonly election: number;
  readonly libelle: string;
  readonly etat: EtatElection;
  /** By hour. */
  readonly tranches: readonly Tranche[];
  /** By bureau code. */
  readonly bureaux: readonly BureauParticipation[];
}

export const champParticipation = (electionBureau: number): string => `votants_${electionBureau}`;

export async function lireParticipation(db: Db, election: number): Promise<ParticipationElection | undefined> {
  const enTete = (await sql<{ election: number; libelle: string; etat: EtatElection }>`select election, libelle, etat from resultats.election where election = ${election}`.execute(db)).rows[0];
  if (!enTete) return undefined;
  const tranches = (await sql<{ tranche: number; heure: string }>`select tranche, heure::text as heure from resultats.tranche where election = ${election} order by heure`.execute(db)).rows.map(
    (row) => ({ tranche: Number(row.tranche), heure: heure(String(row.heure)) }),
  );
  const bureaux = (
    await sql<{ election_bureau: number; code: string; libelle: string; inscrits: number; votants: number | null }>`select eb.election_bureau, b.code, b.libelle, eb.inscrits, eb.votants
      from resultats.election_bureau eb join resultats.bureau b on b.bureau = eb.bureau
     where eb.election = ${election} order by b.code collate "und-x-icu", b.bureau`.execute(db)
  ).rows;
  const releves = (
    await sql<{ election_bureau: number; tranche: number; votants: number }>`select p.election_bureau, p.tranche, p.votants
      from resultats.participation p join resultats.election_bureau eb on eb.election_bureau = p.election_bureau
     where eb.election = ${election}`.execute(db)
  ).rows;
  const parBureau = new Map<number, Record<number, number>>();
  for (const releve of releves) {
    const votants = parBureau.get(Number(releve.election_bureau)) ?? {};
    votants[Number(releve.tranche)] = Number(releve.votants);
    parBureau.set(Number(releve.election_bureau), votants);
  }
  return {
    election: Number(enTete.election),
    libelle: enTete.libelle,
    etat: enTete.etat,
    tranches,
    bureaux: bureaux.map((bureau) => ({
      election_bureau: Number(bureau.election_bureau),
      code: bureau.code,
      libelle: bureau.libelle,
      inscrits: Number(bureau.inscrits),
      votants_final: bureau.votants === null ? null : Number(bureau.votants),
      votants: parBureau.get(Number(bureau.election_bureau)) ?? {},
    })),
  };
}

export type LectureParticipation = { readonly votants: ReadonlyMap<number, number | null> } | { readonly erreurs: FieldErrors };

/** The figures typed for `tranche` (null: left empty), or the refusals per field. */
export function controlerParticipation(participation: ParticipationElection, tranche: Tranche, form: Readonly<Record<string, string>>): LectureParticipation {
  const erreurs: FieldErrors = {};
  const votants = new Map<number, number | null>();
  const avant = participation.tranches.filter((autre) => autre.heure < tranche.heure).reverse();
  const apres = participation.tranches.filter((autre) => autre.heure > tranche.heure);
  for (const bureau of participation.bureaux) {
    const champ = champParticipation(bureau.election_bureau);
    const texte = form[champ] ?? '';
    if (texte.trim() === '') {
      votants.set(bureau.election_bureau, null);
      continue;
    }
    const lu = lireEntier(texte);
    if ('erreur' in lu) {
      erreurs[champ] = lu.erreur;
      continue;
    }
    const valeur = lu.valeur;
    const precedente = avant.find((autre) => bureau.votants[autre.tranche] !== undefined);
    const suivante = apres.find((autre) => bureau.votants[autre.tranche] !== undefined);
    if (valeur > bureau.inscrits) {
      erreurs[champ] = message('participationInscrits', { votants: entier(valeur), heure: tranche.heure, inscrits: entier(bureau.inscrits) });
    } else if (bureau.votants_final !== null && valeur > bureau.votants_final) {
      erreurs[champ] = message('participationResultat', { votants: entier(valeur), heure: tranche.heure, final: entier(bureau.votants_final) });
    } else if (precedente && valeur < (bureau.votants[precedente.tranche] ?? 0)) {
      erreurs[champ] = message('participationAvant', { votants: entier(valeur), heure: tranche.heure, avant: entier(bureau.votants[precedente.tranche] ?? 0), heureAvant: precedente.heure });
    } else if (suivante && valeur > (bureau.votants[suivante.tranche] ?? 0)) {
      erreurs[champ] = message('participationApres', { votants: entier(valeur), heure: tranche.heure, apres: entier(bureau.votants[suivante.tranche] ?? 0), heureApres: suivante.heure });
    } else {
      votants.set(bureau.election_bureau, valeur);
    }
  }
  return Object.keys(erreurs).length > 0 ? { erreurs } : { votants };
}

/** Saves the tranche's figures in one transaction, with one audit entry; how many bureaux are reported. */
export async function enregistrerParticipation(service: ReadDeps, actor: Actor, tranche: Tranche, votants: ReadonlyMap<number, number | null>, requestId?: string): Promise<number> {
  const object = service.registry.get('resultats', 'participation');
  if (!object) throw new Error('resultats/participation non enregistré');
  return writeAs(service.db.kysely, actor, async (trx) => {
    const avant = (await sql<{ election_bureau: number; votants: number }>`select election_bureau, votants from resultats.participation where tranche = ${tranche.tranche} order by election_bureau`.execute(trx)).rows;
    const saisis = [...votants].filter((entry): entry is [number, number] => entry[1] !== null);
    const vides = [...votants].filter(([, valeur]) => valeur === null).map(([electionBureau]) => electionBureau);
    if (vides.length > 0) await sql`delete from resultats.participation where tranche = ${tranche.tranche} and election_bureau = any(${vides}::integer[])`.execute(trx);
    if (saisis.length > 0) {
      const lignes = saisis.map(([electionBureau, valeur]) => sql`(${electionBureau}::integer, ${valeur}::integer)`);
      await sql`insert into resultats.participation (election_bureau, tranche, votants, om_collectivite)
        select v.election_bureau, ${tranche.tranche}::integer, v.votants, eb.om_collectivite
          from (values ${sql.join(lignes)}) as v (election_bureau, votants)
          join resultats.election_bureau eb on eb.election_bureau = v.election_bureau
        on conflict (election_bureau, tranche) do update set votants = excluded.votants`.execute(trx);
    }
    const apres = (await sql<{ election_bureau: number; votants: number }>`select election_bureau, votants from resultats.participation where tranche = ${tranche.tranche} order by election_bureau`.execute(trx)).rows;
    const resume = (rows: readonly { election_bureau: number; votants: number }[]) => ({
      tranche: tranche.tranche,
      heure: tranche.heure,
      votants: Object.fromEntries(rows.map((row) => [String(row.election_bureau), Number(row.votants)])),
    });
    await writeAudit(trx, { actor, object, action: 'saisie_participation', key: tranche.tranche, before: resume(avant), after: resume(apres), requestId });
    return saisis.length;
  });
}
