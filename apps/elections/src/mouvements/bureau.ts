/**
 * The bureau of an address: from the découpage of its voie (rules/decoupage.bureauOf), unless the
 * bureau is forced with a reason. An address no range covers is refused, naming the voie and number.
 */
import { sql, type Transaction } from 'kysely';
import type { Row, Schema } from '../../../../framework/src/db/index.ts';
import type { Locale } from '../../../../framework/src/i18n/index.ts';
import type { FieldErrors } from '../../../../framework/src/model/override.ts';
import { bureauOf, type DecoupageRange } from '../rules/decoupage.ts';
import { message } from './messages.ts';

export type BureauResolu = { readonly ok: true; readonly bureau: number } | { readonly ok: false; readonly errors: FieldErrors };

const filled = (value: unknown): boolean => value !== null && value !== undefined && String(value).trim() !== '';

/** The bureau of `row` (voie, numero, bureau, bureau_force). */
export async function resolveBureau(trx: Transaction<Schema>, row: Row, locale: Locale | undefined): Promise<BureauResolu> {
  if (row.bureau_force === true) {
    return filled(row.bureau) ? { ok: true, bureau: Number(row.bureau) } : { ok: false, errors: { bureau: message('bureauForceRequis', locale) } };
  }
  const voie = Number(row.voie);
  const numero = Number(row.numero ?? 0);
  const ranges = await sql<DecoupageRange>`
    select d.bureau, b.code as bureau_code, d.premier_impair, d.dernier_impair, d.premier_pair, d.dernier_pair
      from elections.decoupage d join elections.bureau b on b.bureau = d.bureau
     where d.voie = ${voie} order by d.decoupage`.execute(trx);
  const bureau = bureauOf(ranges.rows, numero);
  if (bureau !== undefined) return { ok: true, bureau };
  const found = await sql<{ libelle: string }>`select libelle from elections.voie where voie = ${voie}`.execute(trx);
  const libelle = found.rows[0]?.libelle ?? String(voie);
  return { ok: false, errors: { numero: message('adresseNonCouverte', { voie: libelle, numero: String(numero) }, locale) } };
}
