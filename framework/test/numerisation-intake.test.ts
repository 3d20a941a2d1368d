/**
 * The scan intake (files/intake): a user's waiting scans added, listed, removed and claimed; nobody
 * else sees, claims or removes them (the code's own condition and the table's row-level security);
 * a claim rolled back leaves the scan waiting; the watched folder takes in a scanner's files, leaves
 * one being written for the next pass, refuses a wrong type into `refuses/`, ignores unknown users.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { sql } from 'kysely';
import type { Actor } from '../src/access/actor.ts';
import { writeAs, readAs } from '../src/db/tenant-context.ts';
import { fileStoreOf } from '../src/files/store.ts';
import {
  addWaitingFile,
  claimWaitingFile,
  IntakeError,
  listWaitingFiles,
  nextWaitingFile,
  removeWaitingFile,
  scanFolderOf,
  sweepScanFolders,
  type WaitingFile,
} from '../src/files/intake/index.ts';
import { createLogger } from '../src/logger.ts';
import { actorsFor } from './support/app-runtime.ts';
import { describeEachDatabase } from './support/databases.ts';
import { createTestRuntime, type TestRuntime } from './support/runtime.ts';

const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n');
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
const pdf = (name: string) => ({ name, type: 'application/pdf', bytes: PDF });

/** A file written `ageMs` ago (a scanner's finished file is older than the 5 s settling delay). */
function writeAged(path: string, bytes: Uint8Array, ageMs = 60_000): void {
  writeFileSync(path, bytes);
  const when = new Date(Date.now() - ageMs);
  utimesSync(path, when, when);
}

