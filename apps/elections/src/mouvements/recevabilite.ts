/** The calendar on a movement naming a scrutin: rules/calendrier.acceptsMovement, on save and on « Accepter ». */
import { sql, type Transaction } from 'kysely';
import type { Row, Schema } from '../../../../framework/src/db/index.ts';
import type { FieldErrors } from '../../../../framework/src/model/override.ts';
import { acceptsMovement } from '../rules/calendrier.ts';
import { todayInParis } from '../rules/dates.ts';

/** Empty when the movement names no scrutin or is within the deadlines; else the rule's message on `date_demande` (or `cas_l30`). */
export async function calendrierErrors(trx: Transaction<Schema>, row: Row): Promise<FieldErrors> {
  if (row.scrutin === null || row.scrutin === undefined || row.scrutin === '') return {};
  const found = await sql<{ date_tour1: string }>`select date_tour1 from elections.scrutin where scrutin = ${Number(row.scrutin)}`.execute(trx);
  const scrutin = found.rows[0];
  if (!scrutin) return {};
  const dateDemande = typeof row.date_demande === 'string' && row.date_demande !== '' ? row.date_demande : todayInParis();
  const casL30 = typeof row.cas_l30 === 'string' ? row.cas_l30 : null;
  const verdict = acceptsMovement({ premierTour: scrutin.date_tour1, dateDemande, casL30 });
  if (verdict.ok) return {};
  return casL30 ? { cas_l30: verdict.message } : { date_demande: verdict.message };
}
