/**
 * The template editor of états and lettres types in Chromium (issue 10 §2): an author types a
 * letter, puts a word in bold, inserts a merge field of the chosen data source, a sous-état and a
 * QR code from the toolbar, saves; the consult page shows the rendered text (never the HTML
 * source). axe-core on the form with the editor and on the consult page; no CSP refusal.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { browserSuite, checkAccessibility, focusedElement, login, pageProblems, screenshot, submit } from './support/index.ts';

const PASSWORD = 'Mot-de-passe-42';

browserSuite(
  'éditeur des lettres types dans le navigateur',
  (suite) => {
    test('une lettre type saisie avec l’éditeur (gras, champ de fusion, sous-état, QR code) est enregistrée et rendue', async () => {
      const { openPage, app, tag } = suite();
      const page = await openPage();
      await login(page, 'redactrice', PASSWORD);
      await page.goto('/om/om_lettretype/new');

      const editor = page.getByRole('textbox', { name: 'Zone d’édition de « Corps »' });
      await editor.waitFor();
      const toolbar = page.getByRole('toolbar', { name: 'Mise en forme de « Corps »' });
      assert.equal(await page.locator('#champ-corps_om_htmletatex').isHidden(), true, 'le textarea est remplacé par l’éditeur');

      await page.getByLabel('Identifiant', { exact: true }).or(page.locator('#champ-id')).first().fill('convocation');
      await page.locator('#champ-libelle').fill('Convocation');
      await page.locator('#champ-om_sql').selectOption({ label: 'Électeur' });

      // The toolbar is one Tab stop for its buttons; arrows move between them, with a visible focus.
      await toolbar.getByRole('button', { name: 'Gras' }).focus();
      await page.keyboard.press('ArrowRight');
      const onItalic = await focusedElement(page);
      assert.equal(onItalic.name, 'Italique');
      assert.ok(onItalic.visibleIndicator, 'le focus se voit');
      await page.keyboard.press('Home');
      assert.equal((await focusedElement(page)).name, 'Gras');
      assert.equal(await toolbar.locator('button[tabindex="0"]').count(), 1);

      await editor.click();
      await page.keyboard.type('Madame, Monsieur ');
      const bold = toolbar.getByRole('button', { name: 'Gras' });
      await bold.click();
      assert.equal(await bold.getAttribute('aria-pressed'), 'true');
      await page.keyboard.type('important');
      await page.keyboard.press('Control+b');
      assert.equal(await bold.getAttribute('aria-pressed'), 'false', 'Ctrl+B retire le gras');
      await page.keyboard.type(' ');

      // A merge field of the chosen source.
      await toolbar.getByRole('button', { name: 'Champ de fusion' }).click();
      const field = page.getByRole('group', { name: 'Champ de fusion' }).getByLabel('Champ de fusion');
      await field.locator('option', { hasText: '[nom]' }).waitFor({ state: 'attached' });
      await field.selectOption('nom');
      await checkAccessibility(page, 'éditeur de lettre type, panneau ouvert');
      await page.getByRole('group', { name: 'Champ de fusion' }).getByRole('button', { name: 'Insérer' }).click();
      await page.keyboard.press('End');
      await page.keyboard.press('Enter');

      // A sous-état, then a QR code.
      await toolbar.getByRole('button', { name: 'Sous-état' }).click();
      const sousetat = page.getByRole('group', { name: 'Sous-état' }).getByLabel('Sous-état');
      await sousetat.locator('option', { hasText: 'liste_bureaux' }).waitFor({ state: 'attached' });
      await page.getByRole('group', { name: 'Sous-état' }).getByRole('button', { name: 'Insérer' }).click();
      await toolbar.getByRole('button', { name: 'Code-barres' }).click();
      const barcode = page.getByRole('group', { name: 'Code-barres' });
      await barcode.getByLabel('Type de code').selectOption('qrcode');
      await barcode.getByLabel(/^Valeur/).fill('[numero]');
      await barcode.getByLabel('Taille (mm)').fill('20');
      await barcode.getByRole('button', { name: 'Insérer' }).click();

      const posted = await page.locator('#champ-corps_om_htmletatex').inputValue();
      assert.match(posted, /<p>Madame, Monsieur <strong>important<\/strong> \[nom\]<\/p>/);
      assert.match(posted, /<div data-sousetat="liste_bureaux"/);
      assert.match(posted, /<span data-code-barre="qrcode" data-valeur="\[numero\]"[^>]*data-taille="20"/);
      await checkAccessibility(page, 'éditeur de lettre type');
      await screenshot(page, `documents-editeur-01-saisie${tag}`);

      await submit(page, page.getByRole('button', { name: 'Ajouter l’enregistrement', exact: true }));
      assert.match(new URL(page.url()).pathname, /^\/om\/om_lettretype\/\d+$/);
      const [stored] = await app.database.ownerQuery<{ corps_om_htmletatex: string }>("select corps_om_htmletatex from om.om_lettretype where id = 'convocation'");
      assert.equal(
        stored?.corps_om_htmletatex,
        '<p>Madame, Monsieur <strong>important</strong> [nom]</p><div data-sousetat="liste_bureaux"></div><p><span data-code-barre="qrcode" data-valeur="[numero]" data-taille="20"></span></p>',
      );
      const body = page.locator('.gabarit').last();
      assert.equal(await body.locator('strong').innerText(), 'important');
      assert.match(await body.innerText(), /Sous-état « liste_bureaux »/);
      assert.match(await body.innerText(), /QR code : \[numero\]/);
      assert.doesNotMatch(await page.locator('main').innerText(), /<p>|<strong>/, 'jamais le HTML source');
      await checkAccessibility(page, 'lettre type consultée');
      await screenshot(page, `documents-editeur-02-consultation${tag}`);

      // Back in the editor, the stored text is loaded as it was.
      await page.goto(`${new URL(page.url()).pathname}/edit`);
      await page.getByRole('textbox', { name: 'Zone d’édition de « Corps »' }).locator('strong', { hasText: 'important' }).waitFor();
      assert.deepEqual(pageProblems(page), [], 'ni erreur de script ni refus de la CSP');
    });
  },
  {
    users: [{ login: 'redactrice', password: PASSWORD, profil: 'SUPER UTILISATEUR', collectivite: 1 }],
    setup: async (database) => {
      await database.asOwner(`insert into om.om_requete (code, libelle, requete, merge_fields) values
          ('electeur', 'Électeur', 'select ''Dupont''::text as nom, ''E-12''::text as numero', E'nom: Nom\\nnumero: Numéro');
        insert into om.om_sousetat (om_collectivite, id, libelle, actif, om_sql) values (1, 'liste_bureaux', 'Liste des bureaux', true, 'select 1');`);
    },
  },
);