describeEachDatabase('scan intake', (database) => {
  let runtime: TestRuntime;
  let actors: Record<string, Actor>;
  let dataDir: string;
  const agent = () => actors.agent as Actor;
  const other = () => actors.collegue as Actor;
  const names = (files: readonly WaitingFile[]) => files.map((file) => file.name);
  const waitingRows = () => database().ownerQuery<{ nom: string; login: string; source: string }>(
    `select a.nom, u.login, a.source from om.om_fichier_attente a join om.om_utilisateur u using (om_utilisateur) order by a.om_fichier_attente`,
  );
  const storedRow = async (id: string) =>
    (await database().ownerQuery<{ temporaire: boolean; om_collectivite: number }>(`select temporaire, om_collectivite from om.om_fichier where om_fichier = '${id}'`))[0];

  before(async () => {
    await database().asOwner(`insert into om.om_collectivite (om_collectivite, libelle, niveau) values (3, 'Autreville', '1');
      select setval(pg_get_serial_sequence('om.om_collectivite', 'om_collectivite'), 3);`);
    dataDir = mkdtempSync(join(tmpdir(), 'commun-numerisation-'));
    runtime = await createTestRuntime(database(), { config: { dataDir } });
    actors = await actorsFor(database(), 'Mairie-de-Libreville-2026', [
      { login: 'agent', profil: 'UTILISATEUR', collectivite: 1 },
      { login: 'collegue', profil: 'UTILISATEUR', collectivite: 1 },
      { login: 'voisin', profil: 'UTILISATEUR', collectivite: 3 },
    ]);
  });

  test('the owner adds, lists (oldest first), reads, claims and removes; the stored file is kept', async () => {
    const first = await addWaitingFile(runtime, agent(), pdf('lettre-durand.pdf'), 'courrier');
    const second = await addWaitingFile(runtime, agent(), { name: 'plan.png', type: 'image/png', bytes: PNG });
    assert.deepEqual({ ...first, id: 0, fileId: '', receivedAt: '' }, { id: 0, fileId: '', name: 'lettre-durand.pdf', type: 'application/pdf', size: PDF.byteLength, receivedAt: '', source: 'depot' });
    assert.match(first.receivedAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    assert.deepEqual(await storedRow(first.fileId), { temporaire: false, om_collectivite: 1 });
    assert.deepEqual(names(await listWaitingFiles(runtime.db.kysely, agent())), ['lettre-durand.pdf', 'plan.png']);
    assert.deepEqual(names(await listWaitingFiles(runtime.db.kysely, agent(), 'courrier')), ['lettre-durand.pdf', 'plan.png'], 'meant for courrier, or for any');
    assert.deepEqual(names(await listWaitingFiles(runtime.db.kysely, agent(), 'cimetiere')), ['plan.png']);
    assert.equal((await nextWaitingFile(runtime.db.kysely, agent(), 'courrier'))?.id, first.id);
    assert.deepEqual(await fileStoreOf(runtime).read(first.fileId), PDF);

    const claimed = await writeAs(runtime.db.kysely, agent(), (trx) => claimWaitingFile(trx, agent(), first.id));
    assert.deepEqual(claimed, first);
    assert.equal(await writeAs(runtime.db.kysely, agent(), (trx) => claimWaitingFile(trx, agent(), first.id)), undefined, 'claimed once only');
    assert.deepEqual(await storedRow(first.fileId), { temporaire: false, om_collectivite: 1 }, 'the claimed file stays in the store');

    assert.equal(await removeWaitingFile(runtime, agent(), second.id), true);
    assert.equal(await storedRow(second.fileId), undefined, 'the removed file is released');
    assert.equal(existsSync(join(dataDir, 'fichiers', second.fileId.slice(0, 2), second.fileId.slice(0, 4), second.fileId)), false);
    assert.equal(await removeWaitingFile(runtime, agent(), second.id), false);
    assert.deepEqual(await listWaitingFiles(runtime.db.kysely, agent()), []);
  });

  test('a wrong type, an empty or a too large file is refused in French and nothing is kept', async () => {
    const before = await database().ownerQuery<{ n: number }>('select count(*)::int as n from om.om_fichier');
    await assert.rejects(addWaitingFile(runtime, agent(), { name: 'notes.txt', type: 'text/plain', bytes: new TextEncoder().encode('bonjour') }), {
      name: 'IntakeError',
      message: 'Le fichier « notes.txt » n’a pas été ajouté. Seuls les PDF, PNG et JPEG sont acceptés.',
    });
    await assert.rejects(addWaitingFile(runtime, agent(), { name: 'vide.pdf', type: 'application/pdf', bytes: new Uint8Array() }), {
      message: 'Le fichier « vide.pdf » est vide : choisissez un autre fichier.',
    });
    const big = new Uint8Array(30 * 1024 * 1024 + 1);
    big.set(PDF);
    await assert.rejects(addWaitingFile(runtime, agent(), { name: 'gros.pdf', type: 'application/pdf', bytes: big }), (error: unknown) =>
      error instanceof IntakeError && error.message === 'Le fichier « gros.pdf » est trop volumineux (30 Mo) : un document numérisé fait au plus 30 Mo.');
    assert.deepEqual(await database().ownerQuery('select count(*)::int as n from om.om_fichier'), before);
    assert.deepEqual(await waitingRows(), []);
  });

  test('another user neither sees, claims nor removes it; the database refuses it to them too', async () => {
    const mine = await addWaitingFile(runtime, agent(), pdf('confidentiel.pdf'));
    assert.deepEqual(await listWaitingFiles(runtime.db.kysely, other()), []);
    assert.equal(await writeAs(runtime.db.kysely, other(), (trx) => claimWaitingFile(trx, other(), mine.id)), undefined);
    assert.equal(await removeWaitingFile(runtime, other(), mine.id), false);
    // Row-level security, without the code's own condition: another user, another collectivité.
    for (const intruder of [other(), actors.voisin as Actor]) {
      const seen = await readAs(runtime.db.kysely, intruder, async (db) => (await sql`select * from om.om_fichier_attente`.execute(db)).rows);
      assert.deepEqual(seen, [], intruder.login);
      const deleted = await writeAs(runtime.db.kysely, intruder, async (db) => (await sql`delete from om.om_fichier_attente returning 1`.execute(db)).rows);
      assert.deepEqual(deleted, [], intruder.login);
    }
    await assert.rejects(
      writeAs(runtime.db.kysely, other(), (db) =>
        sql`insert into om.om_fichier_attente (om_utilisateur, fichier, nom, type_mime, taille, source, om_collectivite)
          values (${agent().userId}, 'x', 'piege.pdf', 'application/pdf', 1, 'depot', 1)`.execute(db)),
      /row-level security/,
      'nobody puts a file in another user’s list',
    );
    assert.deepEqual(names(await listWaitingFiles(runtime.db.kysely, agent())), ['confidentiel.pdf']);
    assert.equal(await removeWaitingFile(runtime, agent(), mine.id), true);
  });

  test('a claim in a transaction that rolls back leaves the file waiting; a stored file goes with the transaction', async () => {
    const scan = await addWaitingFile(runtime, agent(), pdf('a-enregistrer.pdf'));
    let storedId = '';
    await assert.rejects(
      writeAs(runtime.db.kysely, agent(), async (trx) => {
        assert.equal((await claimWaitingFile(trx, agent(), scan.id))?.id, scan.id);
        storedId = (await fileStoreOf(runtime).storeInTransaction(trx, agent(), pdf('tamponne.pdf'), agent().workingCollectivite)).id;
        throw new Error('enregistrement refusé');
      }),
      /enregistrement refusé/,
    );
    assert.deepEqual(names(await listWaitingFiles(runtime.db.kysely, agent())), ['a-enregistrer.pdf']);
    assert.equal(await storedRow(storedId), undefined, 'the stamped copy is not kept');
    const kept = await writeAs(runtime.db.kysely, agent(), async (trx) => {
      await claimWaitingFile(trx, agent(), scan.id);
      return fileStoreOf(runtime).storeInTransaction(trx, agent(), pdf('tamponne.pdf'), agent().workingCollectivite);
    });
    assert.deepEqual(await storedRow(kept.id), { temporaire: false, om_collectivite: 1 });
    assert.deepEqual(await fileStoreOf(runtime).read(kept.id), PDF);
    assert.deepEqual(await listWaitingFiles(runtime.db.kysely, agent()), []);
  });

  test('the watched folder: settled files taken in and moved to traites/, one being written waits, a wrong type goes to refuses/', async () => {
    const logged: string[] = [];
    const logger = createLogger('silent');
    const recording = { ...runtime, logger: Object.assign(Object.create(logger) as typeof logger, { warn: (data: { motif?: string }) => void logged.push(data.motif ?? '') }) };
    const folder = scanFolderOf(dataDir, 1, 'agent');
    mkdirSync(folder, { recursive: true });
    writeAged(join(folder, 'scan-001.pdf'), PDF);
    writeAged(join(folder, 'photo.png'), PNG, 120_000);
    writeAged(join(folder, 'en-cours.pdf'), PDF, 1_000);
    writeAged(join(folder, 'notes.txt'), new TextEncoder().encode('pas un scan'));
    writeAged(join(folder, '.scan-002.pdf.tmp'), PDF);
    // A folder of an unknown login, and of a real login under another collectivité: left alone.
    for (const stranger of [scanFolderOf(dataDir, 1, 'inconnu'), scanFolderOf(dataDir, 3, 'agent')]) {
      mkdirSync(stranger, { recursive: true });
      writeAged(join(stranger, 'scan.pdf'), PDF);
    }

    assert.equal(await sweepScanFolders(recording), 2);
    const waiting = await listWaitingFiles(runtime.db.kysely, agent());
    assert.deepEqual(waiting.map((file) => [file.name, file.source, file.type]), [
      ['photo.png', 'dossier', 'image/png'],
      ['scan-001.pdf', 'dossier', 'application/pdf'],
    ]);
    assert.deepEqual(readdirSync(folder).sort(), ['.scan-002.pdf.tmp', 'en-cours.pdf', 'refuses', 'traites']);
    assert.deepEqual(readdirSync(join(folder, 'traites')).sort(), ['photo.png', 'scan-001.pdf']);
    assert.deepEqual(readdirSync(join(folder, 'refuses')), ['notes.txt']);
    assert.deepEqual(logged, ['Le fichier « notes.txt » n’a pas été ajouté. Seuls les PDF, PNG et JPEG sont acceptés.']);
    assert.deepEqual(readdirSync(scanFolderOf(dataDir, 1, 'inconnu')), ['scan.pdf']);
    assert.deepEqual(readdirSync(scanFolderOf(dataDir, 3, 'agent')), ['scan.pdf']);

    // The next pass, once the file is written: taken; a new file of the same name does not overwrite the first.
    writeAged(join(folder, 'en-cours.pdf'), PDF);
    writeAged(join(folder, 'scan-001.pdf'), PDF);
    assert.equal(await sweepScanFolders(recording, agent()), 2, 'the pass of the user opening the page');
    assert.equal(readdirSync(join(folder, 'traites')).length, 4);
    assert.ok(readdirSync(join(folder, 'traites')).some((name) => /^scan-001-\d+-1\.pdf$/.test(name)));
    assert.deepEqual(names(await listWaitingFiles(runtime.db.kysely, agent())), ['photo.png', 'scan-001.pdf', 'en-cours.pdf', 'scan-001.pdf']);
    assert.equal(await sweepScanFolders(recording), 0, 'nothing twice');
    assert.deepEqual((await waitingRows()).map((row) => row.login), ['agent', 'agent', 'agent', 'agent']);
  });
});
