/**
 * The page layout in the browser: the header of a niveau-1 user (name and collectivité, no
 * selector), a niveau-2 administrator switching the working collectivité with the header's
 * selector (no script needed), the skip link with the keyboard, axe-core on the home, login,
 * password and 404 pages with the layout; a screenshot of each in e2e/screenshots/.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { browserSuite, checkAccessibility, focusedElement, login, pageProblems, screenshot, submit, tab, type Page } from './support/index.ts';

const PASSWORD = 'Mot-de-passe-42';
const AGENT = 'agent1';
const AGENT_NAME = 'Paul Agent';
const ADMIN = 'admin2';
const ADMIN_NAME = 'Alice Administratrice';

const path = (page: Page) => new URL(page.url()).pathname;

function assertNoPageProblems(page: Page) {
  assert.deepEqual(pageProblems(page), [], 'la page a signalé des erreurs (console, CSP ou script)');
}

browserSuite(
  'mise en page commune dans le navigateur',
  (suite) => {
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
      assert.match(await page.getByRole('main').innerText(), new RegExp(`collectivité ${other}`));
      await screenshot(page, `layout-05-collectivite-changee${tag}`);
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
    },
  },
);
