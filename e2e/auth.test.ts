/**
 * Authentication as a user goes through it, in headless Chromium against the real application:
 * redirection to the login form, a refused password, signing in, changing one's password,
 * signing out and in again, the 404 page, the keyboard on the login form; axe-core on every page
 * (no serious or critical WCAG 2.1 AA violation) and a screenshot of each in e2e/screenshots/.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { browserSuite, checkAccessibility, login, pageProblems, screenshot, submit, tab, type Page } from './support/index.ts';

const LOGIN = 'mdupont';
const NAME = 'Marie Dupont';
const PASSWORD = 'Mot-de-passe-42';
const NEW_PASSWORD = 'Nouveau-secret-2026';
/** A second user, who forgot their password. */
const RESET_LOGIN = 'jmartin';
/** A third user, who follows an address that does not exist. */
const LOST_LOGIN = 'pdurand';

const path = (page: Page) => new URL(page.url()).pathname;

/** Polls until `probe` returns something (5 s at most). */
async function waitFor<T>(probe: () => T | undefined, timeoutMs = 5000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > end) assert.fail(`toujours rien après ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Neither a script error nor a Content-Security-Policy refusal in the page. */
function assertNoPageProblems(page: Page) {
  assert.deepEqual(pageProblems(page), [], 'la page a signalé des erreurs (console, CSP ou script)');
}

browserSuite(
  'parcours de connexion dans le navigateur',
  (suite) => {
    test('un visiteur est envoyé vers la connexion ; un mauvais mot de passe est refusé, l’identifiant gardé', async () => {
      const { openPage, tag } = suite();
      const page = await openPage();

      const first = await page.goto('/');
      assert.equal(first?.status(), 200);
      assert.equal(path(page), '/login');
      assert.match(await page.title(), /^Connexion . Commun$/);
      await assert.doesNotReject(page.getByRole('heading', { level: 1, name: 'Connexion' }).waitFor());
      await checkAccessibility(page, 'connexion');
      await screenshot(page, `auth-01-connexion${tag}`);

      await page.getByLabel('Identifiant', { exact: true }).fill(LOGIN);
      await page.getByLabel('Mot de passe', { exact: true }).fill('pas-le-bon-mot-de-passe');
      await submit(page, page.getByRole('button', { name: 'Se connecter' }));
      assert.equal(path(page), '/login');
      const alert = page.getByRole('alert');
      assert.match(await alert.innerText(), /Identifiant ou mot de passe incorrect\./);
      assert.equal(await page.getByLabel('Identifiant', { exact: true }).inputValue(), LOGIN);
      assert.equal(await page.getByLabel('Mot de passe', { exact: true }).inputValue(), '');
      // The message is tied to the field it concerns.
      const describedBy = await page.getByLabel('Identifiant', { exact: true }).getAttribute('aria-describedby');
      assert.ok(describedBy, 'le champ Identifiant doit pointer vers le message d’erreur');
      assert.match(await page.locator(`[id="${describedBy}"]`).innerText(), /incorrect/);
      await checkAccessibility(page, 'connexion avec erreur');
      await screenshot(page, `auth-02-connexion-erreur${tag}`);
      assertNoPageProblems(page);
    });

    test('au clavier : Tab mène à l’identifiant, au mot de passe puis au bouton, avec un indicateur de focus visible', async () => {
      const { openPage } = suite();
      const page = await openPage();
      await page.goto('/login');

      // The layout comes first: the skip link, then the application's name (link to the home page).
      const onSkip = await tab(page);
      assert.equal(onSkip.name, 'Aller au contenu', 'le premier Tab doit mener au lien d’évitement');
      const onHome = await tab(page);
      assert.equal(onHome.name, 'Commun');
      const onLogin = await tab(page);
      assert.equal(onLogin.id, 'login', 'après l’en-tête, Tab doit mener au champ Identifiant');
      assert.ok(onLogin.visibleIndicator, `indicateur de focus invisible sur Identifiant : ${JSON.stringify(onLogin)}`);
      await page.keyboard.type(LOGIN);

      const onPassword = await tab(page);
      assert.equal(onPassword.id, 'password', 'le deuxième Tab doit mener au champ Mot de passe');
      assert.ok(onPassword.visibleIndicator, `indicateur de focus invisible sur Mot de passe : ${JSON.stringify(onPassword)}`);
      await page.keyboard.type(PASSWORD);

      const onButton = await tab(page);
      assert.equal(onButton.tag, 'button', 'le troisième Tab doit mener au bouton Se connecter');
      assert.equal(onButton.name, 'Se connecter');
      assert.ok(onButton.visibleIndicator, `indicateur de focus invisible sur le bouton : ${JSON.stringify(onButton)}`);

      // Entrée sur le bouton envoie le formulaire : connexion sans souris.
      const loaded = page.waitForEvent('load');
      await page.keyboard.press('Enter');
      await loaded;
      assert.equal(path(page), '/');
      assertNoPageProblems(page);
    });

    test('connexion, accueil, changement du mot de passe, déconnexion, reconnexion avec le nouveau', async () => {
      const { openPage, tag } = suite();
      const page = await openPage();

      await page.goto('/');
      await login(page, LOGIN, PASSWORD);
      assert.equal(path(page), '/');
      assert.match(await page.title(), /^Accueil . Commun$/);
      await assert.doesNotReject(page.getByRole('heading', { level: 1, name: 'Accueil' }).waitFor());
      assert.match(await page.locator('body').innerText(), new RegExp(NAME));
      assert.match(await page.locator('body').innerText(), /Votre session est maintenant ouverte\./, 'la connexion est confirmée');
      await checkAccessibility(page, 'accueil');
      await screenshot(page, `auth-03-accueil${tag}`);

      await submit(page, page.getByRole('banner').getByRole('link', { name: 'Mot de passe', exact: true }));
      assert.equal(path(page), '/password');
      await checkAccessibility(page, 'changement du mot de passe');
      await screenshot(page, `auth-04-mot-de-passe${tag}`);

      const current = page.getByLabel('Mot de passe actuel', { exact: true });
      const next = page.getByLabel('Nouveau mot de passe', { exact: true });
      const confirmation = page.getByLabel('Confirmation du nouveau mot de passe', { exact: true });
      const change = page.getByRole('button', { name: 'Changer le mot de passe' });

      // Wrong current password.
      await current.fill('pas-le-bon-mot-de-passe');
      await next.fill(NEW_PASSWORD);
      await confirmation.fill(NEW_PASSWORD);
      await submit(page, change);
      assert.match(await page.getByRole('alert').innerText(), /Le mot de passe actuel est incorrect\./);
      assert.equal(await current.getAttribute('aria-invalid'), 'true');
      await checkAccessibility(page, 'changement du mot de passe avec erreur');
      await screenshot(page, `auth-05-mot-de-passe-erreur${tag}`);

      // The two entries differ.
      await current.fill(PASSWORD);
      await next.fill(NEW_PASSWORD);
      await confirmation.fill(`${NEW_PASSWORD}!`);
      await submit(page, change);
      assert.match(await page.getByRole('alert').innerText(), /Les deux saisies du nouveau mot de passe sont différentes/);
      assert.equal(await confirmation.getAttribute('aria-invalid'), 'true');

      // Success.
      await current.fill(PASSWORD);
      await next.fill(NEW_PASSWORD);
      await confirmation.fill(NEW_PASSWORD);
      await submit(page, change);
      assert.match(await page.getByRole('status').innerText(), /Votre mot de passe a été changé\./);
      assert.equal(await page.getByRole('alert').innerText(), '');
      await checkAccessibility(page, 'mot de passe changé');

      // Sign out from the home page.
      await submit(page, page.getByRole('link', { name: /^Retour à l.accueil$/ }));
      assert.equal(path(page), '/');
      await submit(page, page.getByRole('button', { name: 'Se déconnecter' }));
      assert.equal(path(page), '/login');
      assert.match(await page.locator('body').innerText(), /Votre session est maintenant terminée\./);
      await checkAccessibility(page, 'connexion après la déconnexion');
      await page.goto('/');
      assert.equal(path(page), '/login', 'après la déconnexion, l’accueil renvoie à la connexion');

      // The old password no longer works; the new one does.
      await login(page, LOGIN, PASSWORD);
      assert.equal(path(page), '/login');
      assert.match(await page.getByRole('alert').innerText(), /Identifiant ou mot de passe incorrect\./);
      await login(page, LOGIN, NEW_PASSWORD);
      assert.equal(path(page), '/');
      assert.match(await page.locator('body').innerText(), new RegExp(NAME));
      assertNoPageProblems(page);
    });

    test('mot de passe oublié : de la demande au lien reçu, puis au nouveau mot de passe', async () => {
      const { openPage, tag, app } = suite();
      const page = await openPage();

      await page.goto('/login');
      await submit(page, page.getByRole('link', { name: 'Mot de passe oublié ?' }));
      assert.equal(path(page), '/password/forgot');
      await assert.doesNotReject(page.getByRole('heading', { level: 1, name: 'Mot de passe oublié' }).waitFor());
      await checkAccessibility(page, 'mot de passe oublié');
      await screenshot(page, `auth-06-mot-de-passe-oublie${tag}`);

      await page.getByLabel('Identifiant ou adresse électronique', { exact: true }).fill(RESET_LOGIN);
      await submit(page, page.getByRole('button', { name: 'Envoyer le lien' }));
      assert.match(await page.getByRole('status').innerText(), /Si un compte correspond, un message vient d’être envoyé\./);
      await checkAccessibility(page, 'mot de passe oublié, demande envoyée');

      // The message goes out in the background: wait for it, then follow its link.
      const mail = await waitFor(() => app.runtime.sentMail.find((message) => message.to === `${RESET_LOGIN}@example.org`));
      const link = /\/password\/reset\/[A-Za-z0-9_-]+/.exec(mail.text)?.[0];
      assert.ok(link, `lien absent du message : ${mail.text}`);
      await page.goto(link);
      await assert.doesNotReject(page.getByRole('heading', { level: 1, name: 'Choisir un nouveau mot de passe' }).waitFor());
      await checkAccessibility(page, 'nouveau mot de passe (lien reçu)');
      await screenshot(page, `auth-07-nouveau-mot-de-passe${tag}`);

      await page.getByLabel('Nouveau mot de passe', { exact: true }).fill(NEW_PASSWORD);
      await page.getByLabel('Confirmation du nouveau mot de passe', { exact: true }).fill(NEW_PASSWORD);
      await submit(page, page.getByRole('button', { name: 'Enregistrer le mot de passe' }));
      assert.match(await page.getByRole('status').innerText(), /Vous pouvez maintenant vous connecter\./);
      await checkAccessibility(page, 'mot de passe changé (lien reçu)');

      await submit(page, page.getByRole('link', { name: 'Se connecter' }));
      await login(page, RESET_LOGIN, NEW_PASSWORD);
      assert.equal(path(page), '/');
      assertNoPageProblems(page);
    });

    test('une adresse inconnue affiche la page introuvable (404), accessible', async () => {
      const { openPage, tag } = suite();
      const page = await openPage();

      // Without a session, an address shaped like a screen's custom action (/:app/:table/:id/:action)
      // may ask to sign in first and come back to it; either way, it ends on the 404 page.
      const address = '/cette/adresse/nexiste/pas';
      let response = await page.goto(address);
      if (path(page) === '/login') {
        const back = page.waitForResponse((answer) => new URL(answer.url()).pathname === address);
        await login(page, LOST_LOGIN, PASSWORD);
        response = await back;
      }
      assert.equal(response?.status(), 404);
      assert.equal(path(page), address);
      await assert.doesNotReject(page.getByRole('heading', { level: 1, name: 'Page introuvable' }).waitFor());
      assert.match(await page.locator('main').innerText(), /Référence/);
      await checkAccessibility(page, 'page introuvable (404)');
      await screenshot(page, `auth-08-page-introuvable${tag}`);
      await submit(page, page.getByRole('link', { name: /^Retour à l.accueil$/ }));
      assert.ok(['/', '/login'].includes(path(page)), `Retour à l’accueil : ${path(page)}`);
      assertNoPageProblems(page);
    });
  },
  {
    users: [
      { login: LOGIN, password: PASSWORD, profil: 'UTILISATEUR', collectivite: 1 },
      { login: RESET_LOGIN, password: PASSWORD, profil: 'UTILISATEUR', collectivite: 1 },
      { login: LOST_LOGIN, password: PASSWORD, profil: 'UTILISATEUR', collectivite: 1 },
    ],
    setup: (database) => database.asOwner(`update om.om_utilisateur set nom = '${NAME}' where login = '${LOGIN}'`),
  },
);
