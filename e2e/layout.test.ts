/**
 * The page layout in the browser: the header of a niveau-1 user (name and collectivité, no
 * selector), a niveau-2 administrator switching the working collectivité with the header's
 * selector (no script needed), the skip link with the keyboard, axe-core on the home, login,
 * password and 404 pages with the layout; the main menu (keyboard, current entry, narrow
 * screen), the dashboard with a chart drawn by Chart.js, the composer and the global search;
 * a screenshot of each in e2e/screenshots/.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FRAMEWORK_WIDGETS, registerFrameworkWidgets } from '../framework/src/web/dashboard/index.ts';
import type { Registry } from '../framework/src/model/registry.ts';
import { browserSuite, checkAccessibility, focusedElement, login, pageProblems, screenshot, sharedPage, submit, tab, type Page } from './support/index.ts';

const PASSWORD = 'Mot-de-passe-42';
const AGENT = 'agent1';
const AGENT_NAME = 'Paul Agent';
const ADMIN = 'admin2';
const ADMIN_NAME = 'Alice Administratrice';

const path = (page: Page) => new URL(page.url()).pathname;

function assertNoPageProblems(page: Page) {
  assert.deepEqual(pageProblems(page), [], 'la page a signalé des erreurs (console, CSP ou script)');
}

/** The framework's widgets, once per application (the test runtime does not register them). */
function withFrameworkWidgets(registry: Registry) {
  if (!registry.widget(FRAMEWORK_WIDGETS.info)) registerFrameworkWidgets(registry);
}

