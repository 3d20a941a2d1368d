/**
 * Issue 3, « Done when »: the walk a new town's staff makes in headless Chromium, on both
 * databases. A niveau-2 administrator creates a collectivité, a profile with a few permissions
 * (matrix and the profile's droits sub-form) and a user; that user signs in, sees only the menu
 * entries they were granted, then works on an application table (the town's associations):
 * creates, finds (simple and advanced search), sorts, pages through, edits and deletes records,
 * adds child rows in a sub-form tab and sees the parent's deletion refused, meets the 403 and 404
 * pages, exports the current search as CSV and reads it back, and submits invalid data.
 * Screenshots of each main page go to e2e/screenshots/ (parcours-*).
 *
 * The tests run in order and share the suite's application. If the administrator's part fails,
 * what it should have created is put in place directly in the database, so that the rest of the
 * journey still runs and reports its own findings (the failed test still fails).
 *
 * Two browser contexts: the administrator's (tests 1 and 2; signed out at the end of test 1, so
 * signed in again) and the agent's, signed in once and shared by tests 3 to 9. A new context, its
 * first page load and a sign-in cost more than most steps of the journey.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BULK_ASSOCIATIONS } from './support/associations-schema.ts';
import { browserSuite, screenshot, sharedPage, submit, type Page } from './support/index.ts';
import {
  ADMIN,
  ADMIN_PASSWORD,
  AGENT,
  COLLECTIVITE,
  CREATED,
  FOREIGN_RECORD,
  JOURNEY_APP,
  MATRIX_RIGHTS,
  PROFIL,
  SAVED,
  SUBFORM_RIGHT,
  collator,
  createdRecordUrl,
  ensureAgentWithData,
  quote,
  signIn,
} from './support/journey.ts';
import {
  afterHtmxSwap,
  ariaSortOf,
  assertNoPageProblems,
  downloadCsv,
  field,
  firstColumn,
  followMenu,
  listingTable,
  mainOf,
  menuEntries,
  menuRubriques,
  messagesOf,
  pathOf,
  waitForCount,
} from './support/screens.ts';

/** Adhérents added in the sub-form. */
const CHILDREN = [
  ['Louis Garnier', 'Trésorier'],
  ['Inès Moreau', 'Secrétaire'],
] as const;

