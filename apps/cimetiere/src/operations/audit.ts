/**
 * The audit entries of rows an operation's treatment writes directly (défunts created, reduced,
 * moved, exhumed; verrous): the same `om.om_audit` rows the records service writes, so the
 * history of a défunt shows who validated what.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Actor } from '../../../../framework/src/access/actor.ts';
import type { Db, Row } from '../../../../framework/src/db/connection.ts';

const json = (row: Row | undefined): string | null => (row ? JSON.stringify(row) : null);

export async function auditer(trx: Db, actor: Actor, objet: string, cle: unknown, action: string, avant: Row | undefined, apres: Row | undefined): Promise<void> {
  const collectivite = Number((apres ?? avant)?.om_collectivite ?? actor.workingCollectivite) || null;
  await sql`insert into om.om_audit (om_utilisateur, login, om_collectivite, application, objet, cle, action, avant, apres, requete)
    values (${actor.userId || null}, ${actor.login}, ${collectivite}, 'cimetiere', ${objet}, ${String(cle)}, ${action},
            ${json(avant)}::jsonb, ${json(apres)}::jsonb, null)`.execute(trx);
}

/** Updates the défunt by `changes` (a SQL `set` list) and audits the change. */
export async function modifierDefunt(trx: Db, actor: Actor, defunt: number, changes: RawBuilder<unknown>): Promise<Row | undefined> {
  const avant = (await sql<Row>`select * from cimetiere.defunt where defunt = ${defunt}`.execute(trx)).rows[0];
  const apres = (await sql<Row>`update cimetiere.defunt set ${changes} where defunt = ${defunt} returning *`.execute(trx)).rows[0];
  await auditer(trx, actor, 'defunt', defunt, 'update', avant, apres);
  return apres;
}

/** `historique` with one more line (the SQL expression of a `set`). */
export const historiqueAvec = (ligne: string): RawBuilder<unknown> => sql`historique = concat_ws(E'\n', nullif(historique, ''), ${ligne}::text)`;
