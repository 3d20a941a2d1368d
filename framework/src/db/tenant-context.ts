import { sql, type Transaction } from 'kysely';
import { isSystem, type Actor } from '../access/actor.ts';
import type { Db, Schema } from './connection.ts';
import { SESSION_SETTINGS_MARK } from './session-settings.ts';

/**
 * Every unit of work tells PostgreSQL who is acting, so that row-level security applies the same
 * collectivité rule as the record service. A connection always gets both settings on checkout, so
 * nothing leaks from one request to the next.
 */
/**
 * `commun.utilisateur` for the framework's own work: not a valid login (logins have no `*`), so that
 * no account can pass for the framework in an application's row-level security (`om.par_le_systeme()`).
 */
export const SYSTEM_USER_SETTING = '*système*';

/** The settings of one unit of work: the collectivité, « toutes » for niveau 2, and who acts. */
export function tenantSettings(actor: Actor) {
  const all = actor.niveau === '2' ? 'on' : 'off';
  return { collectivite: String(actor.workingCollectivite || ''), all, user: isSystem(actor) ? SYSTEM_USER_SETTING : actor.login };
}


/** Runs read-only work on one connection, scoped to the actor's collectivité. */
export async function readAs<T>(db: Db, actor: Actor, work: (connection: Db) => Promise<T>): Promise<T> {
  const { collectivite, all, user } = tenantSettings(actor);
  return db.connection().execute(async (connection) => {
    // Marked: a server connection that already has these settings is not asked again (session-settings.ts).
    await sql`${sql.raw(SESSION_SETTINGS_MARK)} select set_config('commun.collectivite', ${collectivite}, false), set_config('commun.toutes', ${all}, false), set_config('commun.utilisateur', ${user}, false)`.execute(connection);
    return work(connection);
  });
}

/** Runs work in one transaction, scoped to the actor's collectivité; any error rolls it all back. */
export async function writeAs<T>(db: Db, actor: Actor, work: (trx: Transaction<Schema>) => Promise<T>): Promise<T> {
  const { collectivite, all, user } = tenantSettings(actor);
  return db.transaction().execute(async (trx) => {
    await sql`select set_config('commun.collectivite', ${collectivite}, true), set_config('commun.toutes', ${all}, true), set_config('commun.utilisateur', ${user}, true)`.execute(trx);
    return work(trx);
  });
}

/**
 * Runs read-only work in one read-only transaction with the row-level security of one collectivité
 * (never « toutes »): what a public page shows of the data an application decides to publish.
 */
export async function readAsCollectivite<T>(db: Db, collectivite: number, work: (connection: Db) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    // First statement of the transaction: nothing the work runs can write.
    await sql`set transaction read only`.execute(trx);
    await sql`select set_config('commun.collectivite', ${String(collectivite)}, true), set_config('commun.toutes', 'off', true), set_config('commun.utilisateur', '', true)`.execute(trx);
    return work(trx);
  });
}
