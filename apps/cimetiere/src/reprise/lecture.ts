/** What the reprise's checks read: the concession's act date and the emplacement's last inhumation. */
import { sql } from 'kysely';
import type { Db } from '../../../../framework/src/db/connection.ts';
import { texteDate } from '../concessions/dates.ts';
import type { Contexte } from './delais.ts';

export async function contexteDeReprise(db: Db, emplacement: number, concession: number | null): Promise<Contexte & { concessionAutre: boolean }> {
  const acte =
    concession === null
      ? undefined
      : (await sql<{ date_acte: string; emplacement: number }>`select date_acte, emplacement from cimetiere.concession where concession = ${concession}`.execute(db)).rows[0];
  const inhumation = (
    await sql<{ derniere: string | null }>`select max(date_inhumation) as derniere from cimetiere.defunt where emplacement = ${emplacement}`.execute(db)
  ).rows[0];
  return {
    dateActe: texteDate(acte?.date_acte) ?? undefined,
    derniereInhumation: texteDate(inhumation?.derniere) ?? undefined,
    concessionAutre: acte !== undefined && Number(acte.emplacement) !== emplacement,
  };
}
