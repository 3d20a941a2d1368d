/**
 * Issue 4, « Done when »: a DPO walks through the register of processing activities in headless
 * Chromium, on both databases: creates a processing activity (and meets the DPIA rule), adds its
 * data categories, recipients and retention in the sub-form tabs, validates it, then finds it
 * again with the search. Screenshots go to e2e/screenshots/ (registre-*).
 * The DPO signs in once; tests 1 to 5 share that page (a new browser context, its first page load
 * and a sign-in cost more than most steps).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { registre, registerRegistre } from '../apps/registre/src/index.ts';
import { readMigrations } from '../framework/src/db/index.ts';
import { browserSuite, checkAccessibility, screenshot, sharedPage, submit, type Locator, type Page } from './support/index.ts';
import { afterHtmxSwap, assertNoPageProblems, field, followMenu, listingTable, mainOf, messagesOf, pathOf } from './support/screens.ts';
import { SAVED, signIn } from './support/journey.ts';
import { pdfText } from '../framework/test/support/pdf-text.ts';

const DPO = { login: 'dpo', password: 'Protection-Donnees-2026' } as const;
const ADMIN = { login: 'admin-libreville', password: 'Administration-2026' } as const;
const NOM = 'Vidéoprotection du parking de la mairie';
const AIPD_RULE = /Un traitement de données sensibles doit avoir une date d’analyse d’impact \(AIPD\)\./;

/** The register's migrations, in order (0002 names its permissions after it). */
const MIGRATIONS = readMigrations(registre.migrations).map((migration) => migration.text);

/** The town's lists the DPO picks from (as an administrator would have entered them). */
const LISTS_SQL = `
  insert into registre.service (libelle, om_collectivite) values ('Police municipale', 1), ('État civil', 1);
  insert into registre.categorie_donnees (libelle, om_collectivite) values ('Images', 1), ('Identité', 1);
  insert into registre.destinataire (libelle, om_collectivite) values ('Agents habilités', 1), ('Gendarmerie', 1);
  insert into registre.traitement (libelle, finalite, base_legale, om_collectivite)
    select 'Tenue de l''état civil', 'Actes.', base_legale, 1 from registre.base_legale where code = '6.1.c';`;

/** Opens a sub-form tab of the record page and adds one row through its form, in place. */
async function addInTab(page: Page, tab: string, fill: (panel: Locator) => Promise<void>, shown: string): Promise<void> {
  const main = mainOf(page);
  await afterHtmxSwap(page, () => main.getByRole('tab', { name: tab, exact: true }).click());
  const panel = main.getByRole('tabpanel');
  await afterHtmxSwap(page, () => panel.getByRole('link', { name: /^Ajouter/ }).click());
  await fill(panel);
  await afterHtmxSwap(page, () => panel.getByRole('button', { name: 'Ajouter l’enregistrement' }).click());
  await panel.getByRole('table').getByText(shown, { exact: true }).first().waitFor();
}

