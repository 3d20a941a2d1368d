/**
 * Loads Libreville's last municipal election (collectivité 1): its twelve bureaux (those of the
 * electoral lists when « Élections » is served, the same codes otherwise), the first round of
 * 15 March 2026 with four lists of 29 candidates and no absolute majority, and the second round of
 * 22 March with three lists (two merged), every bureau validated with coherent figures and the
 * participation at 12:00 and 17:00. Deterministic (seeded) and written as the system, in the
 * collectivité's scope, as the demo of « Élections » is.
 */
import { sql } from 'kysely';
import { SYSTEM_ACTOR } from '../../../framework/src/access/actor.ts';
import { writeAs, type Db } from '../../../framework/src/db/index.ts';
import type { Runtime } from '../../../framework/src/runtime.ts';
import { BUREAUX, CANTONS, CIRCONSCRIPTIONS } from '../../elections/demo/libreville.ts';
import {
  PRENOMS_FEMININS_ANCIENS,
  PRENOMS_FEMININS_RECENTS,
  PRENOMS_MASCULINS_ANCIENS,
  PRENOMS_MASCULINS_RECENTS,
  NOMS,
} from '../../elections/demo/noms.ts';
import { Random } from '../../elections/demo/random.ts';
import { CANDIDATS_COMMUNAUTAIRES, LISTES, LISTES_SECOND_TOUR, RANGS_FUSIONNES, SIEGES, SIEGES_COMMUNAUTAIRES, type DemoListe } from '../demo/listes.ts';
import { electionCree, preparerElection } from './election/bureaux.ts';
import { copierBureaux, reprendreBureaux } from './election/import-elections.ts';
import { creerSecondTour } from './election/second-tour.ts';

export const DEMO_COLLECTIVITE = 1;
export const DEMO_SEED = 20_260_322;
export const DATE_TOUR1 = '2026-03-15';
export const DATE_TOUR2 = '2026-03-22';
export const LIBELLE_TOUR1 = 'Municipales 2026';
export const LIBELLE_TOUR2 = 'Municipales 2026 – second tour';
export const CODE_COMMUNE = '97101';

interface Candidat {
  readonly nom: string;
  readonly prenom: string;
  readonly sexe: 'F' | 'M';
  readonly date_naissance: string;
}

/** Inserts rows into `resultats.<table>` (values in the order of `columns`); returns the keys, in order. */
async function insertRows(trx: Db, table: string, columns: readonly string[], rows: readonly (readonly unknown[])[]): Promise<number[]> {
  if (rows.length === 0) return [];
  const values = rows.map((row) => sql`(${sql.join(row.map((value) => sql`${value}`))})`);
  const result = await sql<Record<string, unknown>>`insert into ${sql.id('resultats', table)} (${sql.join(columns.map((column) => sql.id(column)))})
    values ${sql.join(values)} returning ${sql.id(table)}`.execute(trx);
  return result.rows.map((row) => Number(row[table]));
}

