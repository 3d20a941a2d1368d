/**
 * The embedded database's snapshot. PGlite has one session, lent to one statement or one
 * transaction at a time (db/pglite-dialect.ts): inside a transaction of that very session nothing
 * else runs, so what is read and copied there is one consistent state. Inside it, as PostgreSQL's
 * own superuser (`set local role none`, undone at the transaction's end): the rows are counted
 * (row-level security does not hide any), the referenced files listed and linked, a CHECKPOINT
 * writes every page, and the database's own files are copied (not the whole data folder: the
 * stored files, jobs and backups live beside them). Requests wait for that copy only.
 *
 * Not `PGlite.dumpDataDir`: it builds the whole image in memory, and of the whole data folder.
 */
import { cp, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';
import { appliedMigrations, countRows, referencedFiles } from './counts.ts';
import type { Snapshot } from './snapshot.ts';
import { stageStoredFiles } from './staging.ts';

/** The entries of a PostgreSQL data folder; everything else in `<data dir>` is Commun's. */
export const isDatabaseEntry = (name: string) =>
  name === 'PG_VERSION' || name === 'base' || name === 'global' || /^pg_[a-z_]+(\.conf)?$/.test(name) || /^postgresql(\.auto)?\.conf$/.test(name) || name === 'postmaster.opts';

async function copyDatabaseFolder(dataDir: string, target: string): Promise<void> {
  for (const name of (await readdir(dataDir)).filter(isDatabaseEntry)) {
    await cp(join(dataDir, name), join(target, name), { recursive: true, force: false, errorOnExist: true });
  }
}

export async function roleNames(db: Db): Promise<string[]> {
  const rows = await sql<{ rolname: string }>`select rolname from pg_roles where rolname in ('commun_app', 'commun_lecture') order by 1`.execute(db);
  return rows.rows.map((row) => row.rolname);
}

/** `db`: the running instance's connection (any role), or one the command opened itself. */
export async function snapshotEmbedded(db: Db, dataDir: string, staging: string): Promise<Snapshot> {
  return db.transaction().execute(async (trx) => {
    await sql`set local role none`.execute(trx);
    const lignes = await countRows(trx);
    const applications = await appliedMigrations(trx);
    const roles = await roleNames(trx);
    const missing = await stageStoredFiles(dataDir, staging, await referencedFiles(trx));
    await sql`checkpoint`.execute(trx);
    await copyDatabaseFolder(dataDir, join(staging, 'base-de-donnees', 'pgdata'));
    return { lignes, applications, roles, missing };
  });
}
