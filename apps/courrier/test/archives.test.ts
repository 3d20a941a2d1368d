/**
 * Archiving by date (part H3), on both databases: the page's count per registre and its refusals,
 * the job started from it (progress in « Mes traitements »), the snapshot of each archived mail
 * (copies, documents with their files, tasks, visas, links, reply numbers), the files still
 * downloadable from the archive, what pointed at an archived mail (a reply, a task) kept in words
 * and still working, the archive immutable even for the owner, confidential archives hidden from
 * other services, another town untouched, the « Dossier archivé » page.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Hono } from 'hono';
import { SYSTEM_ACTOR } from '../../../framework/src/access/actor.ts';
import { readAs } from '../../../framework/src/db/index.ts';
import { fileStoreOf, type FileStore } from '../../../framework/src/files/index.ts';
import { jobRunnerOf } from '../../../framework/src/jobs/index.ts';
import { createApp } from '../../../framework/src/web/app.tsx';
import type { AppEnv } from '../../../framework/src/web/env.ts';
import { Browser } from '../../../framework/test/support/auth.ts';
import { describeEachDatabase } from '../../../framework/test/support/databases.ts';
import type { TestRuntime } from '../../../framework/test/support/runtime.ts';
import { documentArchive, lireDossier } from '../src/archives/dossier.ts';
import { decompte } from '../src/archives/selection.ts';
import { courrierFixture, courrierRuntime, inserer, organisation, PASSWORD, refusal, service, SOURCES, type Organisation } from './support.ts';

const plat = (texte: string) => texte.replace(/[\u202f\u00a0]/g, ' ').replace(/&#39;|&#x27;/g, '’').replace(/\s+/g, ' ');

describeEachDatabase(
  'courrier : archivage',
  (database) => {
    let runtime: TestRuntime;
    let org: Organisation;
    let app: Hono<AppEnv>;
    let store: FileStore;
    const ids: Record<string, number> = {};
    const fichiers: Record<string, string> = {};
    const SCAN = Buffer.from('%PDF-1.4 courrier numérisé 2025-A-1\n%%EOF\n');
    const signIn = async (login: string): Promise<Browser> => {
      const browser = new Browser(app);
      assert.equal((await browser.login(login, PASSWORD)).status, 303, `${login} signs in`);
      return browser;
    };
    const query = <T>(text: string) => database().ownerQuery<T>(text);
    const archiveDe = async (numero: string) =>
      Number((await query<{ id: number }>(`select courrier_archive as id from courrier.courrier_archive where numero = '${numero}'`))[0]?.id);
    const depart = (extra: Record<string, string | number | boolean | null>) =>
      courrierFixture(database(), org, { registre: 'depart', etat: 'parti', date_arrivee: null, date_courrier: null, service: org.services.COURRIER, ...extra });

    before(async () => {
      runtime = await courrierRuntime(database());
      org = await organisation(database());
      app = createApp(runtime);
      store = fileStoreOf(runtime);
      const { services, agents, tacheCategories, tacheEtats } = org;
      ids['A'] = await courrierFixture(database(), org, { numero: '2025-A-1', date_arrivee: '2025-06-01', date_courrier: '2025-05-28', objet: 'Demande de permis de construire', referent: agents.urba });
      ids['D'] = await depart({ numero: '2025-D-1', date_depart: '2025-06-10', reponse_a: ids['A'], objet: 'Réponse : permis de construire' });
      ids['S'] = await courrierFixture(database(), org, { numero: '2025-A-2', date_arrivee: '2025-05-01', service: services.ETAT, confidentiel: true, objet: 'Rectification d’acte' });
      ids['B'] = await courrierFixture(database(), org, { numero: '2025-A-3', date_arrivee: '2025-07-01', objet: 'Réclamation voirie' });
      ids['D2'] = await depart({ numero: '2025-D-2', date_depart: null, date_signature: '2025-12-31', etat: 'vise', objet: 'Courrier signé en 2025' });
      // Live mail, dated 2026: stays.
      ids['R'] = await depart({ numero: '2026-D-50', date_depart: '2026-01-15', reponse_a: ids['B'], objet: 'Réponse à la réclamation', observation: 'Envoyé en recommandé.' });
      ids['T'] = await courrierFixture(database(), org, { numero: '2026-A-9', date_arrivee: '2026-01-05', objet: 'Relance' });
      ids['X'] = await courrierFixture(database(), org, { numero: '2026-A-10', date_arrivee: '2026-01-01', date_courrier: '2025-12-20' });
      // Another town's mail of 2025: never counted, never archived.
      const autreService = await inserer(database(), 'service', { code: 'AUT', libelle: 'Mairie', om_collectivite: 3 });
      const autreNature = await inserer(database(), 'nature', { code: 'LET', libelle: 'Lettre', om_collectivite: 3 });
      const autreCorrespondant = await inserer(database(), 'correspondant', { nom: 'MARTIN', om_collectivite: 3 });
      ids['Z'] = await inserer(database(), 'courrier', {
        registre: 'arrivee', numero: '2025-1', rang: 1, nature: autreNature, date_arrivee: '2025-02-01', date_courrier: '2025-02-01', correspondant: autreCorrespondant, objet: 'Autreville', service: autreService, om_collectivite: 3,
      });

      await inserer(database(), 'copie', { courrier: ids['A'], service: services.ETAT, om_collectivite: 1 });
      const scan = await store.stage(org.actors.agent, { name: 'scan-2025-A-1.pdf', type: 'application/pdf', bytes: new Uint8Array(SCAN) }, 1);
      await store.commit(org.actors.agent, scan.id, 1);
      fichiers['scan'] = scan.id;
      const original = await store.stage(org.actors.agent, { name: 'original.pdf', type: 'application/pdf', bytes: new Uint8Array(Buffer.from('%PDF original')) }, 1);
      await store.commit(org.actors.agent, original.id, 1);
      fichiers['original'] = original.id;
      await inserer(database(), 'document', { courrier: ids['A'], libelle: 'Courrier numérisé', type_document: 'scan', date_document: '2025-06-01', fichier: scan.id, original: original.id, om_collectivite: 1 });
      await inserer(database(), 'tache', {
        courrier: ids['A'], libelle: 'Répondre', tache_categorie: tacheCategories.REP, tache_etat: tacheEtats.TR, service: services.URBA, agent: agents.urba,
        date_creation: '2025-06-01', date_butoir: '2025-06-16', date_execution: '2025-06-10', solde: true, reponse: ids['D'], om_collectivite: 1,
      });
      ids['tacheT'] = await inserer(database(), 'tache', {
        courrier: ids['T'], libelle: 'Suivre la relance', tache_categorie: tacheCategories.INT, tache_etat: tacheEtats.EC, service: services.URBA, reponse: ids['D2'], om_collectivite: 1,
      });
      await inserer(database(), 'visa', { courrier: ids['D'], rang: 1, agent: agents.urba, decision: 'vise', decide_le: '2025-06-09 10:00:00+00', annotation: 'Bon pour envoi.', om_collectivite: 1 });
      await inserer(database(), 'courrier_lien', { courrier: ids['T'], courrier_lie: ids['A'], observation: 'Même dossier', om_collectivite: 1 });
    });

    test('the page counts per registre, refuses a wrong or future date, and is the responsable’s', async () => {
      const chef = await signIn('chef');
      const apercu = plat(await (await chef.get('/courrier/archivage?jusquau=31/12/2025')).text());
      assert.match(apercu, /<th scope="row">Arrivée<\/th><td>3<\/td>/);
      assert.match(apercu, /<th scope="row">Départ<\/th><td>2<\/td>/);
      assert.match(apercu, /<button type="submit" aria-describedby="archivage-confirmation">Archiver 5 courrier\(s\)<\/button>/);
      const faux = await chef.get('/courrier/archivage?jusquau=31/13/2025');
      assert.equal(faux.status, 422);
      assert.match(plat(await faux.text()), /Indiquez la date « jusqu’au » \(JJ\/MM\/AAAA\)\./);
      assert.match(plat(await (await chef.get('/courrier/archivage?jusquau=01/01/2999')).text()), /La date « jusqu’au » ne peut pas être postérieure à aujourd’hui\./);
      assert.match(plat(await (await chef.get('/courrier/archivage?jusquau=01/01/2020')).text()), /Aucun courrier daté du 01\/01\/2020 ou d’avant : rien à archiver\./);
      assert.equal((await (await signIn('agent')).get('/courrier/archivage')).status, 403);
      assert.deepEqual(await readAs(database().db.kysely, SYSTEM_ACTOR, (db) => decompte(db, 3, '2025-12-31')), { arrivee: 1, depart: 0 });
    });

    test('archiving runs as a job; the snapshot keeps the dossier; what pointed at it keeps the number', async () => {
      const chef = await signIn('chef');
      const token = await chef.formToken('/courrier/archivage?jusquau=31/12/2025');
      const posted = await chef.postForm('/courrier/archivage', { _csrf: token, jusquau: '31/12/2025' });
      assert.equal(posted.status, 303);
      assert.equal(posted.headers.get('location'), '/traitements');
      const runner = jobRunnerOf(runtime);
      const [job] = (await runner.list(org.actors.chef, { offset: 0, limit: 5 })).jobs;
      assert.ok(job);
      await runner.settled(job.id);
      const fini = await runner.find(job.id, org.actors.chef);
      assert.equal(fini?.state, 'termine', fini?.error);
      assert.deepEqual(fini?.result, { archives: 5 });
      assert.deepEqual(fini?.progress, { done: 5, total: 5 });

      const restants = await query<{ numero: string }>(`select numero from courrier.courrier order by numero`);
      assert.deepEqual(restants.map((row) => row.numero), ['2025-1', '2026-A-10', '2026-A-9', '2026-D-50']);
      const archives = await query<{ numero: string; registre: string; correspondant_libelle: string; service_libelle: string; nature_libelle: string; archive_par: string; confidentiel: boolean }>(
        `select numero, registre, correspondant_libelle, service_libelle, nature_libelle, archive_par, confidentiel from courrier.courrier_archive order by numero`,
      );
      assert.deepEqual(archives.map((row) => ({ ...row })), [
        { numero: '2025-A-1', registre: 'arrivee', correspondant_libelle: 'DURAND Jean, 3 rue des Lilas, 97100 Libreville', service_libelle: 'Urbanisme', nature_libelle: 'Lettre', archive_par: 'chef', confidentiel: false },
        { numero: '2025-A-2', registre: 'arrivee', correspondant_libelle: 'DURAND Jean, 3 rue des Lilas, 97100 Libreville', service_libelle: 'État civil', nature_libelle: 'Lettre', archive_par: 'chef', confidentiel: true },
        { numero: '2025-A-3', registre: 'arrivee', correspondant_libelle: 'DURAND Jean, 3 rue des Lilas, 97100 Libreville', service_libelle: 'Urbanisme', nature_libelle: 'Lettre', archive_par: 'chef', confidentiel: false },
        { numero: '2025-D-1', registre: 'depart', correspondant_libelle: 'DURAND Jean, 3 rue des Lilas, 97100 Libreville', service_libelle: 'Service courrier', nature_libelle: 'Lettre', archive_par: 'chef', confidentiel: false },
        { numero: '2025-D-2', registre: 'depart', correspondant_libelle: 'DURAND Jean, 3 rue des Lilas, 97100 Libreville', service_libelle: 'Service courrier', nature_libelle: 'Lettre', archive_par: 'chef', confidentiel: false },
      ]);
      // Children went with their mail.
      assert.deepEqual(await query(`select count(*)::int as n from courrier.document where courrier = ${ids['A']}`), [{ n: 0 }]);
      assert.deepEqual(await query(`select count(*)::int as n from courrier.courrier_lien`), [{ n: 0 }]);

      const cleA = await archiveDe('2025-A-1');
      const a = await readAs(database().db.kysely, org.actors.chef, (db) => lireDossier(db, cleA));
      assert.ok(a);
      assert.deepEqual(a.copies, [{ service: 'État civil', elu: null }]);
      assert.deepEqual(a.documents, [{
        libelle: 'Courrier numérisé', type: 'scan', date: '2025-06-01', fichier: fichiers['scan'], fichierNom: 'scan-2025-A-1.pdf', original: fichiers['original'], originalNom: 'original.pdf', observation: null,
      }]);
      assert.equal(a.taches.length, 1);
      assert.deepEqual({ ...a.taches[0], date_creation: undefined }, {
        libelle: 'Répondre', categorie: 'Attente de réponse', etat: 'Traité', service: 'Urbanisme', agent: 'urba', date_creation: undefined, date_butoir: '2025-06-16',
        date_execution: '2025-06-10', solde: true, chronoreponse: null, reponse: '2025-D-1', observation: null, automatique: false,
      });
      assert.deepEqual(a.reponses.map((reponse) => reponse['numero']), ['2025-D-1']);
      assert.deepEqual(a.liens, [{ courrier: ids['T'], registre: 'arrivee', numero: '2026-A-9', objet: 'Relance', observation: 'Même dossier' }]);
      assert.equal(a.referent, 'urba');
      const cleD = await archiveDe('2025-D-1');
      const d = await readAs(database().db.kysely, org.actors.chef, (db) => lireDossier(db, cleD));
      assert.deepEqual(d?.reponseA, { courrier: ids['A'], registre: 'arrivee', numero: '2025-A-1', objet: 'Demande de permis de construire' });
      assert.deepEqual(d?.visas.map((visa) => ({ ...visa, decide_le: undefined })), [{ rang: 1, viseur: 'urba', decision: 'vise', decide_le: undefined, annotation: 'Bon pour envoi.' }]);
      assert.equal(d?.etat, 'parti');

      // What pointed at an archived mail keeps its number in words, and keeps working.
      const [jour] = await query<{ d: string }>(`select to_char(current_date, 'DD/MM/YYYY') as d`);
      const [r] = await query<{ reponse_a: number | null; observation: string }>(`select reponse_a, observation from courrier.courrier where courrier = ${ids['R']}`);
      assert.deepEqual({ ...r }, { reponse_a: null, observation: `Envoyé en recommandé.\nEn réponse au courrier n° 2025-A-3, archivé le ${jour?.d}.` });
      const [t] = await query<{ reponse: number | null; chronoreponse: string }>(`select reponse, chronoreponse from courrier.tache where tache = ${ids['tacheT']}`);
      assert.deepEqual({ ...t }, { reponse: null, chronoreponse: 'Réponse : courrier n° 2025-D-2 (archivé).' });
      const suite = await service(runtime, org.actors.chef, 'courrier').update(ids['X'], { observation: 'Toujours modifiable.' });
      assert.equal(suite['observation'], 'Toujours modifiable.');
      const journal = await query<{ n: number }>(`select count(*)::int as n from om.om_audit where application = 'courrier' and objet = 'courrier' and action = 'archiver' and login = 'chef'`);
      assert.deepEqual(journal, [{ n: 5 }]);
    });

    test('the files stay downloadable from the archive; confidential archives only for their service', async () => {
      const a = await archiveDe('2025-A-1');
      const lu = await readAs(database().db.kysely, org.actors.lecteur, (db) => documentArchive(db, store, a, fichiers['scan'] as string));
      assert.equal(lu?.nom, 'scan-2025-A-1.pdf');
      assert.equal(lu?.type, 'application/pdf');
      assert.deepEqual(lu?.octets, SCAN);
      const original = await readAs(database().db.kysely, org.actors.urba, (db) => documentArchive(db, store, a, fichiers['original'] as string));
      assert.deepEqual(original?.octets, Buffer.from('%PDF original'));
      // A file id that is not in this archive's dossier is not served through it.
      const d = await archiveDe('2025-D-1');
      assert.equal(await readAs(database().db.kysely, org.actors.chef, (db) => documentArchive(db, store, d, fichiers['scan'] as string)), undefined);
      assert.deepEqual(await query(`select temporaire from om.om_fichier where om_fichier = '${fichiers['scan']}'`), [{ temporaire: false }]);

      const s = await archiveDe('2025-A-2');
      const voit = async (login: 'chef' | 'urba' | 'etat' | 'lecteur' | 'autre') =>
        (await readAs(database().db.kysely, org.actors[login], (db) => lireDossier(db, s)))?.numero;
      assert.equal(await voit('etat'), '2025-A-2');
      assert.equal(await voit('urba'), undefined);
      assert.equal(await voit('chef'), undefined);
      assert.equal(await voit('lecteur'), undefined);
      assert.equal(await voit('autre'), undefined);
      assert.equal(await readAs(database().db.kysely, org.actors.autre, (db) => lireDossier(db, a)), undefined);
    });

    test('the archive is immutable, even for the owner and through the service', async () => {
      const a = await archiveDe('2025-A-1');
      await assert.rejects(() => query(`update courrier.courrier_archive set objet = 'x' where courrier_archive = ${a}`), /Un courrier archivé ne se modifie pas et ne se supprime pas\./);
      await assert.rejects(() => query(`delete from courrier.courrier_archive where courrier_archive = ${a}`), /Un courrier archivé ne se modifie pas et ne se supprime pas\./);
      const refus = await refusal(() => service(runtime, org.actors.chef, 'courrier_archive').update(a, { objet: 'x' }));
      assert.equal(refus.code, 'read_only');
      assert.equal((await refusal(() => service(runtime, org.actors.chef, 'courrier_archive').delete(a))).code, 'read_only');
      assert.deepEqual(await query(`select objet from courrier.courrier_archive where courrier_archive = ${a}`), [{ objet: 'Demande de permis de construire' }]);
    });

    test('the « Dossier archivé » page renders the snapshot; a confidential one is a 404 for another service', async () => {
      const a = await archiveDe('2025-A-1');
      const chef = await signIn('chef');
      const fiche = await chef.get(`/courrier/courrier_archive/${a}`);
      assert.match(plat(await fiche.text()), new RegExp(`href="/courrier/archives/${a}"`));
      const page = plat(await (await chef.get(`/courrier/archives/${a}`)).text());
      assert.match(page, /<h1[^>]*>Dossier archivé — courrier 2025-A-1<\/h1>/);
      assert.match(page, /<th scope="row">État civil<\/th><td>Service<\/td>/);
      assert.match(page, new RegExp(`<a href="/api/v1/courrier/archives/${a}/documents/${fichiers['scan']}">scan-2025-A-1.pdf</a>`));
      assert.match(page, /<th scope="row">Répondre<\/th><td>Urbanisme<\/td><td>urba<\/td><td>Traité<\/td><td>16\/06\/2025<\/td><td>10\/06\/2025<\/td><td>Oui<\/td><td>2025-D-1<\/td>/);
      assert.match(page, /<th scope="row">Arrivée n° 2026-A-9<\/th><td>Relance<\/td><td>Même dossier<\/td>/);
      const s = await archiveDe('2025-A-2');
      assert.equal((await (await signIn('urba')).get(`/courrier/archives/${s}`)).status, 404);
      assert.equal((await (await signIn('etat')).get(`/courrier/archives/${s}`)).status, 200);
    });
  },
  { sources: SOURCES },
);
