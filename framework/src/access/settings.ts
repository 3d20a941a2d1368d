import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';
import { readAs } from '../db/tenant-context.ts';
import { SYSTEM_ACTOR } from './actor.ts';

/**
 * The settings (om_parametre) that apply to a collectivité: its own values, and for every name it
 * does not define, the value of the niveau-2 collectivité (as openMairie documents but never did).
 */
export async function settingsOf(db: Db, collectivite: number): Promise<Map<string, string>> {
  // The niveau-2 rows are outside a niveau-1 user's scope: this read is the framework's own.
  const rows = await readAs(db, SYSTEM_ACTOR, async (connection) =>
    (
      await sql<{ libelle: string; valeur: string; own: boolean }>`
        select p.libelle, p.valeur, p.om_collectivite = ${collectivite} as own
          from om.om_parametre p
          join om.om_collectivite c on c.om_collectivite = p.om_collectivite
         where p.om_collectivite = ${collectivite} or c.niveau = '2'`.execute(connection)
    ).rows,
  );
  const settings = new Map<string, string>();
  for (const row of rows) if (!row.own) settings.set(row.libelle, row.valeur);
  for (const row of rows) if (row.own) settings.set(row.libelle, row.valeur);
  return settings;
}

export async function setting(db: Db, collectivite: number, name: string): Promise<string | undefined> {
  return (await settingsOf(db, collectivite)).get(name);
}
