/**
 * A collectivité's address points (`om.om_sig_adresse`, issue 13 §6): written from a Base Adresse
 * Locale file, read to « localiser » an address. A number is found at its own point; else between
 * the nearest lower and higher numbers of the same side of the voie (same parity), in proportion;
 * else at the middle of the voie's known points. Everything runs on the caller's connection:
 * row-level security keeps another collectivité's addresses out.
 */
import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';
import type { Localisation } from './localiser.ts';

export interface AdressePoint {
  readonly voie: string;
  readonly numero: number;
  readonly suffixe?: string | undefined;
  readonly longitude: number;
  readonly latitude: number;
  readonly cleInterop?: string | undefined;
}

/** « Rue de l’Église » and « RUE DE L EGLISE » meet: no case, accents or punctuation. */
export function cleDeVoie(nom: string): string {
  return nom
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const WGS84 = 4326;
const BATCH = 1_000;

/**
 * Replaces the collectivité's addresses of this source by these (one transaction: the caller's).
 * Returns the number written.
 */
export async function remplacerAdresses(trx: Db, collectivite: number, adresses: readonly AdressePoint[], source = 'bal'): Promise<number> {
  await sql`delete from om.om_sig_adresse where om_collectivite = ${collectivite} and source = ${source}`.execute(trx);
  for (let start = 0; start < adresses.length; start += BATCH) {
    const rows = adresses.slice(start, start + BATCH).map(
      (adresse) =>
        sql`(${collectivite}, ${adresse.voie}, ${cleDeVoie(adresse.voie)}, ${adresse.numero}, ${adresse.suffixe?.trim() || null},
          ${adresse.longitude}, ${adresse.latitude}, ${adresse.cleInterop ?? null}, ${source})`,
    );
    await sql`insert into om.om_sig_adresse (om_collectivite, voie_nom, voie_cle, numero, suffixe, longitude, latitude, cle_interop, source)
      values ${sql.join(rows)}`.execute(trx);
  }
  return adresses.length;
}

interface Known {
  readonly numero: number;
  readonly suffixe: string | null;
  readonly longitude: number;
  readonly latitude: number;
  readonly voie_nom: string;
}

const libelleOf = (numero: number | undefined, suffixe: string | undefined, voie: string) =>
  [numero === undefined ? '' : String(numero), suffixe?.trim() ?? '', voie].filter((part) => part !== '').join(' ');

const sameSuffix = (known: string | null, wanted: string | undefined) => (known ?? '').toLowerCase() === (wanted ?? '').trim().toLowerCase();

/**
 * The point of « numero suffixe voie » among the address points in reach (EPSG:4326), or null when
 * the voie has none. Without a number, the voie's middle.
 */
export async function localiserAdresse(db: Db, voie: string, numero?: number, suffixe?: string): Promise<Localisation | null> {
  const points = (
    await sql<Known>`select numero, suffixe, longitude, latitude, voie_nom from om.om_sig_adresse
      where voie_cle = ${cleDeVoie(voie)} order by numero, suffixe nulls first`.execute(db)
  ).rows;
  if (points.length === 0) return null;
  const nom = points[0]?.voie_nom ?? voie;
  const at = (longitude: number, latitude: number, precision: Localisation['precision']): Localisation => ({
    x: longitude,
    y: latitude,
    srid: WGS84,
    precision,
    libelle: libelleOf(precision === 'voie' ? undefined : numero, precision === 'voie' ? undefined : suffixe, nom),
  });
  if (numero !== undefined) {
    const exact = points.find((point) => point.numero === numero && sameSuffix(point.suffixe, suffixe)) ?? points.find((point) => point.numero === numero);
    if (exact) return at(exact.longitude, exact.latitude, 'adresse');
    const side = points.filter((point) => point.numero % 2 === numero % 2);
    const lower = side.filter((point) => point.numero < numero).at(-1);
    const higher = side.find((point) => point.numero > numero);
    if (lower && higher) {
      const ratio = (numero - lower.numero) / (higher.numero - lower.numero);
      return at(lower.longitude + ratio * (higher.longitude - lower.longitude), lower.latitude + ratio * (higher.latitude - lower.latitude), 'interpolee');
    }
  }
  const middle = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  return at(middle(points.map((point) => point.longitude)), middle(points.map((point) => point.latitude)), 'voie');
}
