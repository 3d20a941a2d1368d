/**
 * Loads the staffing of Libreville's municipales (collectivité 1): its twelve bureaux, the scrutin
 * of 15 March 2026 (round 1), four lists, and every bureau staffed — président (8–13 h) and
 * vice-président (13–18 h) and secrétaire named by the mayor, each list's assesseur titulaire
 * (8–13 h) and suppléant (13–18 h), délégués of two lists — except bureau 12, left incomplete so
 * that the control page shows something. Seeded (the same names on every machine), written in one
 * transaction as the system by batched inserts: the rows respect every rule of the forms (tested).
 */
import { sql } from 'kysely';
import { SYSTEM_ACTOR } from '../../../framework/src/access/actor.ts';
import { writeAs, type Db } from '../../../framework/src/db/index.ts';
import type { Runtime } from '../../../framework/src/runtime.ts';
import { Random } from '../../elections/demo/random.ts';
import { BUREAU_INCOMPLET, BUREAUX, DEPARTEMENT, LISTES, NOMS, PRENOMS, RUES, SCRUTIN } from '../demo/libreville.ts';

export const DEMO_COLLECTIVITE = 1;
export const DEMO_SEED = 20_260_315;
const DESIGNATION_MAIRE = '2026-02-20';
const DESIGNATION_LISTES = '2026-03-10';
const CONVOCATION = '2026-03-02';

async function insertRows(trx: Db, table: string, columns: readonly string[], rows: readonly (readonly unknown[])[]): Promise<number[]> {
  const keys: number[] = [];
  const columnList = sql.join(columns.map((column) => sql.id(column)));
  for (let start = 0; start < rows.length; start += 500) {
    const values = rows.slice(start, start + 500).map((row) => sql`(${sql.join(row.map((value) => sql`${value}`))})`);
    const result = await sql<Record<string, unknown>>`insert into ${sql.id('scrutin', table)} (${columnList}) values ${sql.join(values)} returning ${sql.id(table)}`.execute(trx);
    for (const row of result.rows) keys.push(Number(row[table]));
  }
  return keys;
}

interface Poste {
  readonly bureau: number;
  readonly fonction: string;
  readonly liste: number | null;
  readonly debut: string;
  readonly fin: string;
  readonly convoque: boolean;
}

/** The posts of a bureau: the mayor's, then each list's. */
function postes(bureau: number, incomplet: boolean): Poste[] {
  const maire = (fonction: string, debut: string, fin: string): Poste => ({ bureau, fonction, liste: null, debut, fin, convoque: true });
  const liste = (index: number, fonction: string, debut: string, fin: string): Poste => ({ bureau, fonction, liste: index, debut, fin, convoque: index < 2 });
  if (incomplet) return [maire('president', '08:00', '13:00'), maire('vice_president', '13:00', '18:00'), liste(0, 'assesseur_titulaire', '08:00', '13:00')];
  return [
    maire('president', '08:00', '13:00'),
    maire('vice_president', '13:00', '18:00'),
    maire('secretaire', '08:00', '18:00'),
    ...LISTES.flatMap((_liste, index) => [liste(index, 'assesseur_titulaire', '08:00', '13:00'), liste(index, 'assesseur_suppleant', '13:00', '18:00')]),
    liste(0, 'delegue_titulaire', '08:00', '13:00'),
    liste(1, 'delegue_titulaire', '13:00', '18:00'),
  ];
}

export interface ScrutinDemoSummary {
  readonly bureaux: number;
  readonly personnes: number;
  readonly affectations: number;
}

export async function loadScrutinDemo(db: Db): Promise<ScrutinDemoSummary> {
  const random = new Random(DEMO_SEED);
  const c = DEMO_COLLECTIVITE;
  return writeAs(db, SYSTEM_ACTOR, async (trx) => {
    const bureaux = await insertRows(trx, 'bureau', ['code', 'libelle', 'adresse', 'om_collectivite'], BUREAUX.map((bureau) => [bureau.code, bureau.libelle, bureau.adresse, c]));
    const [scrutin] = await insertRows(
      trx,
      'scrutin',
      ['libelle', 'type', 'date_scrutin', 'tour', 'heure_ouverture', 'heure_fermeture', 'departement', 'om_collectivite'],
      [[SCRUTIN.libelle, SCRUTIN.type, SCRUTIN.date_scrutin, SCRUTIN.tour, SCRUTIN.heure_ouverture, SCRUTIN.heure_fermeture, SCRUTIN.departement, c]],
    );
    const listes = await insertRows(
      trx,
      'candidature',
      ['scrutin', 'libelle', 'tete_de_liste', 'mandataire', 'telephone', 'om_collectivite'],
      LISTES.map((liste, index) => [scrutin, liste.libelle, liste.tete, liste.mandataire, `05 56 00 10 ${String(index + 10)}`, c]),
    );
    const plan = bureaux.flatMap((bureau, index) => postes(bureau, BUREAUX[index]?.code === BUREAU_INCOMPLET));
    const personnes = await insertRows(
      trx,
      'personne',
      ['nom', 'prenom', 'date_naissance', 'adresse', 'telephone', 'commune_inscription', 'departement_inscription', 'om_collectivite'],
      plan.map((poste, index) => {
        const annee = random.int(1950, 2002);
        const naissance = `${annee}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;
        const delegue = poste.fonction.startsWith('delegue');
        return [
          random.pick(NOMS),
          random.pick(PRENOMS),
          naissance,
          `${random.int(1, 120)} ${random.pick(RUES)}, 00100 Libreville`,
          `06 ${String(10 + (index % 90))} ${String(random.int(10, 99))} ${String(random.int(10, 99))} ${String(random.int(10, 99))}`,
          delegue && random.chance(0.5) ? 'Bordeaux' : 'Libreville',
          DEPARTEMENT,
          c,
        ];
      }),
    );
    await insertRows(
      trx,
      'affectation',
      ['scrutin', 'bureau', 'personne', 'fonction', 'candidature', 'heure_debut', 'heure_fin', 'date_designation', 'convoque_le', 'om_collectivite'],
      plan.map((poste, index) => [
        scrutin,
        poste.bureau,
        personnes[index],
        poste.fonction,
        poste.liste === null ? null : listes[poste.liste],
        poste.debut,
        poste.fin,
        poste.liste === null ? DESIGNATION_MAIRE : DESIGNATION_LISTES,
        poste.convoque ? CONVOCATION : null,
        c,
      ]),
    );
    return { bureaux: bureaux.length, personnes: personnes.length, affectations: plan.length };
  });
}

export async function loadDemo(runtime: Runtime): Promise<void> {
  const summary = await loadScrutinDemo(runtime.db.kysely);
  runtime.logger.info({ ...summary }, 'composition des bureaux : données de démonstration chargées');
}
