import { sql } from 'kysely';
import type { FieldErrors, WriteContext } from '../../../framework/src/model/override.ts';
import { message } from './messages.ts';

/**
 * What belongs to a processing activity stays in its collectivité: a niveau-2 user, who works
 * across collectivités, must not attach a row of one town to another town's activity.
 */
export async function sameCollectiviteAsTraitement({ action, values, previous, trx, locale }: WriteContext): Promise<FieldErrors> {
  if (action === 'delete') return {};
  const row = { ...previous, ...values };
  if (row.traitement === null || row.traitement === undefined || row.om_collectivite === undefined) return {};
  const found = await sql<{ om_collectivite: number }>`
    select om_collectivite from registre.traitement where traitement = ${row.traitement}`.execute(trx);
  const owner = found.rows[0]?.om_collectivite;
  return owner !== undefined && Number(owner) !== Number(row.om_collectivite) ? { traitement: message('collectiviteDuTraitement', locale) } : {};
}