browserSuite(
  'registre des traitements : le parcours du DPO',
  (suite) => {
    let recordPath = '';
    /** The DPO's page, signed in by the first test that needs it (on the home page) and shared by the others. */
    const signedInDpo = sharedPage(async () => signIn(await suite().openPage(), DPO.login, DPO.password));

    test('1. le DPO crée un traitement et la règle AIPD l’arrête tant que la date manque', async () => {
      const { tag } = suite();
      const page = await signedInDpo();
      await followMenu(page, 'Application', 'Registre des traitements');
      assert.equal(pathOf(page), '/registre/traitement');
      const main = mainOf(page);
      await submit(page, main.getByRole('link', { name: /^Ajouter/ }));
      await field(main, 'Nom du traitement').fill(NOM);
      await field(main, 'Finalité').fill('Prévenir les atteintes aux biens sur le parking de la mairie.');
      await field(main, 'Base légale').selectOption({ label: 'Mission d\'intérêt public' });
      await field(main, 'Service').selectOption({ label: 'Police municipale' });
      await field(main, 'Responsable').fill('Chef de la police municipale');
      await field(main, 'Données sensibles').check();
      await submit(page, main.getByRole('button', { name: 'Ajouter l’enregistrement' }));
      assert.match(await main.innerText(), AIPD_RULE, 'la règle AIPD est expliquée');
      await screenshot(page, `registre-01-regle-aipd${tag}`);
      await field(main, 'Date de l’AIPD').fill('15/03/2024');
      await submit(page, main.getByRole('button', { name: 'Ajouter l’enregistrement' }));
      assert.match(await messagesOf(page), SAVED);
      assert.match(pathOf(page), /^\/registre\/traitement\/\d+$/);
      recordPath = pathOf(page);
      assert.match(await main.innerText(), /Brouillon/);
      assertNoPageProblems(page);
    });

    test('2. il renseigne les données, les destinataires et la conservation dans les onglets', async () => {
      assert.ok(recordPath, 'le traitement n’a pas été créé au test 1');
      const { tag } = suite();
      const page = await signedInDpo();
      await page.goto(recordPath);
      const tabs = await mainOf(page).getByRole('tab').allInnerTexts();
      assert.deepEqual(tabs.slice(0, 4).map((text) => text.trim()), ['Données', 'Personnes concernées', 'Destinataires', 'Conservation']);
      await addInTab(page, 'Données', async (panel) => void (await field(panel, 'Catégorie de données').selectOption({ label: 'Images' })), 'Images');
      await addInTab(page, 'Destinataires', async (panel) => void (await field(panel, 'Destinataire').selectOption({ label: 'Gendarmerie' })), 'Gendarmerie');
      await addInTab(
        page,
        'Conservation',
        async (panel) => {
          await field(panel, 'Durée').fill('30 jours');
          await field(panel, 'Point de départ').fill('Enregistrement des images');
        },
        '30 jours',
      );
      assert.equal(pathOf(page), recordPath, 'tout se fait sur place, sans quitter la fiche');
      await screenshot(page, `registre-02-sous-formulaires${tag}`);
      await checkAccessibility(page, 'fiche du traitement');
      assertNoPageProblems(page);
    });

    test('3. il valide le traitement ; le statut change et l’action disparaît', async () => {
      assert.ok(recordPath, 'le traitement n’a pas été créé au test 1');
      const { tag } = suite();
      const page = await signedInDpo();
      await page.goto(recordPath);
      const main = mainOf(page);
      await submit(page, main.getByRole('link', { name: 'Valider', exact: true }));
      await submit(page, main.getByRole('button', { name: 'Valider', exact: true }));
      assert.match(await messagesOf(page), new RegExp(`Le traitement « ${NOM} » a été validé\\.`));
      await page.goto(recordPath);
      assert.match(await main.innerText(), /Validé/);
      assert.equal(await main.getByRole('link', { name: 'Valider', exact: true }).count(), 0);
      assert.equal(await main.getByRole('link', { name: 'Archiver', exact: true }).count(), 1);
      await screenshot(page, `registre-03-valide${tag}`);
      const statut = await suite().app.database.ownerQuery<{ statut: string }>(`select statut from registre.traitement where traitement = ${recordPath.split('/').pop()}`);
      assert.equal(statut[0]?.statut, 'valide');
      assertNoPageProblems(page);
    });

    test('4. il retrouve le traitement par la recherche, sans accents ni majuscules', async () => {
      assert.ok(recordPath, 'le traitement n’a pas été créé au test 1');
      const { tag } = suite();
      const page = await signedInDpo();
      await page.goto('/registre/traitement');
      const main = mainOf(page);
      const table = listingTable(main, /^Liste : Traitement$/);
      await afterHtmxSwap(page, () => main.getByRole('searchbox').fill('videoprotection'));
      await table.getByRole('link', { name: NOM }).waitFor();
      assert.equal(await table.getByRole('link', { name: "Tenue de l'état civil" }).count(), 0);
      await submit(page, table.getByRole('link', { name: NOM }));
      assert.equal(pathOf(page), recordPath);
      await screenshot(page, `registre-04-recherche${tag}`);
      assertNoPageProblems(page);
    });

    test('5. il le retrouve par la requête « Traitement par base légale » et imprime la liste en PDF', async () => {
      assert.ok(recordPath, 'le traitement n’a pas été créé au test 1');
      const { tag } = suite();
      const page = await signedInDpo();
      await followMenu(page, 'Export', 'Requêtes mémorisées');
      const main = mainOf(page);
      await checkAccessibility(page, `registre-requetes${tag}`);
      await submit(page, main.getByRole('link', { name: 'Traitement par base légale', exact: true }));
      await main.getByRole('combobox', { name: /^Base légale/ }).selectOption({ label: 'Mission d\'intérêt public' });
      await main.getByRole('checkbox', { name: 'Finalité', exact: true }).uncheck();
      await checkAccessibility(page, `registre-requete${tag}`);
      await submit(page, main.getByRole('button', { name: 'Exécuter la requête' }));
      const result = main.getByRole('table');
      await result.getByText(NOM, { exact: true }).waitFor();
      assert.equal(await result.getByText("Tenue de l'état civil").count(), 0, 'une autre base légale');
      assert.equal(await result.getByRole('columnheader', { name: 'Finalité' }).count(), 0, 'colonne décochée');
      assert.match(await result.innerText(), /Validé/, 'le statut dit par son libellé, comme sur la liste');
      await checkAccessibility(page, `registre-requete-resultat${tag}`);
      await screenshot(page, `registre-05-requete${tag}`);
      await followMenu(page, 'Export', 'Éditions');
      assert.equal(await mainOf(page).getByRole('link', { name: /Traitement/ }).count() > 0, true, 'l’édition des traitements est proposée');
      await checkAccessibility(page, `registre-editions${tag}`);

      await page.goto('/registre/traitement');
      const pdfLink = mainOf(page).getByRole('link', { name: 'Édition PDF' });
      const href = await pdfLink.getAttribute('href');
      assert.ok(href, 'le lien « Édition PDF » est sur la liste');
      const response = await page.request.get(href);
      assert.equal(response.status(), 200);
      assert.equal(response.headers()['content-type'], 'application/pdf');
      // A long name wraps inside its column: read the text as one line.
      const text = (await pdfText(await response.body())).replace(/\s+/g, ' ');
      assert.match(text, /Traitement/);
      assert.ok(text.includes(NOM), 'le traitement est dans l’édition');
      assert.ok(text.includes('Libreville'), 'le nom de la collectivité en en-tête');
      assertNoPageProblems(page);
    });

    test('6. l’administrateur importe des catégories de données depuis un tableur, avec la barre de progression', async () => {
      const { openPage, tag } = suite();
      const page = await signIn(await openPage(), ADMIN.login, ADMIN.password);
      await followMenu(page, 'Administration', 'Import');
      const main = mainOf(page);
      await checkAccessibility(page, `registre-import-liste${tag}`);
      await submit(page, main.getByRole('link', { name: 'Catégorie de données', exact: true }).first());
      const help = main.getByRole('table', { name: 'Colonnes du fichier, dans l’ordre' });
      assert.match(await help.innerText(), /libelle/);
      await checkAccessibility(page, `registre-import${tag}`);
      // Written by a spreadsheet under Windows: Windows-1252, semicolons, the header line.
      const csv = Buffer.from('libelle;description;sensible\r\nDonnées de santé;Article 9;Oui\r\n;Sans libellé;Non\r\nCoordonnées bancaires;IBAN;Non\r\n', 'latin1');
      await main.getByLabel('Fichier CSV').setInputFiles({ name: 'categories.csv', mimeType: 'text/csv', buffer: csv });
      await submit(page, main.getByRole('button', { name: 'Importer' }));
      assert.match(pathOf(page), /^\/import\/suivi\//);
      await main.getByText('Import terminé.').waitFor({ timeout: 20_000 });
      const bilan = await main.getByRole('table', { name: 'Bilan de l’import' }).innerText();
      assert.match(bilan, /Lignes importées\s+2/);
      assert.match(bilan, /Lignes rejetées\s+1/);
      assert.match(await main.innerText(), /Windows-1252/);
      assert.equal(await main.getByRole('link', { name: 'Télécharger les lignes rejetées' }).count(), 1);
      await checkAccessibility(page, `registre-import-bilan${tag}`);
      await screenshot(page, `registre-06-import${tag}`);
      const rows = await suite().app.database.ownerQuery<{ libelle: string; om_collectivite: number }>(
        "select libelle, om_collectivite from registre.categorie_donnees where libelle in ('Données de santé', 'Coordonnées bancaires') order by libelle",
      );
      assert.deepEqual(rows, [{ libelle: 'Coordonnées bancaires', om_collectivite: 1 }, { libelle: 'Données de santé', om_collectivite: 1 }]);

      // The job stays: « Traitement › Mes traitements » lists it, finished, with its file of rejects.
      await followMenu(page, 'Traitement', 'Mes traitements');
      const jobs = mainOf(page).getByRole('table', { name: 'Traitements, du plus récent au plus ancien' });
      const listed = await jobs.innerText();
      assert.match(listed, /categories\.csv/);
      assert.match(listed, /Terminé/);
      await checkAccessibility(page, `registre-traitements${tag}`);
      await screenshot(page, `registre-07-traitements${tag}`);
      assertNoPageProblems(page);
    });
  },
  {
    users: [
      { login: DPO.login, password: DPO.password, profil: 'SUPER UTILISATEUR', collectivite: 1 },
      { login: ADMIN.login, password: ADMIN.password, profil: 'ADMINISTRATEUR', collectivite: 1 },
    ],
    setup: async (database) => {
      for (const migration of MIGRATIONS) await database.asOwner(migration, 'registre');
      await database.asOwner(LISTS_SQL);
    },
    register: (registry) => {
      registerRegistre(registry);
      registry.linkIncomingReferences();
    },
  },
);
