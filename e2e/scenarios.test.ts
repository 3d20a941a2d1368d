/**
 * Issue 9 §3: what openMairie's users missed when they replayed its own acceptance scenarios, in
 * headless Chromium on both databases. In a sub-form, a saved child comes back as its record in
 * the tab, « Retour » leads to the sub-listing and « Annuler » back to the child; the page choice
 * « Aller » adds one history entry; a refused form shows one error summary; a listing is titled
 * as its menu entry; the dashboard's columns start at the top; the favicon is served. Screenshots
 * go to e2e/screenshots/ (scenarios-*).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { browserSuite, checkAccessibility, screenshot, submit, type Page } from './support/index.ts';
import { ADMIN, ADMIN_PASSWORD, AGENT, JOURNEY_APP, SAVED, createdRecordUrl, ensureAgentWithData, quote, signIn } from './support/journey.ts';
import { afterHtmxSwap, assertNoPageProblems, field, listingTable, mainOf, messagesOf, pathOf } from './support/screens.ts';

const CHILD = 'Lucie Fabre';

browserSuite(
  'scénarios d’openMairie rejoués (issue 9 §3)',
  (suite) => {
    let agentReady: Promise<number> | undefined;
    /** The agent's collectivité, with the journey's associations (put in place once). */
    function agentCollectivite(): Promise<number> {
      agentReady ??= ensureAgentWithData(suite().app.database);
      return agentReady;
    }

    async function signInAsAgent(): Promise<Page> {
      await agentCollectivite();
      return signIn(await suite().openPage(), AGENT.login, AGENT.password);
    }

    test('1. sous-formulaire : l’enfant enregistré revient à sa fiche, « Retour » mène à la liste, « Annuler » à l’enfant', async () => {
      const { app, tag } = suite();
      const collectivite = await agentCollectivite();
      const parentUrl = await createdRecordUrl(app.database, collectivite);
      const parent = parentUrl.split('/').pop();
      await app.database.asOwner(`insert into associations.adherent (nom, fonction, association, om_collectivite)
        select ${quote(CHILD)}, 'Trésorière', ${parent}, ${collectivite} where not exists (select 1 from associations.adherent where nom = ${quote(CHILD)})`);
      const page = await signInAsAgent();
      const main = mainOf(page);
      await page.goto(parentUrl);
      await afterHtmxSwap(page, () => main.getByRole('tab', { name: 'Adhérents' }).click());
      const panel = main.getByRole('tabpanel');
      await afterHtmxSwap(page, () => listingTable(panel, /^Liste : Adh[eé]rent$/).getByRole('link', { name: CHILD }).click());
      const childHeading = panel.getByRole('heading', { name: new RegExp(`^Adhérents : \\d+ ${CHILD}$`) });
      await childHeading.waitFor();

      // Modifier, enregistrer: the child's record in the tab, with the message and « Retour ».
      await afterHtmxSwap(page, () => panel.getByRole('link', { name: 'Modifier', exact: true }).click());
      await field(panel, 'Fonction').fill('Secrétaire');
      await afterHtmxSwap(page, () => panel.getByRole('button', { name: 'Enregistrer les modifications' }).click());
      await childHeading.waitFor();
      assert.match(await panel.getByRole('status').innerText(), SAVED);
      assert.match(await panel.innerText(), /Secrétaire/);
      assert.equal(await panel.getByRole('table').count(), 0, 'la fiche de l’enfant, pas la liste');
      assert.equal(pathOf(page), parentUrl, 'tout se fait dans l’onglet, sans quitter la fiche du parent');
      await screenshot(page, `scenarios-01-enfant-enregistre${tag}`);
      await checkAccessibility(page, `fiche de l’enfant après modification${tag}`);

      // Modifier, then « Annuler »: back to the child's record, nothing changed.
      await afterHtmxSwap(page, () => panel.getByRole('link', { name: 'Modifier', exact: true }).click());
      await field(panel, 'Fonction').fill('Présidente');
      await afterHtmxSwap(page, () => panel.getByRole('link', { name: 'Annuler', exact: true }).click());
      await childHeading.waitFor();
      assert.match(await panel.innerText(), /Secrétaire/);
      assert.doesNotMatch(await panel.innerText(), /Présidente/);

      // « Retour »: the sub-listing.
      await afterHtmxSwap(page, () => panel.getByRole('link', { name: 'Retour', exact: true }).click());
      const children = listingTable(panel, /^Liste : Adh[eé]rent$/);
      await children.getByRole('link', { name: CHILD }).waitFor();
      assert.equal(pathOf(page), parentUrl);
      const [saved] = await app.database.ownerQuery<{ fonction: string }>(`select fonction from associations.adherent where nom = ${quote(CHILD)}`);
      assert.equal(saved?.fonction, 'Secrétaire');
      await checkAccessibility(page, `liste des enfants après « Retour »${tag}`);
      assertNoPageProblems(page);
    });

    test('2. « Aller » à une page de la liste : une seule entrée d’historique', async () => {
      const page = await signInAsAgent();
      const main = mainOf(page);
      await page.goto('/associations/association');
      // Titled as its menu entry (« Associations »), not as its table (« Association »).
      assert.equal((await main.getByRole('heading', { level: 1 }).innerText()).trim(), 'Associations');
      const before = await page.evaluate(() => history.length);
      await main.getByLabel('Page', { exact: true }).selectOption('2');
      await page.waitForTimeout(300);
      assert.equal(await page.evaluate(() => history.length), before, 'choisir la page ne charge encore rien');
      await afterHtmxSwap(page, () => main.getByRole('button', { name: 'Aller', exact: true }).click());
      assert.equal(new URL(page.url()).searchParams.get('page'), '2');
      assert.equal(await page.evaluate(() => history.length), before + 1, '« Aller » ajoute une entrée, pas deux');
      assertNoPageProblems(page);
      // One step back is the first page.
      await page.goBack();
      await page.waitForURL((url) => url.searchParams.get('page') === null);
    });

    test('3. un formulaire refusé : un seul résumé des erreurs', async () => {
      const page = await signInAsAgent();
      const main = mainOf(page);
      await page.goto('/associations/association/new');
      await field(main, 'Subvention').fill('beaucoup');
      await submit(page, main.getByRole('button', { name: 'Ajouter l’enregistrement' }));
      const alerts = page.getByRole('alert');
      assert.equal(await alerts.count(), 1, `une seule boîte d’erreurs : ${await messagesOf(page)}`);
      assert.match(await alerts.innerText(), /Le formulaire contient des erreurs/);
      assert.match(await alerts.innerText(), /Le champ « Nom » est obligatoire\./);
      await checkAccessibility(page, 'formulaire refusé');
      assertNoPageProblems(page);
    });

    test('4. le tableau de bord : les colonnes commencent en haut, large ou étroit ; l’icône du site', async () => {
      const { app, openPage, tag } = suite();
      // Two widgets of different heights, in columns 2 and 3 (column 1 empty), for the administrator.
      await app.database.asOwner(`insert into om.om_widget (libelle, lien, texte, type) values
        ('Court', '', '<p>Une ligne.</p>', 'web'), ('Long', '', '<p>Un.</p><p>Deux.</p><p>Trois.</p><p>Quatre.</p>', 'web')`);
      await app.database.asOwner(`insert into om.om_dashboard (om_profil, bloc, position, om_widget)
        select p.om_profil, case w.libelle when 'Court' then 'C2' else 'C3' end, 1, w.om_widget
          from om.om_profil p, om.om_widget w where p.libelle = 'ADMINISTRATEUR' and w.libelle in ('Court', 'Long')`);
      const page = await openPage();
      const favicon = page.waitForResponse((response) => new URL(response.url()).pathname === '/static/favicon.svg');
      await signIn(page, ADMIN, ADMIN_PASSWORD);
      const icon = await favicon;
      assert.equal(icon.status(), 200);
      assert.equal(icon.headers()['content-type'], 'image/svg+xml');
      for (const width of [1280, 900]) {
        await page.setViewportSize({ width, height: 800 });
        await page.reload();
        const tops = await page.evaluate(() => {
          const grid = document.querySelector('.tableau-de-bord');
          const first = [...document.querySelectorAll('.tableau-de-bord .widget')].map((widget) => widget.getBoundingClientRect().top);
          return { grid: grid ? grid.getBoundingClientRect().top : -1, widgets: first };
        });
        assert.equal(tops.widgets.length, 2, 'les deux widgets sont affichés');
        assert.equal(Math.round(tops.widgets[0] ?? -1), Math.round(tops.grid), `${width} px : le premier widget commence en haut du tableau de bord`);
        if (width === 1280) assert.equal(Math.round(tops.widgets[1] ?? -1), Math.round(tops.grid), 'les colonnes commencent à la même hauteur');
        await screenshot(page, `scenarios-04-tableau-de-bord-${width}${tag}`);
      }
      assertNoPageProblems(page);
    });
  },
  JOURNEY_APP,
);
