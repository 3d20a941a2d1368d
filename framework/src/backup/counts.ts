/** Rows per table of every schema of the database (not PostgreSQL's, not an extension's own tables). */
import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';

/** The tables, `schema.table`, in name order. Extension tables (PostGIS's spatial_ref_sys) are left out. */
export async function listTables(db: Db): Promise<string[]> {
  const rows = await sql<{ name: string }>`
    select n.nspname || '.' || c.relname as name
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where c.relkind in ('r', 'p')
       and not c.relispartition
       and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\_%'
       and not exists (select from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype = 'e')
     order by 1`.execute(db);
  return rows.rows.map((row) => row.name);
}

/** Counts every table's rows on `db` (the caller gives a connection that sees every row: the owner, in the snapshot). */
export async function countRows(db: Db): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const name of await listTables(db)) {
    const [schema, table] = name.split('.') as [string, string];
    const result = await sql<{ count: number | string }>`select count(*) as count from ${sql.id(schema, table)}`.execute(db);
    counts[name] = Number(result.rows[0]?.count ?? 0);
  }
  return counts;
}

/** The applied migrations by scope (`om`, then each application), from the ledger. */
export async function appliedMigrations(db: Db): Promise<{ nom: string; migrations: string[] }[]> {
  const rows = await sql<{ scope: string; name: string }>`select scope, name from om.om_migration order by scope, name`.execute(db);
  const byScope = new Map<string, string[]>();
  for (const row of rows.rows) byScope.set(row.scope, [...(byScope.get(row.scope) ?? []), row.name]);
  return [...byScope].map(([nom, migrations]) => ({ nom, migrations }));
}

/** The stored files the snapshot references (temporary ones too: they are rows). */
export async function referencedFiles(db: Db): Promise<string[]> {
  const rows = await sql<{ om_fichier: string }>`select om_fichier::text as om_fichier from om.om_fichier order by 1`.execute(db);
  return rows.rows.map((row) => row.om_fichier);
}
