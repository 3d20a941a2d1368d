/**
 * Rules shared by the elector and the movement (which carries a copy of the elector's fields): the
 * birthplace fields that match `naissance_lieu`, the reason of a forced bureau, the list a
 * nationality allows. Each returns the messages by field, empty when the row is right.
 */
import { sql, type Transaction } from 'kysely';
import type { Row, Schema } from '../../../../framework/src/db/index.ts';
import type { Locale } from '../../../../framework/src/i18n/index.ts';
import type { FieldErrors } from '../../../../framework/src/model/override.ts';
import { LIEUX_NAISSANCE, type LieuNaissance } from '../choices.ts';
import { message } from '../messages.ts';
import { todayInParis } from '../rules/dates.ts';

const filled = (value: unknown): boolean => value !== null && value !== undefined && String(value).trim() !== '';

/** For each place of birth, the field it needs; the town is needed abroad and in Algeria. */
const PLACE_FIELD: Readonly<Record<LieuNaissance, string>> = {
  france: 'commune_naissance',
  etranger: 'pays_naissance',
  algerie: 'departement_algerie',
};
const REQUIRED_MESSAGE = { france: 'communeRequise', etranger: 'paysRequis', algerie: 'departementAlgerieRequis' } as const;

const isLieu = (value: unknown): value is LieuNaissance => typeof value === 'string' && Object.hasOwn(PLACE_FIELD, value);

/** The field matching `naissance_lieu` is filled (and the town abroad or in Algeria); the others are empty. */
export function lieuNaissanceErrors(row: Row, locale: Locale | undefined): FieldErrors {
  const lieu = row.naissance_lieu;
  if (!isLieu(lieu)) return {};
  const errors: FieldErrors = {};
  const needed = PLACE_FIELD[lieu];
  if (!filled(row[needed])) errors[needed] = message(REQUIRED_MESSAGE[lieu], locale);
  const label = LIEUX_NAISSANCE.find((choice) => choice.value === lieu)?.label ?? lieu;
  for (const field of Object.values(PLACE_FIELD)) {
    if (field !== needed && filled(row[field])) errors[field] = message('horsLieuNaissance', { lieu: label }, locale);
  }
  const town = filled(row.libelle_lieu_naissance);
  if (lieu === 'france' && town) errors.libelle_lieu_naissance = message('horsLieuNaissance', { lieu: label }, locale);
  if (lieu !== 'france' && !town) errors.libelle_lieu_naissance = message('villeRequise', locale);
  return errors;
}

/** A birth date after today (in ISO form, compared as text). */
export function dateNaissanceErrors(row: Row, today: string, locale: Locale | undefined): FieldErrors {
  const date = row.date_naissance;
  return typeof date === 'string' && date > today ? { date_naissance: message('dateNaissanceFuture', locale) } : {};
}

export function bureauForceErrors(row: Row, locale: Locale | undefined): FieldErrors {
  return row.bureau_force === true && !filled(row.motif_bureau_force) ? { motif_bureau_force: message('motifBureauForce', locale) } : {};
}

/** LP is for French nationals; LCE and LCM for citizens of another EU Member State. */
export async function nationaliteErrors(trx: Transaction<Schema>, row: Row, locale: Locale | undefined): Promise<FieldErrors> {
  if (!filled(row.liste) || !filled(row.nationalite)) return {};
  const found = await sql<{ libelle: string; ue: boolean }>`
    select libelle, ue from elections.nationalite where nationalite = ${String(row.nationalite)}`.execute(trx);
  const nationalite = found.rows[0];
  if (!nationalite) return {};
  if (row.liste === 'LP') return row.nationalite === 'FRA' ? {} : { liste: message('listePrincipaleFrancais', locale) };
  return nationalite.ue ? {} : { nationalite: message('listeComplementaireUe', { nationalite: nationalite.libelle }, locale) };
}

/** Every rule of an elector's identity, address and bureau: the elector form's, and a movement's (it may write one). */
export async function identiteErrors(trx: Transaction<Schema>, row: Row, locale: Locale | undefined): Promise<FieldErrors> {
  return {
    ...lieuNaissanceErrors(row, locale),
    ...dateNaissanceErrors(row, todayInParis(), locale),
    ...bureauForceErrors(row, locale),
    ...(await nationaliteErrors(trx, row, locale)),
  };
}
