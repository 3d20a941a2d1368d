/**
 * The documents and the dashboard of « Élections » in Chromium (issue 11 points 6–8): every
 * document shipped, printed by following the links an agent sees, its PDF text read back — from
 * their record's « Documents à imprimer », the émargement and the liste électorale of a bureau, a
 * card and an attestation, the liste électorale of the commune and the préfecture's statistics (a
 * liste's page), the tableau des inscriptions et radiations (a scrutin's page); from the listing of
 * the electors of a bureau (advanced search), the cards (« Imprimer ») and the propaganda labels
 * (« Étiquettes »); the émargement of the whole commune prepared as a job and watched in « Mes
 * traitements »; the dashboard with its widgets and its search box. axe-core on each page.
 * The agent signs in once; the tests share that page (a new browser context, its first page load
 * and a sign-in cost more than most steps; the PDFs are fetched by requests, not in the tab).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { elections } from '../apps/elections/src/index.ts';
import { DOCUMENTS_DATA_SQL } from '../apps/elections/test/documents-data.ts';
import { AUTREVILLE_SQL } from '../apps/elections/test/support.ts';
import { readMigrations } from '../framework/src/db/index.ts';
import { pdfPages } from '../framework/test/support/pdf-text.ts';
import { field, mainOf } from './support/screens.ts';
import { browserSuite, checkAccessibility, login, sharedPage, submit, type Locator, type Page } from './support/index.ts';

const PASSWORD = 'Documents-Electoraux-2026';
const MIGRATIONS = readMigrations(elections.migrations).map((migration) => migration.text);

const flat = (text: string) => text.replace(/\s+/g, ' ');

browserSuite(
  'élections : documents et tableau de bord',
  (suite) => {
    const keyOf = async (query: string): Promise<number> => {
      const [row] = await suite().app.database.ownerQuery<{ key: number }>(query);
      return Number(row?.key ?? assert.fail(query));
    };
    /** The agent's page, signed in by the first test that needs it and shared by the others. */
    const signIn = sharedPage(async () => {
      const page = await suite().openPage();
      await login(page, 'agent', PASSWORD);
      return page;
    });
    /** Follows a « Documents à imprimer » link of the record's page and reads the PDF back. */
    const printed = async (page: Page, name: string): Promise<string> => {
      const link = mainOf(page).getByRole('link', { name }); // « État : <libellé> (PDF) »
      await link.waitFor();
      const response = await page.request.get((await link.getAttribute('href')) ?? '');
      assert.equal(response.status(), 200, name);
      assert.equal(response.headers()['content-type'], 'application/pdf');
      return flat((await pdfPages(new Uint8Array(await response.body()))).join('\n'));
    };

    test('l’émargement d’un bureau, la carte et l’attestation d’un électeur, depuis leur fiche', async () => {
      const page = await signIn();
      await page.goto(`/elections/bureau/${await keyOf(`select bureau as key from elections.bureau where code = 'B01' and om_collectivite = 1`)}`);
      const emargement = await printed(page, 'Liste d’émargement du bureau');
      await checkAccessibility(page, 'fiche d’un bureau avec ses documents');
      assert.match(emargement, /Liste d’émargement/);
      assert.match(emargement, /Mentions Émargement/);
      assert.match(emargement, /DUPONT .* MARTIN .* ZOLA/);

      await page.goto(`/elections/electeur/${await keyOf(`select electeur as key from elections.electeur where nom = 'DUPONT'`)}`);
      const carte = await printed(page, 'Carte électorale');
      assert.match(carte, /Carte électorale/);
      assert.match(carte, /DUPONT Jean/);
      assert.match(carte, /Bureau de vote : B01 École Jules Ferry/);
      const attestation = await printed(page, 'Attestation d’inscription sur la liste électorale');
      assert.match(attestation, /M\. DUPONT Jean/);
      assert.match(attestation, /est inscrit\(e\) sur la Liste principale/);
      await checkAccessibility(page, 'fiche d’un électeur avec ses documents');
    });

    test('la liste électorale d’un bureau, celle de la commune et les statistiques de la préfecture, depuis leur fiche', async () => {
      const page = await signIn();
      await page.goto(`/elections/bureau/${await keyOf(`select bureau as key from elections.bureau where code = 'B01' and om_collectivite = 1`)}`);
      const bureau = await printed(page, 'Liste électorale du bureau');
      assert.match(bureau, /Liste électorale/);
      assert.match(bureau, /Libreville — bureau B01 École Jules Ferry/);
      assert.match(bureau, /Électeurs inscrits : 4/);
      assert.match(bureau, /1 LP ZOLA Émile 02\/04\/1950 à Madrid, Espagne 3 RUE DES LILAS/);
      assert.match(bureau, /1 LCE GARCIA Maria/);
      assert.doesNotMatch(bureau, /BERNARD/);

      await page.goto('/elections/liste/LP');
      const commune = await printed(page, 'Liste électorale de la commune');
      await checkAccessibility(page, 'fiche d’une liste avec ses documents');
      assert.match(commune, /Liste électorale de Libreville/);
      assert.match(commune, /Liste principale/);
      assert.match(commune, /Électeurs inscrits : 4/);
      assert.match(commune, /BERNARD Luc .* B02/);
      assert.doesNotMatch(commune, /AUTRE Albert/);

      const statistiques = await printed(page, 'Statistiques de la liste (préfecture)');
      assert.match(statistiques, /Statistiques de la liste électorale/);
      assert.match(statistiques, /Électeurs par bureau de vote Bureau Hommes Femmes Total B01 École Jules Ferry 2 1 3 B02 Mairie 1 0 1 Total 3 1 4/);
      assert.match(statistiques, /Électeurs par sexe Sexe Électeurs Hommes 3 Femmes 1 Total 4/);
      assert.match(statistiques, /Électeurs par voie Voie Hommes Femmes Total .*RUE DES LILAS 3 1 4/);
    });

    test('le tableau des inscriptions et radiations, depuis la fiche d’un scrutin', async () => {
      const page = await signIn();
      await page.goto(`/elections/scrutin/${await keyOf(`select scrutin as key from elections.scrutin where libelle = 'Municipales 2027'`)}`);
      const tableau = await printed(page, 'Tableau des inscriptions et radiations');
      await checkAccessibility(page, 'fiche d’un scrutin avec ses documents');
      assert.match(tableau, /Tableau des inscriptions et radiations/);
      assert.match(tableau, /Libreville — Municipales 2027/);
      assert.match(tableau, /Inscriptions Liste Motif Nom, prénoms Né\(e\) le Décision LP Inscription d’office NOUVEAU Paul 01\/01\/2008 01\/10\/2026/);
      assert.match(tableau, /Radiations Liste Motif Nom, prénoms Né\(e\) le Décision LP Décès ANCIEN Pierre 03\/03\/1930 05\/11\/2026/);
      assert.doesNotMatch(tableau, /TROPTOT|ENCOURS/, 'before the previous commission, or not decided');
    });

    test('les cartes électorales et les étiquettes de propagande des électeurs d’un bureau, depuis la liste des électeurs', async () => {
      const page = await signIn();
      const main = mainOf(page);
      await page.goto('/elections/electeur');
      await submit(page, main.getByRole('link', { name: 'Recherche avancée' }));
      const bureau = field(main, 'Bureau de vote');
      const b01 = (await bureau.locator('option', { hasText: 'Jules Ferry' }).getAttribute('value')) ?? assert.fail('option B01');
      await bureau.selectOption(b01);
      await main.getByRole('button', { name: 'Rechercher' }).click(); // the listing answers in place (htmx)
      await main.getByText('BERNARD').first().waitFor({ state: 'detached' });
      await main.getByText('DUPONT').first().waitFor();
      const cards = main.getByRole('link', { name: 'Imprimer « Carte électorale »' });
      const labels = main.getByRole('link', { name: 'Étiquettes « Étiquettes de propagande »' });
      const searched = (link: Locator) => link.and(main.locator(`a[href*="${encodeURIComponent(`filter[bureau]`)}=${b01}"], a[href*="filter[bureau]=${b01}"]`));
      await searched(cards).waitFor();
      await searched(labels).waitFor();
      await checkAccessibility(page, 'électeurs d’un bureau avec « Imprimer » et « Étiquettes »');
      const pdfOf = async (link: Locator, name: string): Promise<string[]> => {
        const href = (await link.getAttribute('href')) ?? assert.fail(name);
        const response = await page.request.get(href);
        assert.equal(response.status(), 200, name);
        assert.equal(response.headers()['content-type'], 'application/pdf', name);
        return (await pdfPages(new Uint8Array(await response.body()))).map(flat);
      };
      const cartes = await pdfOf(cards, 'cartes électorales');
      assert.equal(cartes.length, 4, 'one card per elector of B01');
      for (const carte of cartes) {
        assert.match(carte, /Carte électorale/);
        assert.match(carte, /Bureau de vote : B01 École Jules Ferry/);
      }
      assert.match(cartes.join(' '), /DUPONT Jean .* MARTIN Anne|MARTIN Anne .* DUPONT Jean/s);
      assert.doesNotMatch(cartes.join(' '), /BERNARD/);

      const etiquettes = flat((await pdfOf(labels, 'étiquettes de propagande')).join('\n'));
      assert.match(etiquettes, /M\. DUPONT Jean/);
      assert.match(etiquettes, /Mme MARTIN Anne/);
      assert.match(etiquettes, /RUE DES LILAS/);
      assert.doesNotMatch(etiquettes, /BERNARD/);
    });

    test('l’émargement de toute la commune part en traitement, suivi dans « Mes traitements »', async () => {
      const page = await signIn();
      await page.goto('/elections/bureau');
      const print = page.getByRole('link', { name: 'Imprimer « Liste d’émargement du bureau »' });
      await print.waitFor();
      await checkAccessibility(page, 'liste des bureaux avec « Imprimer »');
      await submit(page, print);
      await page.getByText('elle est toujours préparée en arrière-plan').waitFor();
      await checkAccessibility(page, 'émargement proposé en traitement');
      await submit(page, page.getByRole('button', { name: 'Lancer l’impression' }));
      assert.equal(new URL(page.url()).pathname, '/traitements');
      const row = page.getByRole('row', { name: /Impression « Liste d’émargement du bureau »/ });
      await row.getByText('Terminé').waitFor({ timeout: 60_000 });
      await page.reload();
      const download = page.getByRole('link', { name: /Télécharger impression-emargement\.pdf/ });
      await download.waitFor();
      await checkAccessibility(page, 'Mes traitements, émargement terminé');
      const response = await page.request.get((await download.getAttribute('href')) ?? '');
      assert.equal(response.status(), 200);
      const text = flat((await pdfPages(new Uint8Array(await response.body()))).join('\n'));
      assert.match(text, /bureau B01 École Jules Ferry/);
      assert.match(text, /bureau B02 Mairie/);
      assert.match(text, /BERNARD Luc/);
    });

    test('le tableau de bord : tâches en cours, électeurs par liste, par bureau, par commune, recherche', async () => {
      const page = await signIn();
      await page.goto('/');
      const main = mainOf(page);
      await main.getByRole('heading', { name: 'Élections : tâches en cours' }).waitFor();
      await main.getByRole('link', { name: 'Inscriptions d’office à valider' }).waitFor();
      await main.getByRole('heading', { name: 'Élections : électeurs par liste' }).waitFor();
      await main.getByRole('heading', { name: 'Élections : électeurs par bureau' }).waitFor();
      await main.getByRole('heading', { name: 'Élections : électeurs par commune' }).waitFor();
      await checkAccessibility(page, 'tableau de bord des élections');
      await main.getByLabel('Nom, prénoms ou INE').fill('MARTIN');
      await submit(page, main.getByRole('button', { name: 'Rechercher' }));
      assert.equal(new URL(page.url()).pathname, '/elections/electeur');
      await mainOf(page).getByText('MARTIN').first().waitFor();
      assert.equal(await mainOf(page).getByText('ZOLA').count(), 0);
      await checkAccessibility(page, 'recherche d’un électeur depuis le tableau de bord');
    });
  },
  {
    users: [{ login: 'agent', password: PASSWORD, profil: 'UTILISATEUR', collectivite: 1 }],
    postgis: true,
    setup: async (database) => {
      for (const migration of MIGRATIONS) await database.asOwner(migration, 'elections');
      await database.asOwner(AUTREVILLE_SQL);
      await database.asOwner(DOCUMENTS_DATA_SQL);
    },
    register: (registry) => {
      elections.register(registry);
      registry.linkIncomingReferences();
    },
  },
);