browserSuite(
  'parcours complet de l’issue 3 dans le navigateur',
  (suite) => {
    let profil = 0;
    let agentReady: Promise<number> | undefined;

    /** The agent's collectivité, with the journey's data: completed in the database if tests 1 and 2 did not do it. */
    function agentCollectivite(): Promise<number> {
      agentReady ??= ensureAgentWithData(suite().app.database);
      return agentReady;
    }

    /** The agent's page, signed in by the first test that needs it (on the home page) and shared by the others. */
    const signInAsAgent = sharedPage(async () => {
      await agentCollectivite();
      return signIn(await suite().openPage(), AGENT.login, AGENT.password);
    });

    let adminPage: Page | undefined;
    /** The administrator's browser, on a new sign-in (test 1 ends by signing out). */
    async function signInAsAdmin(): Promise<Page> {
      adminPage ??= await suite().openPage();
      await adminPage.context().clearCookies();
      return signIn(adminPage, ADMIN, ADMIN_PASSWORD);
    }

    /** The association created in test 4 (inserted by the owner when test 4 could not create it). */
    async function createdRecord(): Promise<string> {
      return createdRecordUrl(suite().app.database, await agentCollectivite());
    }

    test('1. l’administrateur crée une collectivité, un profil avec ses droits et un utilisateur', async () => {
      const { tag } = suite();
      const page = await signInAsAdmin();
      const main = mainOf(page);

      // Administration › Collectivités › Ajouter
      await followMenu(page, 'Administration', 'Collectivités');
      assert.equal(pathOf(page), '/om/om_collectivite');
      await screenshot(page, `parcours-01-collectivites${tag}`);
      await submit(page, main.getByRole('link', { name: /^Ajouter/ }));
      assert.equal(pathOf(page), '/om/om_collectivite/new');
      await field(main, 'Libellé').fill(COLLECTIVITE);
      await screenshot(page, `parcours-02-collectivite-ajout${tag}`);
      await submit(page, main.getByRole('button', { name: 'Ajouter l’enregistrement' }));
      assert.match(await messagesOf(page), SAVED);
      const collectivite = Number(/^\/om\/om_collectivite\/(\d+)$/.exec(pathOf(page))?.[1]);
      assert.ok(collectivite > 0, `après l’ajout, la fiche de la collectivité était attendue : ${page.url()}`);
      assert.match(await main.innerText(), new RegExp(COLLECTIVITE));

      // Gestion des utilisateurs › Profils › Ajouter
      await followMenu(page, 'Administration', 'Profils');
      await submit(page, main.getByRole('link', { name: /^Ajouter/ }));
      await field(main, 'Libellé').fill(PROFIL);
      await field(main, 'Hiérarchie').fill('1');
      await submit(page, main.getByRole('button', { name: 'Ajouter l’enregistrement' }));
      assert.match(await messagesOf(page), SAVED);
      profil = Number(/^\/om\/om_profil\/(\d+)$/.exec(pathOf(page))?.[1]);
      assert.ok(profil > 0, `après l’ajout, la fiche du profil était attendue : ${page.url()}`);

      // Its rights in the matrix profile × permission.
      await followMenu(page, 'Administration', 'Matrice des droits');
      assert.equal(pathOf(page), '/administration/droits');
      for (const right of MATRIX_RIGHTS) {
        await main.getByLabel('Filtrer les permissions').fill(right.replace(/_tab$/, ''));
        await submit(page, main.getByRole('button', { name: 'Filtrer' }));
        const cell = main.getByLabel(`${right} pour ${PROFIL}`, { exact: true });
        await cell.check();
        if (right === MATRIX_RIGHTS[0]) await screenshot(page, `parcours-03-matrice-droits${tag}`);
        await submit(page, main.getByRole('button', { name: 'Enregistrer' }));
        assert.match(await messagesOf(page), /Droits enregistrés : 1 droit accordé/);
        assert.ok(await main.getByLabel(`${right} pour ${PROFIL}`, { exact: true }).isChecked(), `${right} reste coché après l’enregistrement`);
      }

      // Gestion des utilisateurs › Utilisateurs › Ajouter
      await followMenu(page, 'Administration', 'Utilisateurs');
      await submit(page, main.getByRole('link', { name: /^Ajouter/ }));
      await field(main, 'Nom').fill(AGENT.nom);
      await field(main, 'Courriel').fill(AGENT.email);
      await field(main, 'Identifiant').fill(AGENT.login);
      await field(main, 'Mot de passe').fill(AGENT.password);
      await field(main, 'Collectivité').selectOption({ label: COLLECTIVITE });
      await field(main, 'Profil').selectOption({ label: PROFIL });
      await screenshot(page, `parcours-04-utilisateur-ajout${tag}`);
      await submit(page, main.getByRole('button', { name: 'Ajouter l’enregistrement' }));
      assert.match(await messagesOf(page), SAVED);
      assert.match(pathOf(page), /^\/om\/om_utilisateur\/\d+$/);
      const sheet = await main.innerText();
      assert.match(sheet, new RegExp(AGENT.login));
      assert.match(sheet, new RegExp(COLLECTIVITE));
      assert.match(sheet, new RegExp(PROFIL));
      assert.doesNotMatch(sheet, new RegExp(AGENT.password), 'le mot de passe n’est jamais affiché');

      await submit(page, page.getByRole('banner').getByRole('button', { name: 'Se déconnecter' }));
      assert.equal(pathOf(page), '/login');
      assertNoPageProblems(page);
    });

    test('2. un droit de plus ajouté sur place dans le sous-formulaire « Droits accordés » du profil', async () => {
      const { tag } = suite();
      assert.ok(profil > 0, 'le profil n’a pas été créé au test 1');
      const page = await signInAsAdmin();
      const main = mainOf(page);
      // One more right through the profile's « Droits accordés » sub-form, added in place.
      await page.goto(`/om/om_profil/${profil}`);
      await afterHtmxSwap(page, () => main.getByRole('tab', { name: 'Droits accordés' }).click());
      const droits = listingTable(main, 'Droit');
      await droits.waitFor();
      assert.deepEqual((await firstColumn(droits)).sort(), [...MATRIX_RIGHTS].sort(), 'le sous-formulaire montre les droits accordés par la matrice');
      const panel = main.getByRole('tabpanel');
      await afterHtmxSwap(page, () => panel.getByRole('link', { name: /^Ajouter/ }).click());
      assert.equal(pathOf(page), `/om/om_profil/${profil}`, 'le formulaire d’ajout s’ouvre dans l’onglet, sans quitter la fiche');
      await field(panel, 'Permission').fill(SUBFORM_RIGHT);
      await screenshot(page, `parcours-05-profil-droit-ajout${tag}`);
      await afterHtmxSwap(page, () => panel.getByRole('button', { name: 'Ajouter l’enregistrement' }).click());
      await listingTable(panel, 'Droit').getByRole('link', { name: SUBFORM_RIGHT }).waitFor();
      assert.equal(pathOf(page), `/om/om_profil/${profil}`);
      await screenshot(page, `parcours-06-profil-droits${tag}`);
      assertNoPageProblems(page);
    });


    test('3. l’utilisateur créé se connecte et ne voit que les entrées de menu permises', async () => {
      const page = await signInAsAgent();
      const { tag } = suite();
      const banner = await page.getByRole('banner').innerText();
      assert.match(banner, new RegExp(AGENT.nom));
      assert.match(banner, new RegExp(COLLECTIVITE));

      const entries = await menuEntries(page);
      for (const allowed of ['Associations', 'Secteurs']) {
        assert.ok(entries.includes(allowed), `« ${allowed} » attendu dans le menu : ${entries.join(', ')}`);
      }
      for (const forbidden of ['Salles', 'Collectivités', 'Profils', 'Droits', 'Matrice des droits', 'Utilisateurs', 'Journal des modifications', 'Widgets']) {
        assert.ok(!entries.includes(forbidden), `« ${forbidden} » ne doit pas être dans le menu : ${entries.join(', ')}`);
      }
      const rubriques = await menuRubriques(page);
      assert.ok(!rubriques.includes('Administration'), `la rubrique Administration doit être cachée : ${rubriques.join(', ')}`);
      assert.ok(rubriques.includes('Application') && rubriques.includes('Paramétrage'), `rubriques : ${rubriques.join(', ')}`);
      await screenshot(page, `parcours-07-accueil-agent${tag}`);

      await followMenu(page, 'Application', 'Associations');
      assert.equal(pathOf(page), '/associations/association');
      const current = page.getByRole('navigation', { name: 'Menu principal' }).locator('[aria-current="page"]');
      assert.equal((await current.innerText()).trim(), 'Associations', 'l’entrée du menu de la page courante est mise en évidence');
      assertNoPageProblems(page);
    });

    test('4. créer, chercher (simple, avancée), trier, paginer, modifier et supprimer', async () => {
      const page = await signInAsAgent();
      const { tag } = suite();
      const main = mainOf(page);
      const table = listingTable(main, 'Association');
      const total = BULK_ASSOCIATIONS.length;
      await page.goto('/associations/association');
      await waitForCount(main, `1 - 15 enregistrement(s) sur ${total}`);
      await screenshot(page, `parcours-08-liste${tag}`);

      // Create.
      await submit(page, main.getByRole('link', { name: /^Ajouter/ }));
      assert.equal(pathOf(page), '/associations/association/new');
      await field(main, 'Nom').fill(CREATED);
      await field(main, 'Président ou présidente').fill('Marcel Brochet');
      await field(main, 'Date de création').fill('03051998');
      await field(main, 'Subvention').fill('1 250,50');
      await field(main, 'Secteur').selectOption({ label: 'Solidarité' });
      await field(main, 'Agréée').check();
      await screenshot(page, `parcours-09-ajout${tag}`);
      await submit(page, main.getByRole('button', { name: 'Ajouter l’enregistrement' }));
      assert.match(await messagesOf(page), SAVED);
      assert.match(pathOf(page), /^\/associations\/association\/\d+$/);
      const sheet = await main.innerText();
      for (const shown of [CREATED, 'Marcel Brochet', '03/05/1998', 'Solidarité']) assert.match(sheet, new RegExp(shown), `fiche : ${shown}`);
      assert.match(sheet, /1\s?250,5/, 'la subvention saisie avec une virgule est enregistrée');
      await screenshot(page, `parcours-10-fiche${tag}`);
      const createdUrl = pathOf(page);

      // Simple search, accent- and case-insensitive, as you type.
      await page.goto('/associations/association');
      const search = main.getByRole('searchbox', { name: 'Rechercher' });
      await afterHtmxSwap(page, () => search.fill('PECHEURS DE L’ETANG'));
      await waitForCount(main, '1 - 1 enregistrement(s) sur 1');
      assert.deepEqual(await firstColumn(table), [CREATED]);
      assert.match(page.url(), /q=/, 'l’adresse suit la recherche (hx-push-url)');
      await afterHtmxSwap(page, () => search.fill('ecu*rand*'));
      await waitForCount(main, '1 - 1 enregistrement(s) sur 1');
      assert.deepEqual(await firstColumn(table), ['Écureuils randonneurs'], 'le joker * et les accents');
      await screenshot(page, `parcours-11-recherche-simple${tag}`);
      // The column choice: « Marcel » is a président, not a name.
      await afterHtmxSwap(page, () => search.fill('marcel'));
      await waitForCount(main, '1 - 1 enregistrement(s) sur 1');
      await afterHtmxSwap(page, async () => void (await main.getByLabel('Dans la colonne').selectOption({ label: 'Nom' })));
      await waitForCount(main, 'Aucun enregistrement.');

      // Sort by clicking a header: ascending, descending, then none.
      await page.goto('/associations/association');
      const names = [...BULK_ASSOCIATIONS.map((row) => row.nom), CREATED].sort(collator.compare);
      await table.getByRole('link', { name: /^Nom/ }).click();
      await page.waitForFunction(() => document.querySelector('th[aria-sort]') !== null);
      assert.equal(await ariaSortOf(table, 'Nom'), 'ascending');
      assert.deepEqual(await firstColumn(table), names.slice(0, 15), 'tri croissant (collation française)');
      await table.getByRole('link', { name: /^Nom/ }).click();
      await page.waitForFunction(() => document.querySelector('th[aria-sort="descending"]') !== null);
      assert.deepEqual(await firstColumn(table), [...names].reverse().slice(0, 15), 'tri décroissant');
      assert.match(page.url(), /sort=-nom/);
      await screenshot(page, `parcours-12-tri-decroissant${tag}`);
      // By date: empty values last.
      await table.getByRole('link', { name: /^Date de création/ }).click();
      await page.waitForFunction(() => document.querySelector('th[aria-sort="ascending"]') !== null);
      assert.deepEqual((await firstColumn(table)).slice(0, 2), ['Abeilles du Vivarais', 'Accordéon club'], 'tri par date croissante');
      await table.getByRole('link', { name: /^Date de création/ }).click();
      await page.waitForFunction(() => document.querySelector('th[aria-sort="descending"]') !== null);
      await table.getByRole('link', { name: /^Date de création/ }).click();
      await page.waitForFunction(() => document.querySelector('th[aria-sort]') === null);
      assert.doesNotMatch(page.url(), /sort=/, 'troisième clic : plus de tri');

      // Page through: next page, then a bigger page size.
      await page.goto('/associations/association');
      await waitForCount(main, `1 - 15 enregistrement(s) sur ${total + 1}`);
      await main.getByRole('link', { name: 'Page suivante' }).click();
      await waitForCount(main, `16 - 30 enregistrement(s) sur ${total + 1}`);
      assert.deepEqual(await firstColumn(table), names.slice(15, 30), 'deuxième page');
      assert.match(page.url(), /page=2/);
      await main.getByLabel('Enregistrements par page').selectOption('50');
      await main.getByRole('button', { name: 'Afficher', exact: true }).click();
      await waitForCount(main, `1 - ${total + 1} enregistrement(s) sur ${total + 1}`);
      await screenshot(page, `parcours-13-pagination${tag}`);

      // Advanced search: sector AND date interval (bounds included) AND yes/no, surviving pagination.
      await page.goto('/associations/association');
      await submit(page, main.getByRole('link', { name: 'Recherche avancée' }));
      const inInterval = BULK_ASSOCIATIONS.filter((row) => row.secteur === 'Sport' && row.dateCreation >= '1990-06-15' && row.dateCreation <= '2020-06-15');
      assert.ok(inInterval.length > 15, 'jeu de données : plus d’une page');
      await main.getByLabel('Secteur').selectOption({ label: 'Sport' });
      await main.getByLabel('du', { exact: true }).fill('15/06/1990');
      await main.getByLabel('au', { exact: true }).fill('15062020');
      await main.getByRole('button', { name: 'Rechercher' }).click();
      await waitForCount(main, `1 - 15 enregistrement(s) sur ${inInterval.length}`);
      await screenshot(page, `parcours-14-recherche-avancee${tag}`);
      await main.getByRole('link', { name: 'Page suivante' }).click();
      await waitForCount(main, `16 - ${inInterval.length} enregistrement(s) sur ${inInterval.length}`);
      const secondPage = await firstColumn(table);
      const expectedSport = inInterval.map((row) => row.nom).sort(collator.compare);
      assert.deepEqual(secondPage, expectedSport.slice(15), 'les critères survivent à la pagination');
      await main.getByLabel('Agréée').selectOption({ label: 'Oui' });
      await main.getByRole('button', { name: 'Rechercher' }).click();
      const agreed = inInterval.filter((row) => row.agreee).map((row) => row.nom).sort(collator.compare);
      await waitForCount(main, `1 - ${agreed.length} enregistrement(s) sur ${agreed.length}`);
      assert.deepEqual(await firstColumn(table), agreed);
      // The criteria survive the round trip to a record and its « Retour ».
      await submit(page, table.getByRole('link', { name: agreed[0]! }));
      await submit(page, main.getByRole('link', { name: 'Retour' }));
      await waitForCount(main, `1 - ${agreed.length} enregistrement(s) sur ${agreed.length}`);
      assert.equal(await main.getByLabel('Agréée').inputValue(), 'true', 'le critère est toujours rempli au retour');

      // Edit.
      await page.goto(createdUrl);
      await submit(page, main.getByRole('link', { name: 'Modifier' }));
      assert.equal(pathOf(page), `${createdUrl}/edit`);
      assert.equal(await field(main, 'Nom').inputValue(), CREATED);
      assert.equal(await field(main, 'Date de création').inputValue(), '03/05/1998');
      await field(main, 'Président ou présidente').fill('Jeanne Lefèvre');
      await screenshot(page, `parcours-15-modification${tag}`);
      await submit(page, main.getByRole('button', { name: 'Enregistrer les modifications' }));
      assert.match(await messagesOf(page), SAVED);
      assert.equal(pathOf(page), createdUrl);
      assert.match(await main.innerText(), /Jeanne Lefèvre/);

      // Delete (a confirmation page first).
      await page.goto('/associations/association?q=philatelie');
      await waitForCount(main, '1 - 1 enregistrement(s) sur 1');
      await submit(page, table.getByRole('link', { name: 'Philatélie' }));
      await submit(page, main.getByRole('link', { name: 'Supprimer' }));
      assert.match(pathOf(page), /\/delete$/);
      assert.match(await main.innerText(), /Voulez-vous vraiment supprimer cet enregistrement/);
      await screenshot(page, `parcours-16-suppression${tag}`);
      await submit(page, main.getByRole('button', { name: 'Supprimer l’enregistrement' }));
      assert.match(await messagesOf(page), /La suppression a été correctement effectuée\./);
      await page.goto('/associations/association?q=philatelie');
      await waitForCount(main, 'Aucun enregistrement.');
      assertNoPageProblems(page);
    });

    test('5. des adhérents ajoutés sur place dans l’onglet du sous-formulaire, la clé du parent verrouillée', async () => {
      const parentUrl = await createdRecord();
      const page = await signInAsAgent();
      const { tag } = suite();
      const main = mainOf(page);
      await page.goto(parentUrl);
      await afterHtmxSwap(page, () => main.getByRole('tab', { name: 'Adhérents' }).click());
      const panel = main.getByRole('tabpanel');
      const children = listingTable(panel, /^Liste : Adh[eé]rent$/);
      await panel.getByText('Aucun enregistrement.').waitFor();
      for (const [nom, fonction] of CHILDREN) {
        await afterHtmxSwap(page, () => panel.getByRole('link', { name: /^Ajouter/ }).click());
        await field(panel, 'Nom').fill(nom);
        await field(panel, 'Fonction').fill(fonction);
        // The parent key is shown, not editable.
        assert.match(await panel.innerText(), new RegExp(CREATED), 'le parent est rappelé dans le formulaire');
        for (const control of await panel.locator('[name="association"]').all()) {
          assert.ok(!(await control.isEditable()) || (await control.getAttribute('type')) === 'hidden', 'la clé du parent ne se modifie pas');
        }
        if (nom === CHILDREN[0][0]) await screenshot(page, `parcours-17-sous-formulaire-ajout${tag}`);
        await afterHtmxSwap(page, () => panel.getByRole('button', { name: 'Ajouter l’enregistrement' }).click());
        await children.getByRole('link', { name: nom }).waitFor();
      }
      assert.equal(pathOf(page), parentUrl, 'l’ajout se fait sur place, sans quitter la fiche');
      assert.deepEqual((await firstColumn(children)).sort(collator.compare), CHILDREN.map(([nom]) => nom).sort(collator.compare));
      await screenshot(page, `parcours-18-sous-formulaire${tag}`);
      assertNoPageProblems(page);
    });

    test('6. la suppression d’une association qui a des adhérents est refusée, en français', async () => {
      const parentUrl = await createdRecord();
      const { tag, app } = suite();
      const id = parentUrl.split('/').pop()!;
      const collectivite = await agentCollectivite();
      for (const [nom] of CHILDREN) {
        await app.database.asOwner(`insert into associations.adherent (nom, association, om_collectivite)
          select ${quote(nom)}, ${id}, ${collectivite} where not exists (select 1 from associations.adherent where nom = ${quote(nom)})`);
      }
      const page = await signInAsAgent();
      const main = mainOf(page);
      await page.goto(parentUrl);
      await submit(page, main.getByRole('link', { name: 'Supprimer' }));
      assert.equal(pathOf(page), `${parentUrl}/delete`);
      const confirm = main.getByRole('button', { name: 'Supprimer l’enregistrement' });
      if ((await confirm.count()) > 0) await submit(page, confirm);
      const refusal = await messagesOf(page);
      assert.match(refusal, /Suppression impossible/, `message de refus attendu, reçu : « ${refusal} »`);
      assert.match(refusal, new RegExp(`${CHILDREN.length} enregistrement\\(s\\) lié\\(s\\)`));
      await screenshot(page, `parcours-19-suppression-refusee${tag}`);
      const [still] = await app.database.ownerQuery<{ n: string | number }>(`select count(*) as n from associations.association where association = ${id}`);
      assert.equal(Number(still?.n), 1, 'l’association est toujours là');
      assertNoPageProblems(page);
    });

    test('7. une adresse interdite donne « Droits insuffisants » ; l’enregistrement d’une autre collectivité, 404', async () => {
      const page = await signInAsAgent();
      const { tag, app } = suite();
      for (const forbidden of ['/om/om_utilisateur', '/associations/salle', '/administration/droits']) {
        const response = await page.goto(forbidden);
        assert.equal(response?.status(), 403, `${forbidden} : 403 attendu`);
        await page.getByRole('heading', { level: 1, name: 'Droits insuffisants' }).waitFor();
      }
      await screenshot(page, `parcours-20-droits-insuffisants${tag}`);

      const [foreign] = await app.database.ownerQuery<{ association: number }>(
        `select association from associations.association where nom = '${FOREIGN_RECORD}'`,
      );
      assert.ok(foreign);
      for (const address of [`/associations/association/${foreign.association}`, `/associations/association/${foreign.association}/edit`]) {
        const response = await page.goto(address);
        assert.equal(response?.status(), 404, `${address} (autre collectivité) : 404 attendu`);
        assert.doesNotMatch(await mainOf(page).innerText(), new RegExp(FOREIGN_RECORD));
      }
      await screenshot(page, `parcours-21-autre-collectivite-404${tag}`);
      await page.goto('/associations/association?q=fetes');
      await waitForCount(mainOf(page), 'Aucun enregistrement.');
      assertNoPageProblems(page);
    });

    test('8. l’export CSV de la recherche en cours se relit : « ; », UTF-8 avec BOM, les lignes cherchées', async () => {
      const page = await signInAsAgent();
      const main = mainOf(page);
      await page.goto('/associations/association');
      await afterHtmxSwap(page, () => main.getByRole('searchbox', { name: 'Rechercher' }).fill('club'));
      const clubs = BULK_ASSOCIATIONS.filter((row) => /club/i.test(row.nom));
      await waitForCount(main, `1 - ${clubs.length} enregistrement(s) sur ${clubs.length}`);
      const link = main.getByRole('link', { name: 'Export CSV' });
      assert.match((await link.getAttribute('href')) ?? '', /q=club/, 'le lien exporte la recherche en cours');
      const csv = await downloadCsv(page, link);
      assert.match(csv.fileName, /\.csv$/);
      assert.deepEqual([...csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 avec BOM');
      const [header, ...rows] = csv.rows;
      assert.ok(header && header.length > 1, `en-tête séparé par « ; » attendu : ${csv.text.slice(0, 200)}`);
      const nameColumn = header.indexOf('Nom');
      assert.ok(nameColumn >= 0, `colonne « Nom » attendue : ${header.join(' | ')}`);
      assert.deepEqual(rows.map((row) => row[nameColumn] ?? '').sort(collator.compare), clubs.map((row) => row.nom).sort(collator.compare));
      assert.match(csv.text, /Accordéon club/, 'les accents relus correctement');
      const secteurColumn = header.includes('Secteur (libellé)') ? header.indexOf('Secteur (libellé)') : header.indexOf('Secteur');
      if (secteurColumn >= 0) {
        const secteurs = rows.map((row) => row[secteurColumn] ?? '');
        assert.ok(secteurs.every((secteur) => ['Sport', 'Culture'].includes(secteur)), `le secteur est exporté par son libellé : ${header.join(';')} / ${secteurs.join(', ')}`);
      }
      assertNoPageProblems(page);
    });

    test('9. des données invalides : messages en français à côté des champs et en résumé, saisie gardée', async () => {
      const page = await signInAsAgent();
      const { tag } = suite();
      const main = mainOf(page);
      await page.goto('/associations/association/new');
      await field(main, 'Président ou présidente').fill('Jeanne Lefèvre');
      await field(main, 'Date de création').fill('31/02/2020');
      await field(main, 'Subvention').fill('beaucoup');
      const response = page.waitForResponse((answer) => answer.request().method() === 'POST');
      await submit(page, main.getByRole('button', { name: 'Ajouter l’enregistrement' }));
      assert.ok([400, 422].includes((await response).status()), `statut ${(await response).status()} : 400 ou 422 attendu`);
      assert.equal(pathOf(page), '/associations/association', 'le formulaire est ré-affiché');

      const summary = main.getByRole('alert');
      await summary.first().waitFor();
      const summaryText = await summary.first().innerText();
      assert.match(summaryText, /Le champ « Nom » est obligatoire\./);
      for (const [label, id] of [['Nom', 'nom'], ['Date de création', 'date_creation'], ['Subvention', 'subvention']] as const) {
        const input = field(main, label);
        assert.equal(await input.getAttribute('aria-invalid'), 'true', `${label} : aria-invalid`);
        const describedBy = (await input.getAttribute('aria-describedby')) ?? '';
        const messages = await Promise.all(describedBy.split(/\s+/).filter(Boolean).map((ref) => page.locator(`[id="${ref}"]`).innerText()));
        assert.ok(messages.some((text) => /[«é]|obligatoire|valide|date|nombre/i.test(text)), `${label} : message en français à côté du champ (${messages.join(' / ')})`);
        assert.ok(
          (await summary.first().locator(`a[href="#champ-${id}"]`).count()) > 0 || (await summary.first().getByRole('link', { name: new RegExp(label) }).count()) > 0,
          `${label} : lien du résumé vers le champ`,
        );
      }
      assert.equal(await field(main, 'Président ou présidente').inputValue(), 'Jeanne Lefèvre', 'la saisie est gardée');
      assert.equal(await field(main, 'Date de création').inputValue(), '31/02/2020');
      assert.equal(await field(main, 'Subvention').inputValue(), 'beaucoup');
      await screenshot(page, `parcours-22-erreurs${tag}`);

      // A link of the summary leads to its field.
      await summary.first().getByRole('link').first().click();
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'champ-nom');
      assertNoPageProblems(page);
    });

  },
  JOURNEY_APP,
);
