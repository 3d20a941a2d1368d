/**
 * What a restore refuses, before writing anything or by removing what it wrote: a folder or a
 * database that is not empty, a damaged archive (the damaged file is named), a newer format.
 */
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SYSTEM_ACTOR } from '../src/access/actor.ts';
import { backupInstance, restoreBackup, RestoreRefused, type BackupMade } from '../src/backup/index.ts';
import { storePath } from '../src/backup/staging.ts';
import { readTarGz, TarGzWriter } from '../src/backup/tar.ts';
import { FileStore } from '../src/files/store.ts';
import type { Runtime } from '../src/runtime.ts';
import { bootOnNewFolder } from './sauvegarde-outils.ts';
import { adminQuery, isServerReachable, SERVER_URL } from './support/databases.ts';

/** A copy of the archive where `change` may rewrite each entry's content (undefined: unchanged). */
async function rewrite(source: string, target: string, change: (path: string, content: Buffer) => Buffer | undefined): Promise<void> {
  const writer = new TarGzWriter(target);
  for await (const entry of readTarGz(source)) {
    if (entry.type === 'folder') {
      await writer.addFolder(entry.path);
      continue;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of entry.body) chunks.push(chunk);
    const content = Buffer.concat(chunks);
    await writer.addBuffer(entry.path, change(entry.path, content) ?? content);
  }
  await writer.finish();
}

async function refusal(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    assert.ok(error instanceof RestoreRefused, String(error));
    return error.message;
  }
  assert.fail('la restauration aurait dû être refusée');
}

describe('restauration refusée [embarquée]', () => {
  let folder: string;
  let runtime: Runtime;
  let made: BackupMade;
  let fileIds: string[];
  before(async () => {
    folder = await mkdtemp(join(tmpdir(), 'commun-sauvegarde-'));
    runtime = await bootOnNewFolder(join(folder, 'data'));
    const store = new FileStore(runtime.db.kysely, join(runtime.config.dataDir, 'fichiers'));
    fileIds = [];
    for (const name of ['arrete.txt', 'plan.txt']) {
      const file = await store.stage(SYSTEM_ACTOR, { name, type: 'text/plain', bytes: new TextEncoder().encode(`contenu de ${name}`) }, null);
      await store.commit(SYSTEM_ACTOR, file.id, null);
      fileIds.push(file.id);
    }
    made = await backupInstance(runtime);
  });
  after(async () => {
    await runtime?.db.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('refuse un dossier qui n’est pas vide, sans rien y toucher', async () => {
    const target = join(folder, 'occupe');
    await mkdir(target);
    await writeFile(join(target, 'note.txt'), 'à garder');
    const message = await refusal(restoreBackup({ archive: made.path, dataDir: target }));
    assert.equal(message, `Le dossier « ${target} » n’est pas vide : la restauration se fait dans un dossier vide, pour ne rien écraser.`);
    assert.deepEqual(await readdir(target), ['note.txt']);
  });

  it('nomme le fichier endommagé, et ne laisse rien dans le dossier', async () => {
    const damaged = `fichiers/${storePath(fileIds[1] as string)}`;
    const archive = join(folder, 'endommagee.tar.gz');
    await rewrite(made.path, archive, (path, content) => (path === damaged ? Buffer.from(content.toString('utf8').replace('plan', 'PLAN')) : undefined));
    const target = join(folder, 'vide');
    await mkdir(target);
    const message = await refusal(restoreBackup({ archive, dataDir: target }));
    assert.equal(message, `L’archive est endommagée (contenu différent de son empreinte : « ${damaged} »). Rien n’a été restauré : utilisez une autre sauvegarde.`);
    assert.deepEqual(await readdir(target), []);
  });

  it('refuse une archive tronquée, et un manifeste d’un format plus récent', async () => {
    const { readFile } = await import('node:fs/promises');
    const whole = await readFile(made.path);
    const cut = join(folder, 'tronquee.tar.gz');
    await writeFile(cut, whole.subarray(0, Math.floor(whole.length / 2)));
    const truncated = await refusal(restoreBackup({ archive: cut, dataDir: join(folder, 'cible-1') }));
    assert.match(truncated, /^L’archive est endommagée ou tronquée \(.+\) : rien n’a été restauré\.$/);
    assert.deepEqual(await readdir(join(folder, 'cible-1')), []);

    const newer = join(folder, 'future.tar.gz');
    await rewrite(made.path, newer, (path, content) => (path === 'manifeste.json' ? Buffer.from(content.toString().replace('"format": 1', '"format": 2')) : undefined));
    const message = await refusal(restoreBackup({ archive: newer, dataDir: join(folder, 'cible-2') }));
    assert.equal(message, 'Cette sauvegarde est au format 2, plus récent que celui que cette version de Commun sait lire (1) : restaurez-la avec une version plus récente.');
  });

  it('refuse de restaurer une sauvegarde embarquée dans un serveur', async () => {
    const message = await refusal(restoreBackup({ archive: made.path, dataDir: join(folder, 'cible-3'), url: 'postgres://x@127.0.0.1:1/y' }));
    assert.equal(message, 'Cette sauvegarde vient de la base embarquée : elle se restaure dans un dossier (--dossier), sans --base.');
  });
});

const server = await isServerReachable();

describe('restauration refusée [serveur]', { skip: server ? undefined : 'serveur PostgreSQL injoignable' }, () => {
  it('refuse une base qui n’est pas vide, sans rien y toucher', async () => {
    const { sql } = await import('kysely');
    const { ownerDb } = await import('../src/backup/server-snapshot.ts');
    const name = `commun_t_occupee_${process.pid}_${Date.now().toString(36)}`;
    await adminQuery(`create database ${name}`);
    const folder = await mkdtemp(join(tmpdir(), 'commun-sauvegarde-'));
    const url = new URL(SERVER_URL);
    url.pathname = `/${name}`;
    const db = ownerDb(url.toString());
    try {
      await sql`create table public.registre (id int)`.execute(db);
      // A server archive: only its manifest matters, the database is checked before anything is written.
      const archive = join(folder, 'serveur.tar.gz');
      const writer = new TarGzWriter(archive);
      const manifest = { format: 1, versionCommun: '0.1.0', date: new Date().toISOString(), base: 'serveur', applications: [], lignes: {}, empreintes: {}, fichiersAbsents: [], roles: [] };
      await writer.addBuffer('manifeste.json', Buffer.from(JSON.stringify(manifest)));
      await writer.finish();
      const message = await refusal(restoreBackup({ archive, dataDir: join(folder, 'cible'), url: url.toString() }));
      assert.equal(message, `La base « ${name} » n’est pas vide : la restauration se fait dans une base vide, pour ne rien écraser.`);
      const without = await refusal(restoreBackup({ archive, dataDir: join(folder, 'cible') }));
      assert.equal(without, 'Cette sauvegarde vient d’un serveur PostgreSQL : indiquez la base (vide) où la restaurer avec --base postgres://…');
      const tables = await sql<{ count: number }>`select count(*)::int as count from public.registre`.execute(db);
      assert.equal(tables.rows[0]?.count, 0);
    } finally {
      await db.destroy();
      await adminQuery(`drop database if exists ${name} with (force)`);
      await rm(folder, { recursive: true, force: true });
    }
  });
});
