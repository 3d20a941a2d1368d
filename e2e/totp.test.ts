/**
 * Two-factor sign-in as an agent goes through it, in headless Chromium: setting it up from the
 * page with the keyboard (the key read from the page, the code typed), the recovery codes, signing
 * out, signing in again with a code; axe-core on the enrolment, recovery-codes, code and state pages.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Secret, TOTP } from 'otpauth';
import { browserSuite, checkAccessibility, login, pageProblems, screenshot, submit, type Page } from './support/index.ts';

const LOGIN = 'cmartin';
const PASSWORD = 'Mot-de-passe-42';

const path = (page: Page) => new URL(page.url()).pathname;

browserSuite(
  'double authentification dans le navigateur',
  (suite) => {
    test('un agent la met en place au clavier, se déconnecte, puis se reconnecte avec un code', async () => {
      const { openPage, tag } = suite();
      const page = await openPage();
      await login(page, LOGIN, PASSWORD);
      assert.equal(path(page), '/');

      // From the personal actions, with the keyboard.
      await page.getByRole('link', { name: 'Double authentification' }).focus();
      const loaded = page.waitForEvent('load');
      await page.keyboard.press('Enter');
      await loaded;
      assert.equal(path(page), '/two-factor');
      await assert.doesNotReject(page.getByRole('heading', { level: 1, name: 'Double authentification' }).waitFor());
      assert.ok(await page.getByRole('img', { name: 'Code QR à scanner avec votre application d’authentification' }).isVisible());
      await checkAccessibility(page, 'mise en place de la double authentification');
      await screenshot(page, `totp-01-inscription${tag}`);

      const key = (await page.locator('code.cle-totp').innerText()).replaceAll(' ', '');
      const totp = new TOTP({ secret: Secret.fromBase32(key) });
      await page.getByLabel('Code affiché par l’application').focus();
      await page.keyboard.type(totp.generate());
      const activated = page.waitForEvent('load');
      await page.keyboard.press('Enter');
      await activated;
      await assert.doesNotReject(page.getByRole('heading', { level: 1, name: 'Double authentification activée' }).waitFor());
      assert.equal(await page.locator('ul.codes-secours li').count(), 10);
      await checkAccessibility(page, 'codes de secours');
      await screenshot(page, `totp-02-codes-secours${tag}`);

      await submit(page, page.getByRole('button', { name: 'Se déconnecter' }));
      assert.equal(path(page), '/login');

      await login(page, LOGIN, PASSWORD);
      assert.equal(path(page), '/login/code');
      await assert.doesNotReject(page.getByRole('heading', { level: 1, name: 'Code de vérification' }).waitFor());
      await checkAccessibility(page, 'code de vérification');
      await screenshot(page, `totp-03-code${tag}`);

      // A wrong code first: the message is announced and tied to the field.
      await page.getByLabel('Code de vérification').fill('000000');
      await submit(page, page.getByRole('button', { name: 'Vérifier' }));
      assert.match(await page.getByRole('alert').innerText(), /Code de vérification incorrect/);
      assert.match((await page.getByLabel('Code de vérification').getAttribute('aria-describedby')) ?? '', /erreurs/);
      await checkAccessibility(page, 'code de vérification refusé');

      // The activation used this 30-second step's code: the next step's is accepted (one step of tolerance).
      await page.getByLabel('Code de vérification').focus();
      await page.keyboard.type(totp.generate({ timestamp: Date.now() + 30_000 }));
      const signedIn = page.waitForEvent('load');
      await page.keyboard.press('Enter');
      await signedIn;
      assert.equal(path(page), '/');
      assert.match(await page.getByRole('status').first().innerText(), /Votre session est maintenant ouverte/);

      // Its state: since when, recovery codes left, new codes, turning it off.
      await page.goto('/two-factor');
      assert.match(await page.getByRole('main').innerText(), /La double authentification est active sur votre compte depuis le/);
      await checkAccessibility(page, 'état de la double authentification');
      await screenshot(page, `totp-04-etat${tag}`);
      assert.deepEqual(pageProblems(page), []);
    });
  },
  {
    users: [{ login: LOGIN, password: PASSWORD, profil: 'UTILISATEUR', collectivite: 1 }],
    config: { instanceSecret: 'cle-d-instance-des-tests-de-navigateur' },
  },
);
