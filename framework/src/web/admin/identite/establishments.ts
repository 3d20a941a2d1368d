/**
 * `om.om_etablissement`: the SIRETs mapped to a collectivité. Read and written as the administrator,
 * so that row-level security keeps one of a niveau-1 collectivité to their own SIRETs.
 */
import { sql } from 'kysely';
import type { Actor } from '../../../access/actor.ts';
import type { Db } from '../../../db/connection.ts';
import { readAs, writeAs } from '../../../db/tenant-context.ts';
import { writeSettingAudit } from '../../../records/setting-audit.ts';

const AUDIT_OBJECT = 'om_etablissement';

export interface Establishment {
  readonly siret: string;
  readonly libelle: string | undefined;
  readonly collectivite: number;
  readonly collectiviteLibelle: string;
}

export async function listEstablishments(db: Db, actor: Actor): Promise<Establishment[]> {
  return readAs(db, actor, async (connection) => {
    const result = await sql<{ siret: string; libelle: string | null; om_collectivite: number; collectivite: string }>`
      select e.siret, e.libelle, e.om_collectivite, c.libelle as collectivite
        from om.om_etablissement e join om.om_collectivite c using (om_collectivite)
       where ${actor.niveau === '2'} or e.om_collectivite = ${actor.collectivite}
       order by c.libelle collate "und-x-icu", e.siret`.execute(connection);
    return result.rows.map((row) => ({
      siret: row.siret,
      libelle: row.libelle ?? undefined,
      collectivite: Number(row.om_collectivite),
      collectiviteLibelle: row.collectivite,
    }));
  });
}

/** Maps a SIRET; false when it is already mapped (to any collectivité). */
export async function addEstablishment(db: Db, actor: Actor, siret: string, collectivite: number, libelle: string | undefined, requestId?: string): Promise<boolean> {
  return writeAs(db, actor, async (trx) => {
    // The primary key is checked across collectivités, whatever row-level security lets this actor see.
    const result = await sql`insert into om.om_etablissement (siret, om_collectivite, libelle) values (${siret}, ${collectivite}, ${libelle ?? null})
      on conflict (siret) do nothing`.execute(trx);
    if (Number(result.numAffectedRows ?? 0) === 0) return false;
    const after = { siret, om_collectivite: collectivite, libelle: libelle ?? null };
    await writeSettingAudit(trx, { actor, objet: AUDIT_OBJECT, cle: siret, action: 'create', before: undefined, after, collectivite, requestId });
    return true;
  });
}

/** Removes a mapping this actor may see; false when there is none. */
export async function removeEstablishment(db: Db, actor: Actor, siret: string, requestId?: string): Promise<boolean> {
  return writeAs(db, actor, async (trx) => {
    const result = await sql<{ siret: string; om_collectivite: number; libelle: string | null }>`
      delete from om.om_etablissement where siret = ${siret}
         and (${actor.niveau === '2'} or om_collectivite = ${actor.collectivite})
      returning siret, om_collectivite, libelle`.execute(trx);
    const before = result.rows[0];
    if (!before) return false;
    const collectivite = Number(before.om_collectivite);
    await writeSettingAudit(trx, {
      actor, objet: AUDIT_OBJECT, cle: siret, action: 'delete', before: { ...before, om_collectivite: collectivite }, after: undefined, collectivite, requestId,
    });
    return true;
  });
}
