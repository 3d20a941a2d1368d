/**
 * The documents and the dashboard of « Élections » in Chromium (issue 11 points 6–8): the
 * émargement of a bureau, a card and an attestation printed from their record's page (PDF text read
 * back); the émargement of the whole commune prepared as a job and watched in « Mes traitements »;
 * the dashboard with its widgets and its search box. axe-core on each page.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { elections } from '../apps/elections/src/index.ts';
import { DOCUMENTS_DATA_SQL } from '../apps/elections/test/documents-data.ts';
import { AUTREVILLE_SQL } from '../apps/elections/test/support.ts';
import { readMigrations } from '../framework/src/db/index.ts';
import { pdfPages } from '../framework/test/support/pdf-text.ts';
import { mainOf } from './support/screens.ts';
import { browserSuite, checkAccessibility, login, submit, type Page } from './support/index.ts';

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
    const signIn = async (): Promise<Page> => {
      const page = await suite().openPage();
      await login(page, 'agent', PASSWORD);
      return page;
    };
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
