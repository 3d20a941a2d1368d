import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { sql } from 'kysely';
import { describeEachDatabase } from './support/databases.ts';
import { frameworkMigrations, migrate, MigrationChangedError, openDatabase } from '../src/db/index.ts';

describeEachDatabase('migrations', (database) => {
  test('the framework tables exist with their initial data', async () => {
    const rows = await database().ownerQuery<{ libelle: string; hierarchie: number }>(
      'select libelle, hierarchie from om.om_profil order by hierarchie desc',
    );
    assert.deepEqual(
      rows.map((row) => [row.libelle, row.hierarchie]),
      [['ADMINISTRATEUR', 5], ['SUPER UTILISATEUR', 4], ['UTILISATEUR', 3], ['UTILISATEUR LIMITÉ', 2], ['CONSULTATION', 1]],
    );
    const collectivites = await database().ownerQuery<{ libelle: string; niveau: string }>(
      'select libelle, niveau from om.om_collectivite order by om_collectivite',
    );
    assert.deepEqual(collectivites, [{ libelle: 'Libreville', niveau: '1' }, { libelle: 'Syndicat intercommunal', niveau: '2' }]);
  });

  test('the application role is neither owner nor superuser', async () => {
    const result = await sql<{ usr: string; superuser: boolean; owns: number }>`
      select current_user as usr,
             (select rolsuper from pg_roles where rolname = current_user) as superuser,
             (select count(*) from pg_tables where schemaname = 'om' and tableowner = current_user)::int as owns`.execute(database().db.kysely);
    assert.deepEqual(result.rows[0], { usr: 'commun_app', superuser: false, owns: 0 });
  });

  test('om.fold folds accents and case', async () => {
    const result = await sql<{ folded: string }>`select om.fold(${'Éléonore ÇA Œuvre'}) as folded`.execute(database().db.kysely);
    assert.equal(result.rows[0]?.folded, 'eleonore ca oeuvre');
  });
});

test('start-up refuses a migration changed after it was applied', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'commun-mig-'));
  const migrations = join(dir, 'migrations');
  mkdirSync(migrations);
  writeFileSync(join(migrations, '0001_a.sql'), 'create schema demo; create table demo.t (id int primary key);');
  const source = { scope: 'demo', schema: 'demo', directory: migrations };
  const owner = await openDatabase({ dataDir: 'memory://' });
  try {
    const first = await migrate(owner.kysely, [frameworkMigrations, source]);
    assert.ok(first.includes('demo/0001_a.sql'));
    assert.deepEqual(await migrate(owner.kysely, [frameworkMigrations, source]), []);
    writeFileSync(join(migrations, '0001_a.sql'), 'create schema demo; create table demo.t (id bigint primary key);');
    await assert.rejects(migrate(owner.kysely, [frameworkMigrations, source]), MigrationChangedError);
  } finally {
    await owner.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a failing migration leaves nothing behind', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'commun-mig-'));
  writeFileSync(join(dir, '0001_bad.sql'), 'create schema bad; create table bad.t (id int primary key); select 1/0;');
  const owner = await openDatabase({ dataDir: 'memory://' });
  try {
    await assert.rejects(migrate(owner.kysely, [frameworkMigrations, { scope: 'bad', schema: 'bad', directory: dir }]));
    const result = await sql`select 1 from pg_namespace where nspname = 'bad'`.execute(owner.kysely);
    assert.equal(result.rows.length, 0);
  } finally {
    await owner.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