function candidat(random: Random, sexe: 'F' | 'M'): Candidat {
  const annee = random.int(1950, 2004);
  const recent = annee >= 1975;
  const prenoms = sexe === 'F' ? (recent ? PRENOMS_FEMININS_RECENTS : PRENOMS_FEMININS_ANCIENS) : recent ? PRENOMS_MASCULINS_RECENTS : PRENOMS_MASCULINS_ANCIENS;
  const date = `${annee}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;
  return { nom: random.pick(NOMS.slice(0, 200)), prenom: random.pick(prenoms), sexe, date_naissance: date };
}

/** A list of 29 candidates alternating sexes from its head's (parity, L264). */
function composer(random: Random, liste: DemoListe): Candidat[] {
  const other = liste.sexeTete === 'F' ? 'M' : 'F';
  return Array.from({ length: SIEGES }, (_unused, index) => candidat(random, index % 2 === 0 ? liste.sexeTete : other));
}

/** The merged list: the leading list's candidates, with the merging list's at RANGS_FUSIONNES (same sex, in their order). */
export function fusionner(principale: readonly Candidat[], ralliee: readonly Candidat[]): Candidat[] {
  const queues = { F: ralliee.filter((item) => item.sexe === 'F'), M: ralliee.filter((item) => item.sexe === 'M') };
  return principale.map((item, index) => (RANGS_FUSIONNES.includes(index + 1) ? (queues[item.sexe].shift() ?? item) : item));
}

/** Splits `total` by weights (largest remainders): integers summing exactly to `total`. */
export function repartir(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((acc, weight) => acc + weight, 0);
  const exact = weights.map((weight) => (total * weight) / sum);
  const parts = exact.map(Math.floor);
  const order = exact.map((value, index) => ({ index, rest: value - Math.floor(value) })).sort((a, b) => b.rest - a.rest || a.index - b.index);
  for (let missing = total - parts.reduce((acc, part) => acc + part, 0), k = 0; missing > 0; missing--, k++) {
    const at = order[k % order.length]?.index ?? 0;
    parts[at] = (parts[at] ?? 0) + 1;
  }
  return parts;
}

async function creerBureaux(trx: Db, avecElections: boolean): Promise<void> {
  if (avecElections && (await copierBureaux(trx, DEMO_COLLECTIVITE)) > 0) return;
  const canton = new Map<string, string>(CANTONS.map((item) => [item.code, item.libelle]));
  const circonscription = CIRCONSCRIPTIONS[0].libelle;
  const rows = BUREAUX.map((bureau) => sql`(${bureau.code}, ${bureau.libelle}, ${bureau.adresse}, ${canton.get(bureau.canton) ?? null}, ${circonscription}, ${DEMO_COLLECTIVITE})`);
  await sql`insert into resultats.bureau (code, libelle, adresse, canton, circonscription, om_collectivite) values ${sql.join(rows)}
    on conflict (code, om_collectivite) do nothing`.execute(trx);
}

async function creerCandidatures(
  trx: Db,
  election: number,
  listes: readonly { libelle: string; tete: string; nuance: string; couleur: string; candidats: readonly Candidat[] }[],
): Promise<number[]> {
  const keys = await insertRows(
    trx,
    'candidature',
    ['election', 'ordre', 'libelle', 'tete_de_liste', 'nuance', 'couleur', 'om_collectivite'],
    listes.map((liste, index) => [election, index + 1, liste.libelle, liste.tete, liste.nuance, liste.couleur, DEMO_COLLECTIVITE]),
  );
  const rows = listes.flatMap((liste, index) =>
    liste.candidats.map((item, rang) => [
      keys[index], rang + 1, item.nom.toUpperCase(), item.prenom, item.sexe, item.date_naissance, rang < CANDIDATS_COMMUNAUTAIRES ? rang + 1 : null, DEMO_COLLECTIVITE,
    ]),
  );
  await insertRows(trx, 'candidat', ['candidature', 'rang', 'nom', 'prenom', 'sexe', 'date_naissance', 'rang_communautaire', 'om_collectivite'], rows);
  return keys;
}

const tete = (candidats: readonly Candidat[]): string => `${candidats[0]?.prenom ?? ''} ${candidats[0]?.nom.toUpperCase() ?? ''}`.trim();

/** Every bureau's figures, validated: votants = blancs + nuls + exprimés, exprimés = Σ voix; participation at each hour. */
async function depouiller(trx: Db, random: Random, election: number, date: string, candidatures: readonly number[], parts: readonly number[], taux: number): Promise<void> {
  const bureaux = (await sql<{ election_bureau: number; inscrits: number }>`select election_bureau, inscrits from resultats.election_bureau
    where election = ${election} order by bureau`.execute(trx)).rows;
  const tranches = (await sql<{ tranche: number; heure: string }>`select tranche, heure::text from resultats.tranche where election = ${election} order by heure`.execute(trx)).rows;
  for (const [index, bureau] of bureaux.entries()) {
    const inscrits = Number(bureau.inscrits);
    const votants = Math.round(inscrits * (taux + (random.next() - 0.5) * 0.08));
    const blancs = Math.round(votants * (0.01 + random.next() * 0.012));
    const nuls = Math.round(votants * (0.006 + random.next() * 0.01));
    const exprimes = votants - blancs - nuls;
    const voix = repartir(exprimes, parts.map((part) => part * (0.85 + random.next() * 0.3)));
    const saisi = `${date} 20:${String(10 + index * 3).padStart(2, '0')}:00+01`;
    const valide = `${date} 20:${String(12 + index * 3).padStart(2, '0')}:00+01`;
    await sql`update resultats.election_bureau set votants = ${votants}, blancs = ${blancs}, nuls = ${nuls}, exprimes = ${exprimes}, etat = 'valide',
      saisi_le = ${saisi}::timestamptz, saisi_par = 'admin', valide_le = ${valide}::timestamptz, valide_par = 'admin'
      where election_bureau = ${bureau.election_bureau}`.execute(trx);
    await insertRows(trx, 'voix', ['election_bureau', 'candidature', 'nombre', 'om_collectivite'],
      candidatures.map((candidature, rang) => [bureau.election_bureau, candidature, voix[rang] ?? 0, DEMO_COLLECTIVITE]));
    const parts12 = 0.3 + random.next() * 0.08;
    const parts17 = 0.72 + random.next() * 0.08;
    await insertRows(trx, 'participation', ['election_bureau', 'tranche', 'votants', 'om_collectivite'],
      tranches.map((tranche) => [bureau.election_bureau, tranche.tranche, Math.round(votants * (tranche.heure < '14:00' ? parts12 : parts17)), DEMO_COLLECTIVITE]));
  }
}

/** What `loadResultatsDemo` wrote, for its callers (tests). */
export interface ResultatsDemo {
  readonly tour1: number;
  readonly tour2: number;
  readonly bureaux: number;
  readonly inscrits: number;
}

export async function loadResultatsDemo(db: Db, options: { readonly avecElections: boolean }): Promise<ResultatsDemo> {
  const random = new Random(DEMO_SEED);
  return writeAs(db, SYSTEM_ACTOR, async (trx) => {
    await creerBureaux(trx, options.avecElections);
    const [tour1 = 0] = await insertRows(trx, 'election',
      ['libelle', 'type', 'date_scrutin', 'tour', 'code_commune', 'sieges', 'sieges_communautaires', 'etat', 'om_collectivite'],
      [[LIBELLE_TOUR1, 'municipales', DATE_TOUR1, 1, CODE_COMMUNE, SIEGES, SIEGES_COMMUNAUTAIRES, 'close', DEMO_COLLECTIVITE]]);
    const premier = electionCree({ election: tour1, om_collectivite: DEMO_COLLECTIVITE, premier_tour: null });
    await preparerElection(trx, premier);
    const repris = options.avecElections ? await reprendreBureaux(trx, premier, 'municipales') : undefined;
    if (!repris || repris.inscrits === 0) {
      await sql`update resultats.election_bureau set inscrits = 1640 + ((bureau * 37) % 140) where election = ${tour1}`.execute(trx);
    }
    const compositions = new Map(LISTES.map((liste) => [liste.code, composer(random, liste)]));
    const listes1 = LISTES.map((liste) => {
      const candidats = compositions.get(liste.code) ?? [];
      return { libelle: liste.libelle, tete: tete(candidats), nuance: liste.nuance, couleur: liste.couleur, candidats };
    });
    const candidatures1 = await creerCandidatures(trx, tour1, listes1);
    await depouiller(trx, random, tour1, DATE_TOUR1, candidatures1, LISTES.map((liste) => liste.part1), 0.54);

    const tour2 = await creerSecondTour(trx, { election: tour1, date_scrutin: DATE_TOUR1, om_collectivite: DEMO_COLLECTIVITE }, LIBELLE_TOUR2, DATE_TOUR2);
    await sql`update resultats.election set etat = 'close' where election = ${tour2}`.execute(trx);
    const listes2 = LISTES_SECOND_TOUR.map((liste) => {
      const [principale, ralliee] = liste.codes.map((code) => compositions.get(code) ?? []);
      const candidats = ralliee ? fusionner(principale ?? [], ralliee) : (principale ?? []);
      return { libelle: liste.libelle, tete: tete(candidats), nuance: liste.nuance, couleur: liste.couleur, candidats };
    });
    const candidatures2 = await creerCandidatures(trx, tour2, listes2);
    await depouiller(trx, random, tour2, DATE_TOUR2, candidatures2, LISTES_SECOND_TOUR.map((liste) => liste.part2), 0.57);
    const totals = await sql<{ bureaux: number; inscrits: number }>`select count(*)::int as bureaux, coalesce(sum(inscrits), 0)::int as inscrits
      from resultats.election_bureau where election = ${tour1}`.execute(trx);
    return { tour1, tour2, bureaux: Number(totals.rows[0]?.bureaux ?? 0), inscrits: Number(totals.rows[0]?.inscrits ?? 0) };
  });
}

export async function loadDemo(runtime: Runtime): Promise<void> {
  const avecElections = runtime.registry.get('elections', 'bureau') !== undefined;
  const summary = await loadResultatsDemo(runtime.db.kysely, { avecElections });
  runtime.logger.info({ ...summary }, 'résultats : données de démonstration chargées');
}
