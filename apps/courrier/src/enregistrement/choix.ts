/**
 * The choices of the courrier form that are not a reference field: the texts of the « bible » valid
 * today, the civilités and types of a new correspondent. Read as the user (collectivité, row-level
 * security). The frequent correspondents are the reference field's `choiceFilters`.
 */
import { sql } from 'kysely';
import { readAs } from '../../../../framework/src/db/tenant-context.ts';
import type { Choice, ChoicesContext } from '../../../../framework/src/model/override.ts';
import { LIBELLES_REGISTRE, type Registre } from '../core/registres.ts';

export async function textesDeLaBible({ db, actor }: ChoicesContext): Promise<readonly Choice[]> {
  return readAs(db, actor, async (connection) => {
    const { rows } = await sql<{ bible: number; libelle: string; registre: Registre | null }>`
      select bible, libelle, registre from courrier.bible
       where (om_validite_debut is null or om_validite_debut <= current_date) and (om_validite_fin is null or om_validite_fin > current_date)
       order by libelle collate "und-x-icu", bible`.execute(connection);
    return rows.map((row) => ({ value: String(row.bible), label: row.registre ? `${row.libelle} (${LIBELLES_REGISTRE[row.registre].toLowerCase()})` : row.libelle }));
  });
}

async function reference(context: ChoicesContext, table: 'civilite' | 'correspondant_type'): Promise<readonly Choice[]> {
  return readAs(context.db, context.actor, async (connection) => {
    const { rows } = await sql<{ id: number; libelle: string }>`
      select ${sql.ref(table)} as id, libelle from ${sql.table(`courrier.${table}`)}
       where (om_validite_debut is null or om_validite_debut <= current_date) and (om_validite_fin is null or om_validite_fin > current_date)
       order by libelle collate "und-x-icu"`.execute(connection);
    return rows.map((row) => ({ value: String(row.id), label: row.libelle }));
  });
}

export const civilites = (context: ChoicesContext) => reference(context, 'civilite');
export const typesDeCorrespondant = (context: ChoicesContext) => reference(context, 'correspondant_type');
