/**
 * Scans of a registration, on both databases: the form offers the user's waiting scans, oldest
 * first; a claimed PDF (or image) is stamped with the number and the date on its first page (read
 * back with pdftotext), the original kept byte for byte, the document row written in the dossier;
 * another user's waiting scan cannot be claimed (nothing written, it stays waiting); an unreadable
 * file is refused with a French message.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Actor } from '../../../framework/src/access/actor.ts';
import { writeAs } from '../../../framework/src/db/index.ts';
import { fileStoreOf } from '../../../framework/src/files/index.ts';
import { addWaitingFile, listWaitingFiles } from '../../../framework/src/files/intake/index.ts';
import { describeEachDatabase } from '../../../framework/test/support/databases.ts';
import type { TestRuntime } from '../../../framework/test/support/runtime.ts';
import { joindreUnScan, MESSAGES_SCAN, plusAncienScan, scansEnAttente } from '../src/enregistrement/scan.ts';
import { courrierFixture, courrierRuntime, organisation, refusal, service, SOURCES, type Organisation } from './support.ts';

async function lettre(texte: string, pages = 2): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  for (let page = 1; page <= pages; page++) document.addPage([595, 842]).drawText(`${texte} page ${page}`, { x: 50, y: 400, size: 12, font });
  return document.save();
}

/** The text of each page, read with pdftotext (poppler). */
function pagesDe(bytes: Uint8Array): string[] {
  const dossier = mkdtempSync(join(tmpdir(), 'courrier-scan-'));
  try {
    const fichier = join(dossier, 'scan.pdf');
    writeFileSync(fichier, bytes);
    return execFileSync('pdftotext', ['-layout', fichier, '-'], { encoding: 'utf8' }).split('\f').filter((page) => page.trim() !== '');
  } finally {
    rmSync(dossier, { recursive: true, force: true });
  }
}

