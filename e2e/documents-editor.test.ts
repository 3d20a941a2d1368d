/**
 * The template editor of états and lettres types in Chromium (issue 10 §2): an author types a
 * letter, puts a word in bold, inserts a merge field of the chosen data source, a sous-état and a
 * QR code from the toolbar, chooses its object and logo from lists, saves; the consult page shows
 * the rendered text (never the HTML source). Then she previews it (a watermarked PDF), copies it
 * and activates the copy; an agent prints it from a record's page; a user of another
 * collectivité neither sees nor prints it. axe-core on every page; no CSP refusal.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SYSTEM_ACTOR } from '../framework/src/access/actor.ts';
import { barcodePng } from '../framework/src/documents/render/index.ts';
import { fileStoreOf } from '../framework/src/files/index.ts';
import { pdfText } from '../framework/test/support/pdf-text.ts';
import { createUsers } from '../framework/test/support/runtime.ts';
import { browserSuite, checkAccessibility, focusedElement, login, pageProblems, screenshot, submit } from './support/index.ts';
import { formPdfText } from './support/pdf-form.ts';

const PASSWORD = 'Mot-de-passe-42';

browserSuite(
  'éditeur des lettres types dans le navigateur',
  (suite) => {
    test('une lettre type saisie avec l’éditeur (gras, champ de fusion, sous-état, QR code, logo) est enregistrée, rendue, prévisualisée, copiée, activée, imprimée par un agent, et reste invisible d’une autre collectivité', async () => {
      const { openPage, app, tag } = suite();
      // The collectivité's logo: an image in the file store.
      const image = await barcodePng('code128', 'LIBREVILLE');
      assert.ok(image);
      const store = fileStoreOf(app.runtime);
      const file = await store.stage(SYSTEM_ACTOR, { name: 'armoiries.png', type: 'image/png', bytes: image.png }, 1);
      await store.commit(SYSTEM_ACTOR, file.id, 1);
      await app.database.asOwner(`insert into om.om_logo (id, libelle, fichier, resolution, actif, om_collectivite) values ('armoiries', 'Armoiries', '${file.id}', 300, true, 1)`);
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
      // The object and the logo are chosen from lists, not typed.
      await page.locator('#champ-objet').selectOption('courrier.personne');
      await page.locator('#champ-logo').selectOption('armoiries');

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
      const letterPath = new URL(page.url()).pathname;
      await page.goto(`${letterPath}/edit`);
      await page.getByRole('textbox', { name: 'Zone d’édition de « Corps »' }).locator('strong', { hasText: 'important' }).waitFor();
      assert.equal(await page.locator('#champ-objet').inputValue(), 'courrier.personne');
      assert.equal(await page.locator('#champ-logo').inputValue(), 'armoiries');
      assert.deepEqual(pageProblems(page), [], 'ni erreur de script ni refus de la CSP');

      // « Prévisualiser »: a sample record chosen, a PDF marked « PRÉVISUALISATION » (the letter is inactive).
      await page.goto(letterPath);
      await page.locator('.portlet').getByRole('link', { name: 'Prévisualiser' }).click();
      await page.getByRole('heading', { name: 'Prévisualiser « Convocation »' }).waitFor();
      await page.getByLabel(/^Enregistrement d’exemple/).selectOption('1');
      await checkAccessibility(page, 'prévisualisation d’une lettre type');
      await screenshot(page, `documents-editeur-03-previsualisation${tag}`);
      const previewPdf = await formPdfText(page);
      assert.match(previewPdf, /PRÉVISUALISATION/);
      assert.match(previewPdf, /Dupont/);

      // « Copier », then « Activer » the copy.
      await page.goto(letterPath);
      await page.locator('.portlet').getByRole('link', { name: 'Copier' }).click();
      await submit(page, page.getByRole('button', { name: 'Copier', exact: true }));
      await page.getByText('Copie « convocation_copie » créée (inactive).').waitFor();
      const [copy] = await app.database.ownerQuery<{ om_lettretype: number }>("select om_lettretype from om.om_lettretype where id = 'convocation_copie'");
      await page.goto(`/om/om_lettretype/${copy?.om_lettretype}`);
      await page.locator('.portlet').getByRole('link', { name: 'Activer' }).click();
      await submit(page, page.getByRole('button', { name: 'Activer', exact: true }));
      await page.getByText('« convocation_copie » est maintenant actif').waitFor();
      await checkAccessibility(page, 'copie activée');

      // An agent prints it from the record's page, under « Documents à imprimer ».
      const agent = await openPage();
      await login(agent, 'agent', PASSWORD);
      await agent.goto('/courrier/personne/1');
      const documents = agent.getByRole('region', { name: 'Documents à imprimer' }).or(agent.locator('.documents-enregistrement'));
      const link = documents.getByRole('link', { name: /Convocation/ });
      await link.waitFor();
      await checkAccessibility(agent, 'fiche avec documents à imprimer');
      const printed = await agent.request.get((await link.getAttribute('href')) ?? '');
      assert.equal(printed.status(), 200);
      assert.equal(printed.headers()['content-type'], 'application/pdf');
      const printedText = await pdfText(new Uint8Array(await printed.body()));
      assert.match(printedText, /Dupont/);
      assert.doesNotMatch(printedText, /PRÉVISUALISATION/);

      // Another collectivité neither sees nor prints it.
      const other = await openPage();
      await login(other, 'autre', PASSWORD);
      await other.goto('/om/om_lettretype');
      assert.doesNotMatch(await other.locator('main').innerText(), /convocation/i);
      assert.equal((await other.request.get('/courrier/personne/2/pdf/lettretype/convocation_copie')).status(), 404);
      assert.equal((await other.request.get('/courrier/personne/1/pdf/lettretype/convocation_copie')).status(), 404);
      assert.equal((await other.request.get(`/om/om_lettretype/${copy?.om_lettretype}/previsualiser?apercu=1&cle=2`)).status(), 404);
    });
  },
  {
    users: [
      { login: 'redactrice', password: PASSWORD, profil: 'SUPER UTILISATEUR', collectivite: 1 },
      { login: 'agent', password: PASSWORD, profil: 'UTILISATEUR', collectivite: 1 },
    ],
    grants: { UTILISATEUR: ['courrier.personne'] },
    schemas: ['courrier'],
    setup: async (database) => {
      await database.asOwner(
        `insert into om.om_collectivite (om_collectivite, libelle, niveau) values (3, 'Autreville', '1');
        select setval(pg_get_serial_sequence('om.om_collectivite', 'om_collectivite'), 3);
        create schema courrier;
        create table courrier.personne (
          personne integer generated by default as identity primary key,
          nom varchar(30) not null,
          numero varchar(10),
          om_collectivite integer not null references om.om_collectivite
        );
        insert into courrier.personne (personne, nom, numero, om_collectivite) values (1, 'Dupont', 'E-12', 1), (2, 'Zola', 'E-99', 3);`,
        'courrier',
      );
      await database.asOwner(`insert into om.om_requete (code, libelle, requete, merge_fields) values
          ('electeur', 'Électeur', 'select nom, numero from courrier.personne where personne = &idx', E'nom: Nom\\nnumero: Numéro');
        insert into om.om_sousetat (om_collectivite, id, libelle, actif, om_sql) values (1, 'liste_bureaux', 'Liste des bureaux', true, 'select 1');`);
      await createUsers(database, [{ login: 'autre', password: PASSWORD, profil: 'SUPER UTILISATEUR', collectivite: 3 }]);
    },
  },
);
