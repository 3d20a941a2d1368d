/**
 * The découpage of « Élections » in Chromium (issue 11 §2): the control page reached from the menu
 * (Paramétrage › Découpage), the BAL import, the redécoupage simulation and its application
 * (« Appliquer »: BR movements, the electors moved, nothing more the second time). axe-core on each page.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { elections } from '../apps/elections/src/index.ts';
import { DECOUPAGE_SQL, SEQUENCES_SQL } from '../apps/elections/test/decoupage-fixture.ts';
import { AUTREVILLE_SQL } from '../apps/elections/test/support.ts';
import { readMigrations } from '../framework/src/db/index.ts';
import { browserSuite, checkAccessibility, login, submit } from './support/index.ts';

const PASSWORD = 'Decoupage-Electoral-2026';
const MIGRATIONS = readMigrations(elections.migrations).map((migration) => migration.text);

browserSuite(
  'élections : contrôle du découpage et redécoupage',
  (suite) => {
    test('le contrôle du découpage, depuis le menu', async () => {
      const page = await suite().openPage();
      await login(page, 'chef', PASSWORD);
      await page.goto('/elections/decoupage-controle');
      await page.getByRole('heading', { level: 1, name: 'Contrôle du découpage' }).waitFor();
      const anomalies = page.getByRole('table', { name: /dont le découpage est à revoir/ });
      await anomalies.getByRole('row', { name: /Rue B \(V2\)/ }).getByText('Le numéro impair 23 de la voie « Rue B » n’est attribué à aucun bureau.').waitFor();
      await page.getByRole('table', { name: '2 voies ne sont rattachées à aucun bureau' }).getByRole('link', { name: 'Impasse C' }).waitFor();
      await page.getByRole('table', { name: '2 électeurs dont l’adresse n’est couverte par aucune plage' }).waitFor();
      await checkAccessibility(page, 'contrôle du découpage');
      assert.equal(await page.locator('a[href="/elections/decoupage-controle"]').count() > 0, true, 'an entry of the menu');
    });

    test('l’import des voies d’une BAL', async () => {
      const page = await suite().openPage();
      await login(page, 'chef', PASSWORD);
      await page.goto('/elections/voies-bal');
      await checkAccessibility(page, 'import BAL, formulaire');
      await page.getByLabel('Fichier BAL (CSV) *').setInputFiles({
        name: 'bal-invalide.csv',
        mimeType: 'text/csv',
        buffer: readFileSync(new URL('../apps/elections/test/fixtures/bal-invalide.csv', import.meta.url)),
      });
      await submit(page, page.getByRole('button', { name: 'Importer les voies' }));
      await page.getByText('Ligne 3 : Le champ voie_nom ne doit pas être vide (colonne « voie_nom »).').waitFor();
      await checkAccessibility(page, 'import BAL refusé');
      await page.getByLabel('Fichier BAL (CSV) *').setInputFiles({
        name: 'bal-valide.csv',
        mimeType: 'text/csv',
        buffer: readFileSync(new URL('../apps/elections/test/fixtures/bal-valide.csv', import.meta.url)),
      });
      await page.getByLabel('Code postal des voies créées').fill('31000');
      await submit(page, page.getByRole('button', { name: 'Importer les voies' }));
      await page.getByRole('table', { name: 'Voies créées' }).getByRole('row', { name: /Allée des Tilleuls/ }).waitFor();
      await checkAccessibility(page, 'import BAL réussi');
    });

    test('la simulation du redécoupage et son application', async () => {
      const page = await suite().openPage();
      await login(page, 'chef', PASSWORD);
      await page.goto('/elections/redecoupage');
      await page.getByText('6 électeur(s) ; 2 à changer de bureau ; 1 en bureau forcé (16,7 %) ; 2 hors découpage.').waitFor();
      const b2 = page.getByRole('row', { name: /B2 École/ });
      assert.deepEqual(await b2.getByRole('cell').allTextContents(), ['1', '0', '3', '2', '0']);
      await checkAccessibility(page, 'simulation du redécoupage');

      await submit(page, page.getByRole('button', { name: 'Appliquer' }));
      assert.equal(new URL(page.url()).pathname, '/elections/redecoupage');
      await page.getByText('2 électeur(s) ont changé de bureau : 2 mouvement(s) « BR » créé(s) et acceptés.').waitFor();
      await page.getByText('6 électeur(s) ; 0 à changer de bureau').waitFor();
      await checkAccessibility(page, 'redécoupage appliqué');
      const moved = await suite().app.database.ownerQuery<{ n: number }>(`select count(*)::integer as n from elections.mouvement where type_mouvement = 'BR' and etat = 'accepte'`);
      assert.equal(Number(moved[0]?.n), 2);
      const bureaux = await suite().app.database.ownerQuery<{ bureau: number }>(`select bureau from elections.electeur where electeur in (2, 6) order by electeur`);
      assert.deepEqual(bureaux.map((row) => Number(row.bureau)), [2, 2]);
    });
  },
  {
    users: [{ login: 'chef', password: PASSWORD, profil: 'SUPER UTILISATEUR', collectivite: 1 }],
    grants: { 'SUPER UTILISATEUR': ['elections.decoupage_controle', 'elections.voie_import_bal', 'elections.redecoupage', 'elections.redecoupage_appliquer'] },
    postgis: true,
    setup: async (database) => {
      for (const migration of MIGRATIONS) await database.asOwner(migration, 'elections');
      await database.asOwner(AUTREVILLE_SQL);
      await database.asOwner(DECOUPAGE_SQL + SEQUENCES_SQL);
    },
    register: (registry) => {
      elections.register(registry);
      registry.linkIncomingReferences();
    },
  },
);
