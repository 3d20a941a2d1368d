/** The collectivités and profiles an administrator may choose from (RLS limits a niveau-1 one to their own). */
import { sql } from 'kysely';
import type { Actor } from '../../../access/actor.ts';
import type { Db } from '../../../db/connection.ts';
import { readAs } from '../../../db/tenant-context.ts';

export interface Choice {
  readonly id: number;
  readonly libelle: string;
}

export async function collectivitesFor(db: Db, actor: Actor): Promise<Choice[]> {
  return readAs(db, actor, async (connection) => {
    const result = await sql<{ om_collectivite: number; libelle: string }>`
      select om_collectivite, libelle from om.om_collectivite
       where ${actor.niveau === '2'} or om_collectivite = ${actor.collectivite}
       order by libelle collate "und-x-icu", om_collectivite`.execute(connection);
    return result.rows.map((row) => ({ id: Number(row.om_collectivite), libelle: row.libelle }));
  });
}

export async function profiles(db: Db): Promise<Choice[]> {
  const result = await sql<{ om_profil: number; libelle: string }>`
    select om_profil, libelle from om.om_profil order by hierarchie, libelle collate "und-x-icu"`.execute(db);
  return result.rows.map((row) => ({ id: Number(row.om_profil), libelle: row.libelle }));
}
