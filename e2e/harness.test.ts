/**
 * The browser-test harness catches what it is meant to catch: axe violations (with a readable
 * report), an invisible focus, and what the application's Content-Security-Policy blocks.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  AccessibilityError,
  browserSuite,
  checkAccessibility,
  fileBrowser,
  focusedElement,
  openPage,
  pageProblems,
  tab,
  type BrowserContext,
  type Page,
} from './support/index.ts';

describe('harnais des tests navigateur', () => {
  let context: BrowserContext;
  let page: Page;

  before(async () => {
    ({ context, page } = await openPage(await fileBrowser()));
  });
  after(async () => {
    await context.close();
  });

  test('axe : une page sans langue et un champ sans étiquette font échouer, avec un rapport lisible', async () => {
    await page.setContent('<!DOCTYPE html><html><head><title>Essai</title></head><body><main><h1>Essai</h1><input id="nom"></main></body></html>');
    const error = await checkAccessibility(page, 'essai').then(
      () => assert.fail('checkAccessibility aurait dû échouer'),
      (caught: unknown) => caught,
    );
    assert.ok(error instanceof AccessibilityError);
    assert.deepEqual(error.violations.map((violation) => violation.id).sort(), ['html-has-lang', 'label']);
    assert.match(error.message, /page « essai »/);
    assert.match(error.message, /\[serious\] html-has-lang — L’élément <html> doit avoir un attribut lang/);
    assert.match(error.message, /\[critical\] label — Chaque élément de formulaire doit avoir une étiquette/);
    assert.match(error.message, /- #nom : /);
    assert.match(error.message, /https:\/\/dequeuniversity\.com\/rules\/axe\//);
  });

  test('axe : une page correcte passe', async () => {
    await page.setContent(
      '<!DOCTYPE html><html lang="fr"><head><title>Essai</title></head><body><main><h1>Essai</h1>' +
        '<label for="nom">Nom</label><input id="nom"></main></body></html>',
    );
    const result = await checkAccessibility(page, 'essai correct');
    assert.deepEqual(result.blocking, []);
  });

  test('clavier : un focus sans contour ni ombre est vu comme invisible', async () => {
    await page.setContent(
      '<!DOCTYPE html><html lang="fr"><head><title>Essai</title><style>#b:focus { outline: none; }</style></head>' +
        '<body><main><button id="a">Visible</button><button id="b">Invisible</button></main></body></html>',
    );
    const first = await tab(page);
    assert.equal(first.id, 'a');
    assert.equal(first.name, 'Visible');
    assert.equal(first.visibleIndicator, true, JSON.stringify(first));
    const second = await tab(page);
    assert.equal(second.id, 'b');
    assert.equal(second.visibleIndicator, false, JSON.stringify(second));
    await page.evaluate(() => (document.activeElement as HTMLElement).blur());
    assert.equal((await focusedElement(page)).tag, '');
  });
});

browserSuite(
  'harnais : la politique de sécurité (CSP) de l’application reste appliquée',
  (suite) => {
    test('un script en ligne est refusé par le navigateur et signalé ; axe s’injecte malgré tout', async () => {
      const page = await suite().openPage();
      await page.goto('/login');
      assert.deepEqual(pageProblems(page), []);
      await assert.rejects(page.addScriptTag({ content: 'window.injecte = true;' }), /Content Security Policy/);
      assert.equal(await page.evaluate(() => 'injecte' in window), false);
      assert.equal(pageProblems(page).length, 1);
      assert.match(pageProblems(page)[0]!, /^console : .*Content Security Policy directive 'script-src 'self''/);
      await checkAccessibility(page, 'connexion (CSP)');
    });

    test('une ressource introuvable est signalée', async () => {
      const page = await suite().openPage();
      await page.goto('/login');
      await page.evaluate(() => fetch('/introuvable.css'));
      assert.deepEqual(pageProblems(page), [`ressource en erreur : GET ${new URL('/introuvable.css', page.url()).href} → 404`]);
    });
  },
  // About the harness, not the database: the embedded one is enough.
  { kinds: ['pglite'] },
);
