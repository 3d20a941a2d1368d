/**
 * The backup archive's container (backup/tar.ts, over node-tar): archives written by the former
 * hand-written writer still read and restore (fixtures/sauvegarde/ancien-format.tar.gz, made by it),
 * a file that changes size while archived is refused, a damaged archive is ArchiveDamaged, and a
 * restore refuses entries that would land outside its folder.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { restoreBackup, RestoreRefused } from '../src/backup/index.ts';
import { ArchiveDamaged, FileChanged, readTarGz, TarGzWriter } from '../src/backup/tar.ts';
import { adminQuery, isServerReachable, SERVER_URL } from './support/databases.ts';

const FIXTURE = resolve(import.meta.dirname, 'fixtures', 'sauvegarde', 'ancien-format.tar.gz');
const LONG_PATH = 'fichiers/un-dossier-au-nom-particulierement-long-pour-depasser-cent-octets/et-un-fichier-au-nom-long-aussi-é.txt';
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function entriesOf(archive: string): Promise<{ path: string; type: string; content: Buffer }[]> {
  const entries = [];
  for await (const entry of readTarGz(archive)) {
    const chunks: Buffer[] = [];
    for await (const chunk of entry.body) chunks.push(chunk);
    entries.push({ path: entry.path, type: entry.type, content: Buffer.concat(chunks) });
  }
  return entries;
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

let folder: string;
before(async () => {
  folder = await mkdtemp(join(tmpdir(), 'commun-archive-'));
});
after(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('archive de sauvegarde', () => {
  it('lit une archive écrite par l’ancien code : chaque entrée a l’empreinte de son manifeste', async () => {
    const entries = await entriesOf(FIXTURE);
    assert.deepEqual(
      entries.map((entry) => [entry.path, entry.type]),
      [
        ['manifeste.json', 'file'],
        ['base-de-donnees', 'folder'],
        ['base-de-donnees/commun.dump', 'file'],
        ['fichiers/3f/3f2a/3f2a6c1e-8d4b-4b7a-9c51-2e0f7d9a1b42', 'file'],
        ['fichiers/a0/a07c/a07c55d2-1f3e-4c8a-b6d9-7e21c4f0e9a3', 'file'],
        ['fichiers/e1/e1b0/e1b04f9c-0000-4000-8000-000000000000', 'file'],
        [LONG_PATH, 'file'],
      ],
    );
    const manifest = JSON.parse((entries[0] as { content: Buffer }).content.toString('utf8')) as { empreintes: Record<string, string> };
    for (const entry of entries.filter((each) => each.type === 'file' && each.path !== 'manifeste.json')) {
      assert.equal(sha256(entry.content), manifest.empreintes[entry.path], entry.path);
    }
  });

  it('écrit une archive standard que tar relit, noms longs, fichiers vides et gros fichiers compris', async () => {
    const big = Buffer.alloc(300_000, 'abcdefghij');
    const source = join(folder, 'gros.bin');
    await writeFile(source, big);
    const archive = join(folder, 'nouvelle.tar.gz');
    const writer = new TarGzWriter(archive);
    await writer.addBuffer('manifeste.json', Buffer.from('{}\n'));
    await writer.addFolder('base-de-donnees/pgdata/pg_tblspc');
    await writer.addBuffer('fichiers/vide', Buffer.alloc(0));
    await writer.addFile(LONG_PATH, source, big.byteLength);
    await writer.finish();
    const entries = await entriesOf(archive);
    assert.deepEqual(
      entries.map((entry) => [entry.path, entry.type, entry.content.byteLength]),
      [
        ['manifeste.json', 'file', 3],
        ['base-de-donnees/pgdata/pg_tblspc', 'folder', 0],
        ['fichiers/vide', 'file', 0],
        [LONG_PATH, 'file', big.byteLength],
      ],
    );
    assert.equal(sha256((entries[3] as { content: Buffer }).content), sha256(big));
    const listed = execFileSync('tar', ['-tzf', archive], { encoding: 'utf8' }).trim().split('\n');
    assert.deepEqual(listed, ['manifeste.json', 'base-de-donnees/pgdata/pg_tblspc/', 'fichiers/vide', LONG_PATH]);
  });

  it('refuse un fichier qui a grandi ou rapetissé depuis qu’il a été listé', async () => {
    const source = join(folder, 'change.txt');
    await writeFile(source, 'douze octets');
    for (const [listed, name] of [[5, 'grandi'], [40, 'rapetisse']] as const) {
      const writer = new TarGzWriter(join(folder, `${name}.tar.gz`));
      await assert.rejects(writer.addFile(`fichiers/${name}`, source, listed), (error: unknown) => {
        assert.ok(error instanceof FileChanged);
        assert.equal(error.message, `Le fichier « fichiers/${name} » a changé pendant sa copie dans l’archive : recommencez la sauvegarde.`);
        return true;
      });
      await writer.abort();
    }
  });

  it('dit endommagée une archive dont le flux compressé est altéré', async () => {
    const damaged = Buffer.from(await readFile(FIXTURE));
    for (let index = 200; index < 260; index++) damaged[index] = (damaged[index] as number) ^ 0x5a;
    const archive = join(folder, 'alteree.tar.gz');
    await writeFile(archive, damaged);
    await assert.rejects(entriesOf(archive), (error: unknown) => error instanceof ArchiveDamaged && /illisible|tronquée/.test(error.message));
  });

  it('refuse à la restauration un chemin avec « .. » ou absolu, sans rien écrire', async () => {
    const content = Buffer.from('hors du dossier');
    for (const [name, path] of [['remonte', 'fichiers/../../evade.txt'], ['absolu', '/tmp/evade.txt']] as const) {
      const staged = join(folder, `${name}-source`);
      await mkdir(join(staged, 'fichiers'), { recursive: true });
      const manifest = {
        format: 1,
        versionCommun: '0.1.0',
        date: new Date().toISOString(),
        base: 'embarquee',
        applications: [],
        lignes: {},
        empreintes: { [path]: sha256(content) },
        fichiersAbsents: [],
        roles: [],
      };
      await writeFile(join(staged, 'manifeste.json'), JSON.stringify(manifest));
      await writeFile(join(staged, 'fichiers', 'evade.txt'), content);
      // The system's tar writes what ours would not: a member path kept as given (-P, --transform).
      const archive = join(folder, `${name}.tar.gz`);
      execFileSync('tar', ['-czPf', archive, '-C', staged, '--transform', `s|^fichiers/evade.txt$|${path}|`, 'manifeste.json', 'fichiers/evade.txt']);
      const target = join(folder, `${name}-cible`);
      const message = await refusal(restoreBackup({ archive, dataDir: target }));
      assert.equal(message, `L’archive contient « ${path} », que son manifeste ne décrit pas : elle a été modifiée.`);
      assert.deepEqual(await readdir(target), []);
    }
  });
});

const server = await isServerReachable();

describe('archive de l’ancien code [serveur]', { skip: server ? undefined : 'serveur PostgreSQL injoignable' }, () => {
  it('se restaure dans une base et un dossier vides', async () => {
    const name = `commun_t_ancienne_${process.pid}_${Date.now().toString(36)}`;
    await adminQuery(`create database ${name}`);
    const url = new URL(SERVER_URL);
    url.pathname = `/${name}`;
    try {
      const target = join(folder, 'ancienne');
      const restored = await restoreBackup({ archive: FIXTURE, dataDir: target, url: url.toString() });
      assert.deepEqual(restored.lignes, { 'registre.courrier': 2 });
      assert.equal(restored.fichiers, 4);
      assert.equal(await readFile(join(target, LONG_PATH), 'utf8'), 'chemin de plus de 100 octets : préfixe ustar\n');
      assert.deepEqual(await readdir(target), ['fichiers']);
    } finally {
      await adminQuery(`drop database if exists ${name} with (force)`);
    }
  });
});
