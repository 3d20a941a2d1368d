/**
 * The documents of a mail and the register of a period, on both databases, read back from the PDF:
 * the « Récapitulatif du courrier » with its sous-états (copies, tâches, documents, courriers liés
 * et réponse); the « Accusé de réception » with the correspondent's address, the number, the service
 * and the reply's due date, refused for a departure with its French message; the register of a
 * period (page → print job → « Mes traitements ») with exactly the period's mails in register order,
 * the count and the criteria's French errors; a confidential mail of another service never printed
 * for urba.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Hono } from 'hono';
import { createApp } from '../../../framework/src/web/app.tsx';
import type { AppEnv } from '../../../framework/src/web/env.ts';
import { Browser } from '../../../framework/test/support/auth.ts';
import { describeEachDatabase } from '../../../framework/test/support/databases.ts';
import { pdfPages } from '../../../framework/test/support/pdf-text.ts';
import type { TestRuntime } from '../../../framework/test/support/runtime.ts';
import { ACCUSE_RECEPTION_INDISPONIBLE, courrierDocuments } from '../src/editions/documents.ts';
import { imprimerEdition } from '../src/editions/impression.ts';
import { lireCriteresRegistre } from '../src/editions/periode.ts';
import { courrier } from '../src/index.ts';
import { applicationsRuntime } from '../../../framework/test/support/app-runtime.ts';
import { editionsDonnees, organisation, PASSWORD, SOURCES, type EditionsDonnees, type Organisation } from './support.ts';

const flat = (text: string) => text.replace(/\s+/g, ' ');

test('the register’s criteria: the register chosen, the period checked', () => {
  assert.deepEqual(lireCriteresRegistre({ registre: 'depart', du: '01/03/2025', au: '31/03/2025' }), {
    ok: true, valeur: { registre: 'depart', du: '2025-03-01', au: '2025-03-31' },
  });
  assert.deepEqual(lireCriteresRegistre({ registre: 'autre', du: '', au: '' }), {
    ok: false,
    erreurs: { registre: 'Choisissez le registre : arrivées ou départs.', du: 'Le champ « Du » est obligatoire.', au: 'Le champ « Au » est obligatoire.' },
  });
});

describeEachDatabase(
  'courrier : récapitulatif, accusé de réception, registre d’une période',
  (database) => {
    let org: Organisation;
    let runtime: TestRuntime;
    let app: Hono<AppEnv>;
    let mails: EditionsDonnees;
    const signIn = async (login: string): Promise<Browser> => {
      const browser = new Browser(app);
      assert.equal((await browser.login(login, PASSWORD)).status, 303, `${login} signs in`);
      return browser;
    };
    const pdfOf = async (response: Response): Promise<string> => {
      assert.equal(response.status, 200, await response.clone().text());
      assert.match(response.headers.get('content-type') ?? '', /^application\/pdf/);
      return flat((await pdfPages(new Uint8Array(await response.arrayBuffer()))).join('\n'));
    };
    /** Posts the register's form, waits for its job, and reads its PDF from « Mes traitements ». */
    const registre = async (browser: Browser, registreChoisi: string, du: string, au: string): Promise<string> => {
      const token = await browser.formToken('/courrier/editions/registre');
      const posted = await browser.postForm('/courrier/editions/registre', { _csrf: token, registre: registreChoisi, du, au });
      assert.equal(posted.status, 303);
      assert.equal(posted.headers.get('location'), '/traitements');
      for (let attempt = 0; attempt < 300; attempt += 1) {
        const [job] = await database().ownerQuery<{ id: string; etat: string; fichiers: string[]; erreur: string | null }>(
          `select om_traitement::text as id, etat, fichiers, erreur from om.om_traitement order by cree_le desc limit 1`);
        assert.ok(job);
        if (job.etat === 'termine') return pdfOf(await browser.get(`/traitements/${job.id}/fichiers/${job.fichiers[0] ?? ''}`));
        assert.ok(job.etat === 'en_attente' || job.etat === 'en_cours', `${job.etat}: ${job.erreur ?? ''}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error('the register’s job did not end');
    };

    before(async () => {
      org = await organisation(database());
      await database().ownerQuery(`insert into om.om_parametre (libelle, valeur, om_collectivite) values ('maire', 'Marie Martin, maire', 1) on conflict do nothing`);
      runtime = await applicationsRuntime(database(), [courrier]);
      app = createApp(runtime);
      mails = await editionsDonnees(database(), org);
    });

    test('the récapitulatif: the mail, its correspondent, its routing, and its four sous-états', async () => {
      const agent = await signIn('agent');
      const text = await pdfOf(await agent.get(`/courrier/courrier/${mails.A1}/pdf/etat/courrier_recapitulatif`));
      for (const expected of [
        'Récapitulatif du courrier n° 2025-1',
        'Registre : Arrivée — Numéro : 2025-1 — Nature : Lettre — Priorité : Normale — Confidentiel : Non',
        'Arrivé le : 03/03/2025 — Daté du : 27/02/2025',
        'Correspondant : Monsieur Jean DURAND',
        'Adresse : 3 rue des Lilas, 97100 Libreville',
        'Objet : Demande de permis de construire',
        'Catégorie : Réclamation — Réponse souhaitée : Oui',
        'Service de traitement : Urbanisme — Référent : urba',
        'Copies Destinataire Diffusion État civil Service',
        'Tâches Tâche Service Butoir Soldée Exécutée le Répondre : Demande de permis de construire Urbanisme 11/03/2025 Oui 07/03/2025',
        'Documents du dossier Document Type Date Courrier numérisé 2025-1 Courrier numérisé 03/03/2025',
        'Courriers liés et réponse Lien Numéro Date Objet Réponse 2025-D-1 06/03/2025 Réponse : Demande de permis de construire Courrier lié 2025-4 05/05/2025 Information sur les travaux',
      ]) assert.ok(text.includes(expected), `${expected}\n— in —\n${text}`);
      const vide = await pdfOf(await agent.get(`/courrier/courrier/${mails.A4}/pdf/etat/courrier_recapitulatif`));
      for (const expected of ['Aucune copie', 'Aucune tâche', 'Aucun document', 'Courrier lié 2025-1 03/03/2025 Demande de permis de construire']) {
        assert.ok(vide.includes(expected), `${expected}\n— in —\n${vide}`);
      }
    });

    test('the accusé de réception: the address, the number, the service, the reply’s due date, the signature', async () => {
      const agent = await signIn('agent');
      const text = await pdfOf(await agent.get(`/courrier/courrier/${mails.A1}/pdf/lettretype/courrier_accuse_reception`));
      for (const expected of [
        'Monsieur Jean DURAND 3 rue des Lilas 97100 Libreville',
        'Objet : accusé de réception de votre courrier du 27/02/2025',
        'Monsieur,',
        'Nous avons bien reçu votre courrier du 27/02/2025, enregistré le 03/03/2025 sous le numéro 2025-1, concernant : Demande de permis de construire. Il a été transmis au service Urbanisme, qui en assure le traitement et vous répondra avant le 11/03/2025.',
        'Fait à Libreville, le',
        'Marie Martin, maire',
      ]) assert.ok(text.includes(expected), `${expected}\n— in —\n${text}`);
      const sansReponse = await pdfOf(await agent.get(`/courrier/courrier/${mails.A4}/pdf/lettretype/courrier_accuse_reception`));
      assert.ok(sansReponse.includes('Il a été transmis au service Urbanisme, qui en assure le traitement.'), sansReponse);
    });

    test('the accusé de réception is refused for a departure, with its French message; not offered on its page', async () => {
      assert.equal(courrierDocuments.available({ registre: 'depart' }, { kind: 'lettretype', id: 'courrier_accuse_reception' }), false);
      assert.equal(courrierDocuments.available({ registre: 'depart' }, { kind: 'etat', id: 'courrier_recapitulatif' }), true);
      const agent = await signIn('agent');
      const refused = await agent.get(`/courrier/courrier/${mails.D1}/pdf/lettretype/courrier_accuse_reception`, { Accept: 'application/json' });
      assert.equal(refused.status, 409);
      assert.equal(((await refused.json()) as { error: { message: string } }).error.message, ACCUSE_RECEPTION_INDISPONIBLE);
      const page = await (await agent.get(`/courrier/courrier/${mails.D1}`, { Accept: 'text/html' })).text();
      assert.doesNotMatch(page, /lettretype\/courrier_accuse_reception/);
      assert.match(page, /etat\/courrier_recapitulatif/);
    });

    test('a confidential mail of ÉTAT CIVIL: not printed for urba (404), printed for etat', async () => {
      const urba = await signIn('urba');
      assert.equal((await urba.get(`/courrier/courrier/${mails.C1}/pdf/etat/courrier_recapitulatif`, { Accept: 'application/json' })).status, 404);
      assert.equal((await urba.get(`/courrier/courrier/${mails.C1}/pdf/lettretype/courrier_accuse_reception`, { Accept: 'application/json' })).status, 404);
      const etat = await signIn('etat');
      assert.ok((await pdfOf(await etat.get(`/courrier/courrier/${mails.C1}/pdf/etat/courrier_recapitulatif`))).includes('Dossier confidentiel d’état civil'));
    });

    test('the register of a period: exactly its mails in register order, title, collectivité, count, page numbers', async () => {
      const agent = await signIn('agent');
      const mars = await registre(agent, 'arrivee', '01/03/2025', '31/03/2025');
      assert.ok(mars.includes('Registre des arrivées du 01/03/2025 au 31/03/2025'), mars);
      assert.ok(mars.includes('Libreville'));
      assert.ok(mars.includes('Numéro Arrivé le Daté du Nature Correspondant Objet Service Réponse'), mars);
      const lignes = mars.match(/20\d\d-\d+ \d\d\/\d\d\/\d{4}/g);
      assert.deepEqual(lignes, ['2025-1 03/03/2025', '2025-2 10/03/2025']);
      assert.ok(mars.includes('2025-1 03/03/2025 27/02/2025 Lettre DURAND Jean, Libreville Demande de permis de construire Urbanisme 2025-D-1'), mars);
      assert.ok(mars.includes('2025-2 10/03/2025 05/03/2025 Lettre recommandée A/R DURAND Jean, Libreville Réclamation sur le trottoir Urbanisme Attendue'), mars);
      assert.ok(mars.includes('Nombre de courriers : 2'));
      assert.ok(mars.includes('Page 1/1'), mars);

      const departs = await registre(agent, 'depart', '01/03/2025', '31/03/2025');
      assert.ok(departs.includes('Registre des départs du 01/03/2025 au 31/03/2025'));
      assert.ok(departs.includes('Numéro Parti le Daté du Nature Correspondant Objet Service Réponse'), departs);
      assert.ok(departs.includes('2025-D-1 07/03/2025 06/03/2025 Lettre DURAND Jean, Libreville Réponse : Demande de permis de construire Urbanisme En réponse au 2025-1'), departs);
      assert.ok(departs.includes('Nombre de courriers : 1'));

      const annee = await registre(agent, 'arrivee', '01/01/2025', '31/12/2025');
      assert.deepEqual(annee.match(/\b20\d\d-\d+(?= \d\d\/\d\d\/)/g), ['2025-1', '2025-2', '2025-3', '2025-4', '2025-5'], 'not 2024-99, nor the confidential 2025-6');
      assert.ok(annee.includes('Nombre de courriers : 5'));
    });

    test('the register for urba never prints another service’s confidential mail; etat’s does', async () => {
      const juillet = await registre(await signIn('urba'), 'arrivee', '01/07/2025', '31/07/2025');
      assert.ok(!juillet.includes('2025-6'), juillet);
      assert.ok(juillet.includes('Nombre de courriers : 0'));
      const etat = await registre(await signIn('etat'), 'arrivee', '01/07/2025', '31/07/2025');
      assert.ok(etat.includes('2025-6 01/07/2025 30/06/2025 Lettre DURAND Jean, Libreville Dossier confidentiel d’état civil État civil Attendue'), etat);
      assert.ok(etat.includes('Nombre de courriers : 1'));
    });

    test('the register’s criteria errors: French messages on the page, status 400, no job started', async () => {
      const agent = await signIn('agent');
      const [{ avant } = { avant: 0 }] = await database().ownerQuery<{ avant: number }>(`select count(*)::int as avant from om.om_traitement`);
      const token = await agent.formToken('/courrier/editions/registre');
      const cases: [Record<string, string>, string][] = [
        [{ registre: 'arrivee', du: '', au: '31/03/2025' }, 'Le champ « Du » est obligatoire.'],
        [{ registre: 'arrivee', du: '31/02/2025', au: '31/03/2025' }, '« 31/02/2025 » n’est pas une date valide (JJ/MM/AAAA).'],
        [{ registre: 'arrivee', du: '01/04/2025', au: '31/03/2025' }, 'La date de fin précède la date de début.'],
        [{ registre: 'arrivee', du: '01/01/2024', au: '01/01/2025' }, 'La période ne peut dépasser 366 jours : choisissez des dates plus proches.'],
        [{ registre: '', du: '01/01/2025', au: '31/01/2025' }, 'Choisissez le registre : arrivées ou départs.'],
      ];
      for (const [fields, message] of cases) {
        const response = await agent.postForm('/courrier/editions/registre', { _csrf: token, ...fields }, { Accept: 'text/html' });
        assert.equal(response.status, 400, message);
        const html = await response.text();
        assert.ok(html.includes(message), message);
        assert.match(html, /aria-invalid="true"/);
      }
      const [{ apres } = { apres: -1 }] = await database().ownerQuery<{ apres: number }>(`select count(*)::int as apres from om.om_traitement`);
      assert.equal(apres, avant);
      const lecteur = await signIn('lecteur');
      assert.equal((await lecteur.get('/courrier/editions/registre', { Accept: 'text/html' })).status, 200, 'who reads the mail may print its register');
    });

    test('a long register (3,000 lines) streams through the sous-état, every line in order, with page numbers', async () => {
      await database().ownerQuery(`insert into courrier.courrier (registre, numero, rang, nature, date_arrivee, date_courrier, correspondant, objet, service, om_collectivite)
        select 'arrivee', '2023-' || n, n, ${org.natures.LET}, date '2023-01-01' + (n / 10), date '2023-01-01', ${org.correspondant}, 'Objet ' || n, ${org.services.URBA}, 1
          from generate_series(1, 3000) n`);
      const pdf = await imprimerEdition(runtime, org.actors.agent, 'fr', { etat: 'courrier_registre', cle: 'arrivee|2023-01-01|2023-12-31', libelle: 'Registre', fichier: 'x.pdf' });
      const pages = await pdfPages(new Uint8Array(pdf));
      const text = flat(pages.join('\n'));
      const numeros = text.match(/\b2023-\d+(?= \d\d\/\d\d\/2023)/g) ?? [];
      assert.equal(numeros.length, 3000);
      assert.deepEqual(numeros.slice(0, 3), ['2023-1', '2023-2', '2023-3']);
      assert.equal(numeros[2999], '2023-3000');
      assert.ok(text.includes('Nombre de courriers : 3000'));
      assert.ok(text.includes(`Page ${pages.length}/${pages.length}`));
    });
  },
  { sources: SOURCES },
);
