/**
 * The server database's snapshot: one repeatable-read transaction exports its snapshot
 * (`pg_export_snapshot`), counts the rows and lists the referenced files in it, links those files,
 * then `pg_dump --snapshot` dumps that very state while the transaction stays open. A file written
 * after the snapshot is not in it, and its row is not in the dump either.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { serverTypes, type Db, type Schema } from '../db/connection.ts';
import { appliedMigrations, countRows, referencedFiles } from './counts.ts';
import { roleNames } from './embedded.ts';
import { findTool, runTool } from './pg-tools.ts';
import type { Snapshot } from './snapshot.ts';
import { stageStoredFiles } from './staging.ts';

/** A one-connection Kysely on the server, as the URL's user (the owner of the tables: no row hidden). */
export function ownerDb(url: string): Db {
  const pool = new pg.Pool({ connectionString: url, max: 1, types: serverTypes() });
  pool.on('error', () => undefined);
  return new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
}

export async function snapshotServer(url: string, dataDir: string, staging: string): Promise<Snapshot> {
  const pgDump = findTool('pg_dump');
  const db = ownerDb(url);
  try {
    return await db
      .transaction()
      .setIsolationLevel('repeatable read')
      .setAccessMode('read only')
      .execute(async (trx) => {
        const exported = await sql<{ snapshot: string }>`select pg_export_snapshot() as snapshot`.execute(trx);
        const snapshot = exported.rows[0]?.snapshot as string;
        const lignes = await countRows(trx);
        const applications = await appliedMigrations(trx);
        const roles = await roleNames(trx);
        const missing = await stageStoredFiles(dataDir, staging, await referencedFiles(trx));
        const dump = join(staging, 'base-de-donnees', 'commun.dump');
        await mkdir(join(staging, 'base-de-donnees'), { recursive: true });
        await runTool(pgDump, ['--format=custom', `--snapshot=${snapshot}`, `--file=${dump}`, '--no-password', `--dbname=${url}`]);
        return { lignes, applications, roles, missing };
      });
  } finally {
    await db.destroy();
  }
}
