import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { t } from '../i18n/index.ts';
import type { Db } from './connection.ts';

/** A folder of plain SQL migrations for one PostgreSQL schema (the framework's or an application's). */
export interface MigrationSource {
  /** Name recorded with each migration: `om` for the framework, the application's name otherwise. */
  scope: string;
  /** The PostgreSQL schema the migrations create; it is secured (grants, RLS) after each run. */
  schema: string;
  directory: string;
}

export interface MigrationFile {
  scope: string;
  name: string;
  checksum: string;
  text: string;
}

export class MigrationChangedError extends Error {}

const checksumOf = (text: string) => createHash('sha256').update(text).digest('hex');

export function readMigrations(source: MigrationSource): MigrationFile[] {
  return readdirSync(source.directory)
    .filter((name) => name.endsWith('.sql'))
    .sort()
    .map((name) => {
      const text = readFileSync(join(source.directory, name), 'utf8');
      return { scope: source.scope, name, checksum: checksumOf(text), text };
    });
}

async function ensureLedger(db: Db): Promise<void> {
  await sql`create schema if not exists om`.execute(db);
  await sql`create table if not exists om.om_migration (
      scope varchar(63) not null,
      name varchar(255) not null,
      checksum varchar(64) not null,
      applied_at timestamptz not null default now(),
      primary key (scope, name))`.execute(db);
}

async function appliedChecksums(db: Db, scope: string): Promise<Map<string, string>> {
  const result = await sql<{ name: string; checksum: string }>`
    select name, checksum from om.om_migration where scope = ${scope}`.execute(db);
  return new Map(result.rows.map((row) => [row.name, row.checksum]));
}

/**
 * Applies the pending migrations of each source in order, each inside its own transaction, and
 * refuses to go on when an applied migration was changed or removed. Returns the names applied.
 */
export async function migrate(db: Db, sources: MigrationSource[]): Promise<string[]> {
  await ensureLedger(db);
  const applied: string[] = [];
  for (const source of sources) {
    const files = readMigrations(source);
    const known = await appliedChecksums(db, source.scope);
    for (const [name, checksum] of known) {
      const file = files.find((candidate) => candidate.name === name);
      if (!file) {
        throw new MigrationChangedError(t('system.migrationFileMissing', { migration: `${source.scope}/${name}` }));
      }
      if (file.checksum !== checksum) {
        throw new MigrationChangedError(t('system.migrationChanged', { migration: `${source.scope}/${name}` }));
      }
    }
    for (const file of files) {
      if (known.has(file.name)) continue;
      await db.transaction().execute(async (trx) => {
        // Two processes starting at once: the second waits, then sees the migration applied.
        await sql`select pg_advisory_xact_lock(7413201)`.execute(trx);
        const again = await sql`select 1 from om.om_migration where scope = ${file.scope} and name = ${file.name}`.execute(trx);
        if (again.rows.length > 0) return;
        await sql.raw(file.text).execute(trx);
        await sql`insert into om.om_migration (scope, name, checksum) values (${file.scope}, ${file.name}, ${file.checksum})`.execute(trx);
        applied.push(`${file.scope}/${file.name}`);
      });
    }
    await secureSchema(db, source.schema);
  }
  return applied;
}

/** Grants the application role its rights and puts tenant-scoped tables under RLS. */
export async function secureSchema(db: Db, schema: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`select om.secure_schema(${schema})`.execute(trx);
    // The read-only role of data sources (migration 0010), once it exists.
    const lecture = await sql<{ present: boolean }>`select to_regprocedure('om.secure_lecture(name)') is not null as present`.execute(trx);
    if (lecture.rows[0]?.present) await sql`select om.secure_lecture(${schema})`.execute(trx);
    if (schema === 'om') {
      // The ledger and the audit trail are not the application's to rewrite.
      await sql`revoke all on om.om_migration from commun_app`.execute(trx);
      await sql`revoke all on om.om_referentiel from commun_app`.execute(trx);
      await sql`revoke update, delete on om.om_audit from commun_app`.execute(trx);
    }
  });
}
