/**
 * Backup while requests are served, then restore into an empty folder (and database), on both
 * databases: every row count equals the manifest's, every `om_fichier` row has its file with the
 * manifest's SHA-256, and the files written after the snapshot are left out.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { SYSTEM_ACTOR } from '../src/access/actor.ts';
import { backupInstance, restoreBackup, totalRows, type BackupMade, type BackupRuntime } from '../src/backup/index.ts';
import { storePath } from '../src/backup/staging.ts';
import { openDatabase, type Db } from '../src/db/connection.ts';
import { FileStore } from '../src/files/store.ts';
import type { Runtime } from '../src/runtime.ts';
import { ownerDb } from '../src/backup/server-snapshot.ts';
import { adminQuery, createTestDatabase, isServerReachable, SERVER_URL, type TestDatabase } from './support/databases.ts';
import { createLogger } from '../src/logger.ts';
import { bootOnNewFolder } from './sauvegarde-outils.ts';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Writes files (rows and contents) one after the other until stopped; returns how many. */
function keepWriting(store: FileStore) {
  let stop = false;
  let written = 0;
  const done = (async () => {
    while (!stop) {
      const bytes = new TextEncoder().encode(`pièce ${written} ${Math.random()}`.repeat(50));
      const file = await store.stage(SYSTEM_ACTOR, { name: `piece-${written}.txt`, type: 'text/plain', bytes }, null);
      await store.commit(SYSTEM_ACTOR, file.id, null);
      written += 1;
      await new Promise((resolve) => setImmediate(resolve));
    }
  })();
  return { stop: async () => ((stop = true), await done, written), get written() { return written; } };
}

/** Every stored file of the restored instance: its content's hash equals its row's and the manifest's. */
async function checkFiles(db: Db, dataDir: string, made: BackupMade): Promise<number> {
  const rows = (await sql<{ om_fichier: string; sha256: string }>`select om_fichier::text, sha256 from om.om_fichier`.execute(db)).rows;
  for (const row of rows) {
    const path = join(dataDir, 'fichiers', storePath(row.om_fichier));
    assert.ok(existsSync(path), `fichier ${row.om_fichier} restauré`);
    const hash = sha256(readFileSync(path));
    assert.equal(hash, row.sha256);
    assert.equal(made.manifest.empreintes[`fichiers/${storePath(row.om_fichier)}`], hash);
  }
  return rows.length;
}

async function roundTrip(runtime: BackupRuntime, store: FileStore, liveCount: () => Promise<number>) {
  for (let index = 0; index < 5; index++) {
    const file = await store.stage(SYSTEM_ACTOR, { name: `avant-${index}.txt`, type: 'text/plain', bytes: new TextEncoder().encode(`avant ${index}`) }, null);
    await store.commit(SYSTEM_ACTOR, file.id, null);
  }
  const writer = keepWriting(store);
  await new Promise((resolve) => setTimeout(resolve, 200));
  const before = writer.written;
  const made = await backupInstance(runtime);
  const during = writer.written - before;
  await new Promise((resolve) => setTimeout(resolve, 100));
  await writer.stop();
  assert.ok(during > 0, 'des fichiers ont été écrits pendant la sauvegarde');
  const saved = made.manifest.lignes['om.om_fichier'] as number;
  assert.ok(saved >= 5 + before);
  assert.ok((await liveCount()) > saved, 'les fichiers écrits après l’instantané ne sont pas dans la sauvegarde');
  assert.equal(Object.keys(made.manifest.empreintes).filter((path) => path.startsWith('fichiers/')).length, saved);
  assert.deepEqual(made.manifest.fichiersAbsents, []);
  assert.ok(made.manifest.lignes['om.om_utilisateur'] === 1);
  return made;
}