describeEachDatabase(
  'courrier : scans',
  (database) => {
    let org: Organisation;
    let runtime: TestRuntime;
    const attendre = async (actor: Actor, nom: string, bytes: Uint8Array, type = 'application/pdf') => (await addWaitingFile(runtime, actor, { name: nom, type, bytes }, 'courrier')).id;
    const contenu = (id: string) => new Uint8Array(readFileSync(fileStoreOf(runtime).pathOf(id)));

    before(async () => {
      org = await organisation(database());
      runtime = await courrierRuntime(database());
    });

    test('the form offers the user’s waiting scans, the oldest first; another user’s are not offered', async () => {
      const premier = await attendre(org.actors.urba, 'premier.pdf', await lettre('Premier'));
      await attendre(org.actors.urba, 'second.pdf', await lettre('Second'));
      await attendre(org.actors.etat, 'etat.pdf', await lettre('État civil'));
      const offerts = await scansEnAttente({ db: runtime.db.kysely, actor: org.actors.urba, locale: 'fr' });
      assert.deepEqual(offerts.map((choix) => choix.label.replace(/ \(reçu le .*\)$/, '')), ['premier.pdf', 'second.pdf']);
      assert.equal(await plusAncienScan(runtime.db.kysely, org.actors.urba), String(premier));
      assert.equal(await plusAncienScan(runtime.db.kysely, org.actors.chef), undefined);
    });

    test('a claimed scan is stamped with the number and the date on page 1, the original kept byte for byte, the document in the dossier', async () => {
      const original = await lettre('Lettre de M. Durand');
      const scan = await attendre(org.actors.agent, 'lettre-durand.pdf', original);
      const courrier = await courrierFixture(database(), org, { numero: '2026-41', date_arrivee: '2026-03-02' });
      const joint = await writeAs(runtime.db.kysely, org.actors.agent, (trx) =>
        joindreUnScan(fileStoreOf(runtime), trx, org.actors.agent, { scan, courrier, registre: 'arrivee', numero: '2026-41', date: '2026-03-02', collectivite: 1 }),
      );
      const pages = pagesDe(contenu(joint.fichier));
      assert.equal(pages.length, 2);
      assert.match(pages[0] ?? '', /Courrier arrivé n° 2026-41/);
      assert.match(pages[0] ?? '', /le 02\/03\/2026/);
      assert.match(pages[0] ?? '', /Lettre de M\. Durand page 1/);
      assert.doesNotMatch(pages[1] ?? '', /Courrier arrivé/);
      assert.deepEqual(contenu(joint.original), original);
      assert.deepEqual(await database().ownerQuery(`select libelle, type_document, fichier, original from courrier.document where courrier = ${courrier}`), [
        { libelle: 'Courrier numérisé', type_document: 'scan', fichier: joint.fichier, original: joint.original },
      ]);
      assert.deepEqual(await listWaitingFiles(runtime.db.kysely, org.actors.agent, 'courrier'), []);
    });

    test('an image becomes a one-page stamped PDF; a departure’s stamp says « Courrier départ »', async () => {
      const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
      const scan = await attendre(org.actors.agent, 'photo.png', new Uint8Array(png), 'image/png');
      const courrier = await courrierFixture(database(), org, { registre: 'depart', etat: 'projet', date_arrivee: null, date_courrier: null });
      const joint = await writeAs(runtime.db.kysely, org.actors.agent, (trx) =>
        joindreUnScan(fileStoreOf(runtime), trx, org.actors.agent, { scan, courrier, registre: 'depart', numero: '2026-D-3', date: '2026-04-01', collectivite: 1 }),
      );
      const pages = pagesDe(contenu(joint.fichier));
      assert.equal(pages.length, 1);
      assert.match(pages[0] ?? '', /Courrier départ n° 2026-D-3/);
    });

    test('registering an arrival through the records service (the form’s path) stamps the chosen scan into the dossier', async () => {
      const original = await lettre('Demande de M. Durand', 1);
      const scan = await attendre(org.actors.agent, 'demande-durand.pdf', original);
      const cree = await service(runtime, org.actors.agent, 'courrier').create({
        registre: 'arrivee', nature: org.natures.LET, date_arrivee: '2026-03-09', date_courrier: '2026-03-06', correspondant: org.correspondant,
        objet: 'Demande d’alignement', service: org.services.URBA, scan: String(scan),
      });
      const [document] = await database().ownerQuery<{ fichier: string; original: string; type_document: string }>(
        `select fichier, original, type_document from courrier.document where courrier = ${Number(cree.courrier)}`,
      );
      assert.equal(document?.type_document, 'scan');
      assert.deepEqual(contenu(document?.original ?? ''), original);
      const [page] = pagesDe(contenu(document?.fichier ?? ''));
      assert.match(page ?? '', new RegExp(`Courrier arrivé n° ${String(cree.numero)}`));
      assert.match(page ?? '', /le 09\/03\/2026/);
      assert.deepEqual((await listWaitingFiles(runtime.db.kysely, org.actors.agent, 'courrier')).map((file) => file.id).includes(scan), false);
    });

    test('another user’s waiting scan cannot be claimed: the registration is refused, nothing written, the scan still waits', async () => {
      const sien = await attendre(org.actors.etat, 'etat-2.pdf', await lettre('Acte'));
      const avant = await database().ownerQuery<{ n: number }>(`select count(*)::int as n from courrier.courrier`);
      const refus = await refusal(() =>
        service(runtime, org.actors.agent, 'courrier').create({
          registre: 'arrivee', nature: org.natures.LET, date_arrivee: '2026-03-02', date_courrier: '2026-03-01', correspondant: org.correspondant,
          objet: 'Avec le scan d’un autre', service: org.services.URBA, scan: String(sien),
        }),
      );
      assert.equal(refus.fields['scan'], MESSAGES_SCAN.introuvable);
      assert.deepEqual(await database().ownerQuery<{ n: number }>(`select count(*)::int as n from courrier.courrier`), avant);
      assert.deepEqual((await listWaitingFiles(runtime.db.kysely, org.actors.etat, 'courrier')).map((file) => file.id).includes(sien), true);
    });

    test('an unreadable PDF is refused with a French message on the scan; the scan stays waiting', async () => {
      const abime = new TextEncoder().encode('%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n');
      const scan = await attendre(org.actors.agent, 'abime.pdf', abime);
      const courrier = await courrierFixture(database(), org);
      const erreur = await writeAs(runtime.db.kysely, org.actors.agent, (trx) =>
        joindreUnScan(fileStoreOf(runtime), trx, org.actors.agent, { scan, courrier, registre: 'arrivee', numero: 'X-1', date: '2026-03-02', collectivite: 1 }),
      ).then(
        () => undefined,
        (error: unknown) => error,
      );
      assert.ok(erreur instanceof Error);
      assert.equal(erreur.message, 'Le PDF ne peut pas être tamponné : il est chiffré ou illisible.');
      assert.deepEqual((await listWaitingFiles(runtime.db.kysely, org.actors.agent, 'courrier')).map((file) => file.id), [scan]);
    });
  },
  { sources: SOURCES },
);
