/**
 * Issue 3, beyond the « Done when » walk (e2e/journey.test.ts), in headless Chromium on both
 * databases, with the same application and an agent put in place by the setup: objects named by
 * their application's labels, a sub-form's page opened on its own, double submission, the
 * header's search, an expired session, the autocomplete of a large reference table, a widget
 * composed by the administrator and seen by the agent, the rich-text preview.
 * Screenshots: e2e/screenshots/ecrans-*.
 * The agent and the administrator each sign in once and their later tests share that page (a new
 * browser context, its first page load and a sign-in cost more than most steps); test 5, which
 * expires the agent's sessions, signs in on its own, and the agent signs in again after it.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { actorCache } from '../framework/src/access/actor-cache.ts';
import { browserSuite, login, screenshot, submit, type Page } from './support/index.ts';
import {
  ADMIN,
  ADMIN_PASSWORD,
  AGENT,
  FOREIGN_RECORD,
  JOURNEY_APP,
  PROFIL,
  SAVED,
  createdRecordUrl,
  ensureAgentWithData,
  quote,
  signIn,
} from './support/journey.ts';
import {
  afterHtmxSwap,
  assertNoPageProblems,
  field,
  followMenu,
  listingTable,
  mainOf,
  messagesOf,
  pathOf,
  submitForPage,
  waitForCount,
} from './support/screens.ts';

const WIDGET = 'Bienvenue aux agents';
const WIDGET_TEXT = '<p>Bonjour <strong>à toutes et à tous</strong>.</p><script>alert("piège")</script>';

browserSuite(
  'écrans de l’issue 3 : compléments au parcours',
  (suite) => {
    /** A page signed in through the form, kept for the later tests; forgotten if the sign-in fails. */
    const memoized = (open: () => Promise<Page>) => {
      let opened: Promise<Page> | undefined;
      return {
        page: (): Promise<Page> => {
          opened ??= open().catch((error: unknown) => {
            opened = undefined;
            throw error;
          });
          return opened;
        },
        forget: (): void => {
          opened = undefined;
        },
      };
    };
    const agent = memoized(async () => signIn(await suite().openPage(), AGENT.login, AGENT.password));
    const admin = memoized(async () => signIn(await suite().openPage(), ADMIN, ADMIN_PASSWORD));
    const signInAsAgent = agent.page;
    const signInAsAdmin = admin.page;
    let collectivite = 0;
    const createdRecord = async (): Promise<string> => {
      if (collectivite === 0) {
        const [row] = await suite().app.database.ownerQuery<{ om_collectivite: number }>(
          `select om_collectivite from om.om_utilisateur where login = ${quote(AGENT.login)}`,
        );
        collectivite = Number(row!.om_collectivite);
      }
      return createdRecordUrl(suite().app.database, collectivite);
    };

    test('1. les écrans nomment un objet par le libellé que l’application lui donne (« Adhérent »)', async () => {
      const parentUrl = await createdRecord();
      const id = parentUrl.split('/').pop()!;
      await suite().app.database.asOwner(`insert into associations.adherent (nom, association, om_collectivite)
        select 'Yvette Horner', ${id}, ${collectivite} where not exists (select 1 from associations.adherent where nom = 'Yvette Horner')`);
      const page = await signInAsAgent();
      const main = mainOf(page);
      await page.goto(`${parentUrl}/sub/adherent`);
      const captions = await main.locator('caption').allInnerTexts();
      assert.deepEqual(captions, ['Liste : Adhérent'], 'légende de la liste du sous-formulaire');
      const add = await main.getByRole('link', { name: /^Ajouter/ }).innerText();
      assert.match(add, /Adhérent/, `lien d’ajout : ${add}`);
      // The refusal to delete the parent names the child table as the application does.
      await page.goto(`${parentUrl}/delete`);
      const confirm = main.getByRole('button', { name: 'Supprimer l’enregistrement' });
      if ((await confirm.count()) > 0) await submit(page, confirm);
      const refusal = await messagesOf(page);
      assert.match(refusal, /Suppression impossible/);
      assert.match(refusal, /« Adhérent »/, `le refus nomme la table par son libellé : « ${refusal} »`);
    });

    test('2. le formulaire d’un sous-formulaire ouvert dans sa propre page (nouvel onglet, favori) enregistre aussi', async () => {
      const parentUrl = await createdRecord();
      const page = await signInAsAgent();
      const main = mainOf(page);
      await page.goto(`${parentUrl}/sub/adherent/new`);
      await field(main, 'Nom').fill('Rose Lambert');
      await field(main, 'Fonction').fill('Vice-présidente');
      await submitForPage(page, main.getByRole('button', { name: 'Ajouter l’enregistrement' }));
      assert.doesNotMatch(pathOf(page), /\/new$/, 'après l’enregistrement, la page quitte le formulaire');
      await main.getByRole('link', { name: 'Rose Lambert' }).first().waitFor();
      assertNoPageProblems(page);
    });

    test('3. un double clic sur « Ajouter l’enregistrement » ne crée qu’une association', async () => {
      const page = await signInAsAgent();
      const main = mainOf(page);
      const name = 'Amis du lavoir';
      await page.goto('/associations/association/new');
      await field(main, 'Nom').fill(name);
      const loaded = page.waitForEvent('load');
      await main.getByRole('button', { name: 'Ajouter l’enregistrement' }).dblclick();
      await loaded;
      await page.waitForLoadState('load');
      assert.match(pathOf(page), /^\/associations\/association\/\d+$/);
      const [row] = await suite().app.database.ownerQuery<{ n: string | number }>(
        `select count(*) as n from associations.association where nom = ${quote(name)}`,
      );
      assert.equal(Number(row?.n), 1, 'une seule association créée');
    });

    test('4. la recherche de l’en-tête ne trouve que ce que l’utilisateur peut voir', async () => {
      const page = await signInAsAgent();
      const { tag } = suite();
      const main = mainOf(page);
      await page.goto('/');
      const banner = page.getByRole('banner');
      await banner.getByRole('searchbox').fill('comite');
      await submit(page, banner.getByRole('button', { name: 'Rechercher' }));
      assert.equal(pathOf(page), '/recherche');
      const text = await main.innerText();
      assert.match(text, /Comité de jumelage/, 'accents ignorés, résultat de sa collectivité');
      assert.doesNotMatch(text, new RegExp(FOREIGN_RECORD), 'rien d’une autre collectivité');
      await screenshot(page, `ecrans-01-recherche-globale${tag}`);
      await submit(page, main.getByRole('link', { name: /Comité de jumelage/ }));
      assert.match(pathOf(page), /^\/associations\/association\/\d+$/);
      assertNoPageProblems(page);
    });

    test('5. une session expirée renvoie à la connexion, puis à la page demandée', async () => {
      const page = await signIn(await suite().openPage(), AGENT.login, AGENT.password);
      const main = mainOf(page);
      await page.goto('/associations/association?q=club&sort=-nom');
      await waitForCount(main, '1 - 9 enregistrement(s) sur 9');
      await suite().app.database.asOwner(`update om.om_session set expire_le = now() - interval '1 minute'
        where om_utilisateur = (select om_utilisateur from om.om_utilisateur where login = ${quote(AGENT.login)})`);
      agent.forget(); // the shared page's session has just expired too
      // Who a session stands for is remembered a few seconds in the (in-process) server.
      actorCache.clear();
      await page.reload();
      assert.equal(pathOf(page), '/login', 'la session expirée mène à la connexion');
      await login(page, AGENT.login, AGENT.password);
      assert.equal(pathOf(page), '/associations/association');
      const url = new URL(page.url());
      assert.equal(url.searchParams.get('q'), 'club');
      assert.equal(url.searchParams.get('sort'), '-nom');
      await waitForCount(main, '1 - 9 enregistrement(s) sur 9');
    });

    test('6. une clé étrangère vers une grande table se choisit au clavier dans une liste de propositions', async () => {
      const page = await signInAsAgent();
      const { tag } = suite();
      const main = mainOf(page);
      await page.goto('/associations/association/new');
      await field(main, 'Nom').fill('Amis du Léman');
      const combobox = main.getByRole('combobox', { name: /^Commune du siège/ });
      await combobox.click();
      const answer = page.waitForResponse((response) => response.url().includes('q=evian'));
      await page.keyboard.type('evian');
      assert.equal((await answer).status(), 200, `propositions demandées à ${(await answer).url()} : statut ${(await answer).status()}`);
      const listbox = main.getByRole('listbox');
      await listbox.getByRole('option', { name: 'Évian-les-Bains' }).waitFor();
      assert.equal(await combobox.getAttribute('aria-expanded'), 'true');
      await page.keyboard.press('ArrowDown');
      const active = await combobox.getAttribute('aria-activedescendant');
      assert.ok(active, 'la flèche bas désigne une proposition (aria-activedescendant)');
      assert.equal(await page.locator(`[id="${active}"]`).innerText(), 'Évian-les-Bains');
      await screenshot(page, `ecrans-02-autocompletion${tag}`);
      await page.keyboard.press('Enter');
      assert.equal(await combobox.inputValue(), 'Évian-les-Bains');
      assert.equal(await combobox.getAttribute('aria-expanded'), 'false');
      assert.equal(pathOf(page), '/associations/association/new', 'Entrée choisit la proposition sans envoyer le formulaire');
      await submit(page, main.getByRole('button', { name: 'Ajouter l’enregistrement' }));
      assert.match(await messagesOf(page), SAVED);
      assert.match(await main.innerText(), /Évian-les-Bains/);
      assertNoPageProblems(page);
    });

    test('7. l’administrateur crée un widget de texte et le place sur le tableau de bord du profil ; l’agent le voit', async () => {
      const { tag } = suite();
      // The widget's form in a tab of its own (its problems are not checked), the composition in the administrator's page.
      const form = await (await signInAsAdmin()).context().newPage();
      await form.goto('/');
      await followMenu(form, 'Administration', 'Widgets');
      await submit(form, mainOf(form).getByRole('link', { name: /^Ajouter/ }));
      await field(mainOf(form), 'Libellé').fill(WIDGET);
      await field(mainOf(form), 'Type').selectOption({ label: 'Texte (web)' });
      await field(mainOf(form), 'Lien').fill('/associations/association');
      await field(mainOf(form), 'Texte').fill(WIDGET_TEXT);
      await submit(form, mainOf(form).getByRole('button', { name: 'Ajouter l’enregistrement' }));
      assert.match(await messagesOf(form), SAVED);
      // The preview of the rich text is test 17's business: this page's problems are not checked here.
      await form.close();

      const page = await signInAsAdmin();
      const main = mainOf(page);
      await followMenu(page, 'Administration', 'Composition des tableaux de bord');
      await main.getByLabel('Profil').selectOption({ label: PROFIL });
      await submit(page, main.getByRole('button', { name: 'Afficher' }));
      await main.getByLabel('Widget à ajouter').selectOption({ label: `${WIDGET} (texte)` });
      await main.getByLabel('Colonne', { exact: true }).selectOption({ label: 'Colonne 1' });
      await submit(page, main.getByRole('button', { name: 'Ajouter', exact: true }));
      await main.getByRole('region', { name: 'Colonne 1' }).getByText(WIDGET, { exact: true }).waitFor();
      await screenshot(page, `ecrans-03-composition${tag}`);
      assertNoPageProblems(page);

      const agentPage = await signInAsAgent();
      await agentPage.goto('/');
      const home = mainOf(agentPage);
      await home.getByRole('heading', { name: WIDGET }).waitFor();
      const text = await home.innerText();
      assert.match(text, /Bonjour à toutes et à tous\./);
      assert.equal(await home.locator('strong', { hasText: 'à toutes et à tous' }).count(), 1, 'la mise en forme permise est gardée');
      assert.doesNotMatch(text, /alert|piège/, 'le script n’est ni exécuté ni affiché');
      assert.ok((await home.locator('a[href="/associations/association"]').count()) > 0, 'le lien du widget');
      await screenshot(agentPage, `ecrans-04-accueil-widget${tag}`);
      assertNoPageProblems(agentPage);
    });

    test('8. le texte riche d’un widget s’affiche en aperçu, nettoyé, pendant la saisie', async () => {
      const page = await signInAsAdmin();
      const main = mainOf(page);
      await page.goto('/om/om_widget/new');
      const preview = page.waitForResponse((response) => response.request().method() === 'POST' && response.url().includes('apercu') && response.request().postData()?.includes('toutes') === true);
      await field(main, 'Texte').fill(WIDGET_TEXT);
      const answer = await preview;
      assert.equal(answer.status(), 200, `aperçu du texte riche (${answer.url()}) : statut ${answer.status()}`);
      const shown = main.locator('.apercu');
      await shown.locator('strong', { hasText: 'à toutes et à tous' }).waitFor();
      assert.doesNotMatch(await shown.innerHTML(), /<script|alert/, 'l’aperçu est nettoyé');
      assertNoPageProblems(page);
    });

    test('9. l’administrateur envoie à l’agent un lien de réinitialisation ; son propre compte ne se supprime pas', async () => {
      const { app, tag } = suite();
      const page = await signInAsAdmin();
      const main = mainOf(page);
      await followMenu(page, 'Administration', 'Utilisateurs');
      await afterHtmxSwap(page, () => main.getByRole('searchbox', { name: 'Rechercher' }).fill(AGENT.login));
      await submit(page, listingTable(main, 'Utilisateur').locator('tbody').getByRole('link').first());
      assert.match(await main.innerText(), new RegExp(AGENT.email));
      const sentBefore = app.runtime.sentMail.length;
      await submit(page, main.getByRole('link', { name: 'Réinitialiser le mot de passe' }));
      await submit(page, main.getByRole('button', { name: /Réinitialiser le mot de passe|Confirmer/ }));
      const message = await messagesOf(page);
      assert.match(message, new RegExp(`Un lien de réinitialisation du mot de passe a été envoyé à ${AGENT.email}`));
      assert.equal(app.runtime.sentMail.length, sentBefore + 1, 'un message envoyé');
      assert.equal(app.runtime.sentMail.at(-1)?.to, AGENT.email);
      await screenshot(page, `ecrans-07-reinitialisation${tag}`);

      // One's own account: no « Supprimer » in the portlet, and its delete page says it is not possible.
      const [self] = await app.database.ownerQuery<{ om_utilisateur: number }>(`select om_utilisateur from om.om_utilisateur where login = ${quote(ADMIN)}`);
      await page.goto(`/om/om_utilisateur/${self!.om_utilisateur}`);
      const portlet = main.getByRole('navigation', { name: 'Actions sur l’enregistrement' });
      await portlet.getByRole('link', { name: 'Modifier' }).waitFor();
      assert.equal(await portlet.getByRole('link', { name: 'Supprimer' }).count(), 0, 'pas de « Supprimer » sur son propre compte');
      await page.goto(`/om/om_utilisateur/${self!.om_utilisateur}/delete`);
      assert.equal(await main.getByRole('button', { name: 'Supprimer l’enregistrement' }).count(), 0);
      const explanation = `${await messagesOf(page)}\n${await main.innerText()}`;
      assert.match(explanation, /n’est pas possible/, `la page dit pourquoi : ${explanation}`);
      assertNoPageProblems(page);
    });
  },
  {
    ...JOURNEY_APP,
    setup: async (database) => {
      await JOURNEY_APP.setup?.(database);
      await ensureAgentWithData(database);
    },
  },
);