describe('sauvegarde et restauration [embarquée], pendant que le serveur écrit', () => {
  let folder: string;
  let runtime: Runtime;
  before(async () => {
    folder = await mkdtemp(join(tmpdir(), 'commun-sauvegarde-'));
    runtime = await bootOnNewFolder(join(folder, 'data'));
  });
  after(async () => {
    await runtime?.db.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('restaure dans un dossier vide les mêmes lignes et les mêmes fichiers que le manifeste', async () => {
    const store = new FileStore(runtime.db.kysely, join(runtime.config.dataDir, 'fichiers'));
    const live = async () => {
      const owner = await sql<{ count: number }>`select count(*)::int as count from om.om_fichier`.execute(runtime.db.kysely);
      return Number(owner.rows[0]?.count);
    };
    const made = await roundTrip(runtime, store, live);
    assert.equal(made.manifest.base, 'embarquee');
    assert.match(made.name, /^commun-\d{8}-\d{6}\.tar\.gz$/);
    const target = join(folder, 'restauree');
    const restored = await restoreBackup({ archive: made.path, dataDir: target });
    assert.deepEqual(restored.lignes, made.manifest.lignes);
    assert.equal(restored.fichiers, made.manifest.lignes['om.om_fichier']);
    const reopened = await openDatabase({ dataDir: target });
    try {
      assert.equal(await checkFiles(reopened.kysely, target, made), made.manifest.lignes['om.om_fichier']);
      assert.ok(totalRows(made.manifest) > 0);
    } finally {
      await reopened.close();
    }
    // Only the database's own files and the stored files: no lock, no jobs, no backups.
    assert.equal(existsSync(join(target, 'sauvegardes')), false);
    assert.equal(existsSync(join(target, 'commun.lock')), false);
  });
});

const server = await isServerReachable();

describe('sauvegarde et restauration [serveur], pendant que le serveur écrit', { skip: server ? undefined : 'serveur PostgreSQL injoignable' }, () => {
  let folder: string;
  let database: TestDatabase;
  let target: string;
  before(async () => {
    folder = await mkdtemp(join(tmpdir(), 'commun-sauvegarde-'));
    database = await createTestDatabase('postgres');
    target = `commun_t_restauree_${process.pid}_${Date.now().toString(36)}`;
    await adminQuery(`create database ${target}`);
    await database.asOwner(`insert into om.om_utilisateur (nom, email, login, pwd, om_collectivite, om_profil) values ('A', 'a@example.org', 'admin', 'x', 2, 1)`);
  });
  after(async () => {
    await database?.close();
    await adminQuery(`drop database if exists ${target} with (force)`);
    await rm(folder, { recursive: true, force: true });
  });

  it('restaure dans une base et un dossier vides les mêmes lignes et les mêmes fichiers que le manifeste', async () => {
    const dataDir = join(folder, 'data');
    const runtime: BackupRuntime = { db: database.db, config: { dataDir, databaseUrl: database.url }, logger: createLogger('silent') };
    const store = new FileStore(database.db.kysely, join(dataDir, 'fichiers'));
    const live = async () => Number((await database.ownerQuery<{ count: number }>('select count(*)::int as count from om.om_fichier'))[0]?.count);
    const made = await roundTrip(runtime, store, live);
    assert.equal(made.manifest.base, 'serveur');
    const url = new URL(SERVER_URL);
    url.pathname = `/${target}`;
    const restoredDir = join(folder, 'restauree');
    const restored = await restoreBackup({ archive: made.path, dataDir: restoredDir, url: url.toString() });
    assert.deepEqual(restored.lignes, made.manifest.lignes);
    const db = ownerDb(url.toString());
    try {
      assert.equal(await checkFiles(db, restoredDir, made), made.manifest.lignes['om.om_fichier']);
      // The application role still has its rights on the restored tables.
      const granted = await sql<{ ok: boolean }>`select has_table_privilege('commun_app', 'om.om_fichier', 'insert') as ok`.execute(db);
      assert.equal(granted.rows[0]?.ok, true);
    } finally {
      await db.destroy();
    }
    assert.deepEqual(await import('node:fs/promises').then(({ readdir }) => readdir(restoredDir)), ['fichiers']);
  });
});
