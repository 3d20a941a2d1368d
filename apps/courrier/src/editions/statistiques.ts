/**
 * The figures of « Statistiques du courrier » for a period: the arrivals of the period per
 * processing service, per nature and per catégorie, and their total, from the SQL function
 * `courrier.statistiques` (migration 0005), which the état « Statistiques du courrier » prints too.
 * Read as the user: a mail he does not see (another service's confidential mail) is never counted.
 */
import { sql } from 'kysely';
import type { Db } from '../../../../framework/src/db/connection.ts';
import type { Periode } from './periode.ts';

export type Axe = 'service' | 'nature' | 'categorie' | 'total';

export interface LigneStatistique {
  readonly libelle: string;
  /** Arrivals of the period. */
  readonly recus: number;
  readonly reponseSouhaitee: number;
  /** Reply task soldée. */
  readonly repondus: number;
  /** Reply task executed on or before its due date. */
  readonly aTemps: number;
  /** Reply task soldée after its due date, or open with its due date past. */
  readonly enRetard: number;
  /** Days between arrival and execution of the reply, on average (one decimal); null: nothing answered. */
  readonly delaiMoyen: number | null;
  /** Tasks of these mails not soldées. */
  readonly tachesOuvertes: number;
}

export interface Statistiques {
  readonly parService: readonly LigneStatistique[];
  readonly parNature: readonly LigneStatistique[];
  readonly parCategorie: readonly LigneStatistique[];
  readonly total: LigneStatistique;
}

interface LigneLue {
  axe: Axe;
  cle: number | null;
  libelle: string;
  recus: unknown;
  reponse_souhaitee: unknown;
  repondus: unknown;
  a_temps: unknown;
  en_retard: unknown;
  delai_moyen: unknown;
  taches_ouvertes: unknown;
}

const nombre = (value: unknown) => Number(value ?? 0);

const ligne = (row: LigneLue): LigneStatistique => ({
  libelle: row.libelle,
  recus: nombre(row.recus),
  reponseSouhaitee: nombre(row.reponse_souhaitee),
  repondus: nombre(row.repondus),
  aTemps: nombre(row.a_temps),
  enRetard: nombre(row.en_retard),
  delaiMoyen: row.delai_moyen === null || row.delai_moyen === undefined ? null : Number(row.delai_moyen),
  tachesOuvertes: nombre(row.taches_ouvertes),
});

const TOTAL_VIDE: LigneStatistique = { libelle: 'Total', recus: 0, reponseSouhaitee: 0, repondus: 0, aTemps: 0, enRetard: 0, delaiMoyen: null, tachesOuvertes: 0 };

const parLibelle = (a: LigneStatistique, b: LigneStatistique) => a.libelle.localeCompare(b.libelle, 'fr');

/** The figures of the period, as the user of `db` sees the mail. */
export async function statistiquesCourrier(db: Db, periode: Periode): Promise<Statistiques> {
  const { rows } = await sql<LigneLue>`select * from courrier.statistiques(${periode.du}::date, ${periode.au}::date)`.execute(db);
  const de = (axe: Axe) => rows.filter((row) => row.axe === axe);
  const total = de('total')[0];
  return {
    parService: de('service').map(ligne).sort(parLibelle),
    parNature: de('nature').map(ligne).sort(parLibelle),
    // « Sans catégorie » last.
    parCategorie: [...de('categorie').filter((row) => row.cle !== null).map(ligne).sort(parLibelle), ...de('categorie').filter((row) => row.cle === null).map(ligne)],
    total: total ? ligne(total) : TOTAL_VIDE,
  };
}

/** The columns of every table, CSV and chart, in order. */
export const COLONNES: readonly { readonly cle: Exclude<keyof LigneStatistique, 'libelle'>; readonly libelle: string }[] = [
  { cle: 'recus', libelle: 'Reçus' },
  { cle: 'reponseSouhaitee', libelle: 'Réponse souhaitée' },
  { cle: 'repondus', libelle: 'Répondus' },
  { cle: 'aTemps', libelle: 'À temps' },
  { cle: 'enRetard', libelle: 'En retard' },
  { cle: 'delaiMoyen', libelle: 'Délai moyen (jours)' },
  { cle: 'tachesOuvertes', libelle: 'Tâches ouvertes' },
];

/** A figure as French text: « 2,5 », « 3 », empty for no average. */
export function chiffre(value: number | null): string {
  if (value === null) return '';
  return Number.isInteger(value) ? String(value) : value.toFixed(1).replace('.', ',');
}