browserSuite(
  'mise en page commune dans le navigateur',
  (suite) => {
    /**
     * The administrator of the dashboard, menu and search tests: signed in once, those tests go on
     * in the same page (the collectivité test has a session of its own: it changes the session's).
     */
    const adminPage = sharedPage(async () => {
      const page = await suite().openPage();
      await page.goto('/login');
      await login(page, ADMIN, PASSWORD);
      assert.equal(path(page), '/');
      return page;
    });

    test('niveau 1 : l’en-tête montre le nom et la collectivité, sans sélecteur ; pages accessibles', async () => {
      const { openPage, tag } = suite();
      const page = await openPage();

      await page.goto('/login');
      await checkAccessibility(page, 'connexion (mise en page)');
      await login(page, AGENT, PASSWORD);
      assert.equal(path(page), '/');
      const banner = page.getByRole('banner');
      assert.match(await banner.innerText(), new RegExp(AGENT_NAME));
      assert.match(await banner.innerText(), /Collectivité : \S/);
      assert.equal(await banner.locator('select').count(), 0, 'pas de sélecteur de collectivité en niveau 1');
      await assert.doesNotReject(banner.getByRole('link', { name: 'Commun', exact: true }).waitFor());
      await assert.doesNotReject(page.getByRole('navigation', { name: 'Fil d’Ariane' }).waitFor());
      assert.equal(await page.locator('[aria-current="page"]').innerText(), 'Accueil');
      assert.match(await page.getByRole('contentinfo').innerText(), /Commun — version \d/);
      await checkAccessibility(page, 'accueil (mise en page, niveau 1)');
      await screenshot(page, `layout-01-accueil-niveau1${tag}`);

      await submit(page, banner.getByRole('link', { name: 'Mot de passe', exact: true }));
      assert.equal(path(page), '/password');
      await checkAccessibility(page, 'mot de passe (mise en page)');
      await screenshot(page, `layout-02-mot-de-passe${tag}`);

      const missing = await page.goto('/cette/page/nexiste/pas');
      assert.equal(missing?.status(), 404);
      assert.match(await page.getByRole('banner').innerText(), new RegExp(AGENT_NAME), 'la page 404 garde l’en-tête de l’utilisateur');
      await checkAccessibility(page, 'page introuvable (mise en page)');
      await screenshot(page, `layout-03-page-introuvable${tag}`);
      assertNoPageProblems(page);
    });

    test('niveau 2 : le sélecteur de l’en-tête change la collectivité de travail', async () => {
      const { openPage, tag } = suite();
      const page = await openPage();
      await page.goto('/login');
      await login(page, ADMIN, PASSWORD);
      assert.equal(path(page), '/');

      const select = page.getByRole('banner').getByLabel('Collectivité de travail');
      const selected = () => select.evaluate((element) => {
        const box = element as HTMLSelectElement;
        return box.options[box.selectedIndex]?.text ?? '';
      });
      const before = await selected();
      const options = await select.locator('option').allInnerTexts();
      assert.ok(options.length >= 2, `au moins deux collectivités attendues : ${options.join(', ')}`);
      const other = options.find((option) => option !== before);
      assert.ok(other);
      await checkAccessibility(page, 'accueil (mise en page, niveau 2)');
      await screenshot(page, `layout-04-accueil-niveau2${tag}`);

      await select.selectOption({ label: other });
      await submit(page, page.getByRole('banner').getByRole('button', { name: 'Choisir' }));
      assert.equal(path(page), '/', 'retour à la page d’où venait le formulaire');
      assert.equal(await selected(), other, 'l’en-tête montre la nouvelle collectivité de travail');
      await screenshot(page, `layout-05-collectivite-changee${tag}`);
      assertNoPageProblems(page);
    });

    test('tableau de bord : widgets en colonnes, graphique dessiné par Chart.js avec ses données en tableau', async () => {
      const { tag, app } = suite();
      withFrameworkWidgets(app.runtime.registry);
      const page = await adminPage();
      if (path(page) !== '/') await page.goto('/');
      const main = page.getByRole('main');
      for (const title of ['Mes informations', 'Modifications des 7 derniers jours', 'Activité récente', 'Bienvenue']) {
        await assert.doesNotReject(main.getByRole('heading', { level: 2, name: title }).waitFor(), title);
      }
      assert.match(await main.innerText(), /Identifiant : admin2/);

      const canvas = page.getByRole('img', { name: /Nombre de modifications enregistrées chaque jour/ });
      await assert.doesNotReject(canvas.waitFor());
      await page.waitForFunction(() => document.querySelector('canvas[data-graphique]')?.getAttribute('data-dessine') === 'oui');
      const drawn = await canvas.evaluate((element) => {
        const chart = element as HTMLCanvasElement;
        const pixels = chart.getContext('2d')?.getImageData(0, 0, chart.width, chart.height).data ?? new Uint8ClampedArray();
        let painted = 0;
        for (let index = 3; index < pixels.length; index += 4) if ((pixels[index] ?? 0) > 0) painted += 1;
        return { painted, width: chart.width, height: chart.height };
      });
      assert.ok(drawn.width > 100 && drawn.height > 100, `taille du graphique : ${JSON.stringify(drawn)}`);
      assert.ok(drawn.painted > 500, `le graphique n’est pas dessiné : ${JSON.stringify(drawn)}`);

      // The text alternative: the same data in a table, unfolded from the keyboard.
      const summary = page.getByText('Données du graphique');
      await summary.focus();
      await page.keyboard.press('Enter');
      const table = page.getByRole('table', { name: /Nombre de modifications/ });
      await assert.doesNotReject(table.waitFor());
      assert.equal(await table.getByRole('row').count(), 8, 'une ligne d’en-tête et sept jours');
      await checkAccessibility(page, 'tableau de bord');
      await screenshot(page, `layout-06-tableau-de-bord${tag}`);
      assertNoPageProblems(page);
    });

    test('menu : rubriques au clavier, entrée courante, composition du tableau de bord, écran étroit', async () => {
      const { tag, app } = suite();
      withFrameworkWidgets(app.runtime.registry);
      const page = await adminPage();
      const menu = page.getByRole('navigation', { name: 'Menu principal' });
      await assert.doesNotReject(menu.waitFor());
      const administration = menu.locator('summary', { hasText: 'Administration' });
      const composerLink = menu.getByRole('link', { name: 'Composition des tableaux de bord' });
      if (!(await composerLink.isVisible())) {
        await administration.focus();
        assert.ok((await focusedElement(page)).visibleIndicator, 'le focus se voit sur la rubrique');
        await page.keyboard.press('Enter');
      }
      await assert.doesNotReject(composerLink.waitFor({ state: 'visible' }));
      await composerLink.focus();
      const loaded = page.waitForEvent('load');
      await page.keyboard.press('Enter');
      await loaded;
      assert.equal(path(page), '/administration/tableau-de-bord');
      assert.equal(await menu.locator('[aria-current="page"]').innerText(), 'Composition des tableaux de bord');
      await assert.doesNotReject(page.getByRole('heading', { level: 1, name: 'Composition des tableaux de bord' }).waitFor());
      await checkAccessibility(page, 'composition du tableau de bord');

      // Move « Mes informations » down with the keyboard; the success message is announced.
      const bienvenue = page.getByRole('button', { name: 'Descendre « Mes informations »' });
      await bienvenue.focus();
      const moved = page.waitForEvent('load');
      await page.keyboard.press('Enter');
      await moved;
      assert.match(await page.getByRole('status').first().innerText(), /Le widget « Mes informations » a été déplacé\./);
      await screenshot(page, `layout-07-composition${tag}`);

      // Narrow screen: the menu folds behind its button.
      await page.setViewportSize({ width: 390, height: 800 });
      const toggle = menu.getByRole('button', { name: 'Menu' });
      await assert.doesNotReject(toggle.waitFor({ state: 'visible' }));
      assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
      assert.equal(await menu.locator('summary').first().isVisible(), false, 'menu replié');
      await toggle.click();
      assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
      assert.equal(await menu.locator('summary').first().isVisible(), true, 'menu déplié');
      await checkAccessibility(page, 'composition du tableau de bord (écran étroit)');
      await screenshot(page, `layout-08-menu-ecran-etroit${tag}`);
      assertNoPageProblems(page);
      await page.setViewportSize({ width: 1280, height: 800 });
    });

    test('recherche globale depuis l’en-tête : résultats groupés, accents ignorés', async () => {
      const { tag } = suite();
      const page = await adminPage();
      const box = page.getByRole('search').getByLabel('Rechercher dans l’application');
      await box.fill('administratrice');
      const loaded = page.waitForEvent('load');
      await box.press('Enter');
      await loaded;
      assert.equal(path(page), '/recherche');
      await assert.doesNotReject(page.getByRole('heading', { level: 1, name: 'Recherche' }).waitFor());
      const group = page.getByRole('region', { name: /^Utilisateur/ });
      await assert.doesNotReject(group.waitFor());
      assert.match(await group.innerText(), new RegExp(ADMIN_NAME));
      assert.equal(await box.inputValue(), 'administratrice', 'la zone garde la recherche');
      await checkAccessibility(page, 'recherche globale');
      await screenshot(page, `layout-09-recherche${tag}`);
      await submit(page, group.getByRole('link', { name: /Voir tous les résultats/ }));
      assert.equal(new URL(page.url()).search, '?q=administratrice');
      assertNoPageProblems(page);
    });

    test('au clavier : le premier Tab atteint le lien d’évitement, Entrée mène au contenu', async () => {
      const { openPage } = suite();
      const page = await openPage();
      await page.goto('/login');
      const first = await tab(page);
      assert.equal(first.name, 'Aller au contenu');
      assert.ok(first.visibleIndicator, `indicateur de focus invisible sur le lien d’évitement : ${JSON.stringify(first)}`);
      assert.ok(await page.locator('.lien-evitement').isVisible(), 'le lien d’évitement apparaît quand il a le focus');
      await page.keyboard.press('Enter');
      const focused = await focusedElement(page);
      assert.equal(focused.id, 'contenu', 'Entrée sur le lien d’évitement doit mettre le focus sur le contenu principal');
      // The next Tab goes to the first field of the content, past the header.
      assert.equal((await tab(page)).id, 'login');
      assertNoPageProblems(page);
    });
  },
  {
    users: [
      { login: AGENT, password: PASSWORD, profil: 'UTILISATEUR', collectivite: 1 },
      { login: ADMIN, password: PASSWORD, profil: 'ADMINISTRATEUR', collectivite: 2 },
    ],
    setup: async (database) => {
      await database.asOwner(`update om.om_utilisateur set nom = '${AGENT_NAME}' where login = '${AGENT}'`);
      await database.asOwner(`update om.om_utilisateur set nom = '${ADMIN_NAME}' where login = '${ADMIN}'`);
      // The administrators' dashboard: the framework's widgets and a text, one per column.
      await database.asOwner(`
        insert into om.om_widget (libelle, type, lien, texte) values
          ('Mes informations', 'file', '${FRAMEWORK_WIDGETS.info}', ''),
          ('Modifications des 7 derniers jours', 'file', '${FRAMEWORK_WIDGETS.changes}', ''),
          ('Activité récente', 'file', '${FRAMEWORK_WIDGETS.activity}', ''),
          ('Bienvenue', 'web', '/administration/tableau-de-bord', '<p>Bienvenue dans <strong>Commun</strong>.</p>');
        insert into om.om_dashboard (om_profil, bloc, position, om_widget)
          select 1, case libelle when 'Modifications des 7 derniers jours' then 'C2' when 'Activité récente' then 'C3' else 'C1' end,
                 case libelle when 'Bienvenue' then 2 else 1 end, om_widget
            from om.om_widget;
        insert into om.om_audit (login, application, objet, cle, action) values ('admin2', 'om', 'om_profil', '1', 'update');`);
    },
  },
);
