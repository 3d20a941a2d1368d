/**
 * Issue 3, « Done when »: axe-core finds no serious or critical WCAG 2.1 AA violation on the
 * login, dashboard (with widgets: rich text, lists, a chart), listing (simple, advanced, empty),
 * form (ajouter, consulter, modifier with errors, supprimer), sub-form (tab, form in the tab, its
 * errors), administration (matrix, composer, users) and error pages (403, 404, 500); the main
 * screens are usable with the keyboard with a visible focus. Screenshots: e2e/screenshots/acces-*.
 *
 * The administrator signs in once (the first test, through the login form) and the tests share
 * that page: a new browser context, its first page load and a sign-in cost more than most checks.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { registerFrameworkWidgets } from '../framework/src/web/dashboard/index.ts';
import { Veto, type ObjectOverride } from '../framework/src/model/override.ts';
import { ASSOCIATIONS_OVERRIDES, ASSOCIATIONS_SCHEMA, ASSOCIATIONS_SCHEMA_SQL, SECTEURS } from './support/associations-schema.ts';
import { browserSuite, checkAccessibility, focusedElement, login, screenshot, submit, tab, type Page } from './support/index.ts';
import { afterHtmxSwap, assertNoPageProblems, field, horizontalOverflow, listingTable, mainOf, messagesOf, pathOf } from './support/screens.ts';

const PASSWORD = 'Mot-de-passe-42';
const ADMIN = 'admin2';
/** A user of Libreville whose profile holds no right on the associations. */
const READER = 'lecteur';
const RECORD = 'Harmonie municipale';
/** The child table's listing, whichever label it shows (the override's « Adhérent » is checked by the journey). */
const ANY_ADHERENT = /^Liste : Adh[eé]rent$/;

/** The association object plus a custom action that fails unexpectedly: the way to the 500 page. */
const OVERRIDES: Record<string, ObjectOverride> = {
  ...ASSOCIATIONS_OVERRIDES,
  association: {
    ...ASSOCIATIONS_OVERRIDES.association,
    actions: {
      archiver: {
        label: 'Archiver',
        order: 10,
        run: async () => {
          throw new Error('panne simulée : le service d’archivage ne répond pas');
        },
      },
      verifier: {
        label: 'Vérifier',
        order: 20,
        run: async () => {
          throw new Veto('Vérification impossible : le président n’est pas renseigné.');
        },
      },
    },
  },
};

async function signIn(page: Page, user: string): Promise<void> {
  await page.goto('/login');
  await login(page, user, PASSWORD);
  assert.equal(pathOf(page), '/', `connexion de ${user} : ${await messagesOf(page)}`);
}

browserSuite(
  'accessibilité des écrans (axe-core, WCAG 2.1 AA)',
  (suite) => {
    let adminPage: Promise<Page> | undefined;
    /** The administrator's signed-in page, shared by the tests (opened by the first that needs it). */
    const signedInAdmin = (): Promise<Page> => {
      adminPage ??= (async () => {
        const page = await suite().openPage();
        await signIn(page, ADMIN);
        return page;
      })().catch((error: unknown) => {
        adminPage = undefined;
        throw error;
      });
      return adminPage;
    };

    const recordUrl = async () => {
      const [row] = await suite().app.database.ownerQuery<{ association: number }>(
        `select association from associations.association where nom = '${RECORD}'`,
      );
      return `/associations/association/${row!.association}`;
    };

    test('connexion et tableau de bord avec ses widgets', async () => {
      const { openPage, tag } = suite();
      const page = await openPage();
      await page.goto('/login');
      await checkAccessibility(page, 'connexion');
      await login(page, ADMIN, PASSWORD);
      assert.equal(pathOf(page), '/');
      const main = mainOf(page);
      for (const title of ['Bienvenue', 'Mes informations', 'Activité récente', 'Modifications des 7 derniers jours']) {
        await main.getByRole('heading', { name: title }).waitFor();
      }
      // The chart: a canvas with a text alternative, and its data as a table.
      const canvas = main.locator('canvas[role="img"]');
      await canvas.waitFor();
      assert.ok(((await canvas.getAttribute('aria-label')) ?? '').length > 0, 'le graphique a une alternative textuelle');
      assert.ok((await main.getByRole('table').count()) > 0 || (await main.locator('details table').count()) > 0, 'les données du graphique sous forme de tableau');
      await page.waitForFunction(() => {
        const drawn = document.querySelector('canvas[role="img"]') as HTMLCanvasElement | null;
        return drawn !== null && drawn.width > 0 && drawn.toDataURL() !== document.createElement('canvas').toDataURL();
      });
      await checkAccessibility(page, 'tableau de bord');
      await screenshot(page, `acces-01-tableau-de-bord${tag}`);
      assertNoPageProblems(page);
      adminPage ??= Promise.resolve(page);
    });

    test('listes : simple, recherche avancée, résultat vide, recherche globale', async () => {
      const { tag } = suite();
      const page = await signedInAdmin();
      await page.goto('/associations/association');
      await listingTable(mainOf(page), 'Association').waitFor();
      await checkAccessibility(page, 'liste');
      await page.goto('/associations/association?adv=1&filter[secteur]=' + SECTEURS.Culture);
      await checkAccessibility(page, 'liste, recherche avancée');
      await screenshot(page, `acces-02-liste-recherche-avancee${tag}`);
      await page.goto('/associations/association?q=introuvable');
      await mainOf(page).getByText('Aucun enregistrement.').first().waitFor();
      await checkAccessibility(page, 'liste vide');
      await page.goto('/recherche?q=harmonie');
      await checkAccessibility(page, 'recherche globale');
      await screenshot(page, `acces-03-recherche-globale${tag}`);
      assertNoPageProblems(page);
    });

    test('formulaires : ajouter, consulter, modifier avec erreurs, supprimer', async () => {
      const { tag } = suite();
      const page = await signedInAdmin();
      const main = mainOf(page);
      const record = await recordUrl();

      await page.goto('/associations/association/new');
      await checkAccessibility(page, 'formulaire d’ajout');
      await page.goto(record);
      await main.getByRole('navigation', { name: 'Actions sur l’enregistrement' }).waitFor();
      await checkAccessibility(page, 'fiche (consulter)');
      await screenshot(page, `acces-04-fiche${tag}`);

      await page.goto(`${record}/edit`);
      await field(main, 'Nom').fill('');
      await field(main, 'Date de création').fill('32/13/2020');
      await submit(page, main.getByRole('button', { name: 'Enregistrer les modifications' }));
      assert.equal(await field(main, 'Nom').getAttribute('aria-invalid'), 'true');
      await checkAccessibility(page, 'formulaire de modification avec erreurs');
      await screenshot(page, `acces-05-modification-erreurs${tag}`);

      await page.goto(`${record}/delete`);
      await checkAccessibility(page, 'confirmation de suppression');
      // A custom action's confirmation, then its French refusal.
      await page.goto(`${record}/verifier`);
      await checkAccessibility(page, 'confirmation d’une action');
      await submit(page, main.getByRole('button', { name: /Vérifier|Confirmer/ }));
      assert.match(await messagesOf(page), /Vérification impossible/);
      await checkAccessibility(page, 'action refusée');
      assertNoPageProblems(page);
    });

    test('sous-formulaire : l’onglet, son formulaire et ses erreurs', async () => {
      const { tag } = suite();
      const page = await signedInAdmin();
      const main = mainOf(page);
      const record = await recordUrl();
      await page.goto(record);
      await afterHtmxSwap(page, () => main.getByRole('tab', { name: 'Adhérents' }).click());
      await listingTable(main.getByRole('tabpanel'), ANY_ADHERENT).waitFor();
      await checkAccessibility(page, 'sous-formulaire (onglet)');

      // The add form, in the tab; then its errors, in the tab.
      const panel = main.getByRole('tabpanel');
      await afterHtmxSwap(page, () => panel.getByRole('link', { name: /^Ajouter/ }).click());
      await checkAccessibility(page, 'sous-formulaire (ajout)');
      await field(panel, 'Fonction').fill('Trésorière');
      await afterHtmxSwap(page, () => panel.getByRole('button', { name: 'Ajouter l’enregistrement' }).click());
      assert.equal(await field(panel, 'Nom').getAttribute('aria-invalid'), 'true', 'le nom manquant est signalé');
      assert.equal(await field(panel, 'Fonction').inputValue(), 'Trésorière');
      await checkAccessibility(page, 'sous-formulaire (erreurs)');
      await screenshot(page, `acces-06-sous-formulaire-erreurs${tag}`);
      assertNoPageProblems(page);
    });

    test('administration : matrice des droits, composition du tableau de bord, utilisateurs', async () => {
      const { tag } = suite();
      const page = await signedInAdmin();
      await page.goto('/administration/droits?q=association');
      await checkAccessibility(page, 'matrice des droits');
      await screenshot(page, `acces-07-matrice${tag}`);
      await page.goto('/administration/tableau-de-bord?profil=1');
      await checkAccessibility(page, 'composition du tableau de bord');
      await screenshot(page, `acces-08-composition${tag}`);
      await page.goto('/om/om_utilisateur');
      await checkAccessibility(page, 'liste des utilisateurs');
      await page.goto('/om/om_utilisateur/new');
      await checkAccessibility(page, 'ajout d’un utilisateur');
      await page.goto('/om/om_audit');
      await checkAccessibility(page, 'journal des modifications');
      const [entry] = await suite().app.database.ownerQuery<{ om_audit: number }>('select om_audit from om.om_audit order by om_audit limit 1');
      const journal = await page.goto(`/administration/journal/${entry!.om_audit}`);
      assert.equal(journal?.status(), 200);
      await checkAccessibility(page, 'entrée du journal (avant, après)');
      await page.goto('/om/om_profil/1');
      await checkAccessibility(page, 'fiche d’un profil et ses onglets');
      await page.goto('/om/om_widget/new');
      await checkAccessibility(page, 'ajout d’un widget (texte riche)');
      await page.goto('/compte/jetons');
      await checkAccessibility(page, 'mes jetons d’API');
      await screenshot(page, `acces-09-jetons${tag}`);
      assertNoPageProblems(page);
    });

    test('pages d’erreur : 403 « Droits insuffisants », 404, 500 avec référence et sans détail technique', async () => {
      const { openPage, tag } = suite();
      const reader = await openPage();
      await signIn(reader, READER);
      const forbidden = await reader.goto('/associations/association');
      assert.equal(forbidden?.status(), 403);
      await reader.getByRole('heading', { level: 1, name: 'Droits insuffisants' }).waitFor();
      await checkAccessibility(reader, 'page 403');
      await screenshot(reader, `acces-10-403${tag}`);
      const missing = await reader.goto('/associations/association/999999');
      assert.ok([403, 404].includes(missing?.status() ?? 0));
      const unknown = await reader.goto('/nulle/part/ici');
      assert.equal(unknown?.status(), 404);
      await checkAccessibility(reader, 'page 404');

      const page = await signedInAdmin();
      const main = mainOf(page);
      await page.goto(`${await recordUrl()}/archiver`);
      const answer = page.waitForResponse((response) => response.request().method() === 'POST');
      await submit(page, main.getByRole('button', { name: /Archiver|Confirmer/ }));
      assert.equal((await answer).status(), 500);
      const text = await main.innerText();
      assert.match(text, /[0-9a-f]{8}-[0-9a-f]{4}-/, 'la page 500 donne la référence de la requête');
      assert.doesNotMatch(text, /panne simulée|Error|at \S+ \(/, 'ni message interne ni pile d’appels');
      await checkAccessibility(page, 'page 500');
      await screenshot(page, `acces-11-500${tag}`);
    });

    test('au clavier : une ligne de liste s’ouvre avec Entrée, les onglets se parcourent avec les flèches', async () => {
      const page = await signedInAdmin();
      const main = mainOf(page);
      await page.goto('/associations/association?q=harmonie');
      const link = listingTable(main, 'Association').locator('tbody').getByRole('link', { name: RECORD });
      await link.focus();
      const focused = await focusedElement(page);
      assert.equal(focused.name, RECORD);
      assert.ok(focused.visibleIndicator, `focus invisible sur la ligne : ${JSON.stringify(focused)}`);
      const loaded = page.waitForEvent('load');
      await page.keyboard.press('Enter');
      await loaded;
      assert.equal(pathOf(page), await recordUrl());

      // A profile has several sub-form tabs (WAI-ARIA tabs: arrows move between them).
      await page.goto('/om/om_profil/1');
      const first = main.getByRole('tab').first();
      await first.focus();
      const onTab = await focusedElement(page);
      assert.ok(onTab.visibleIndicator, `focus invisible sur l’onglet : ${JSON.stringify(onTab)}`);
      await afterHtmxSwap(page, () => page.keyboard.press('ArrowRight'));
      const next = await focusedElement(page);
      assert.equal(
        await page.locator(`[id="${next.id}"]`).getAttribute('role'),
        'tab',
        `après la flèche droite et le chargement de l’onglet, le focus doit rester sur l’onglet suivant (motif WAI-ARIA) ; il est sur #${next.id}`,
      );
      assert.notEqual(next.id, onTab.id, 'la flèche droite passe à l’onglet suivant');
      // Tab leaves the tab list for the panel.
      const after = await tab(page);
      assert.notEqual(after.id, next.id);
      assertNoPageProblems(page);
    });

    test('au clavier : la recherche au fil de la frappe dans un onglet garde le focus dans la zone de recherche', async () => {
      const page = await signedInAdmin();
      const main = mainOf(page);
      await page.goto(await recordUrl());
      const panel = main.getByRole('tabpanel');
      const box = panel.getByRole('searchbox', { name: 'Rechercher' });
      await box.focus();
      await afterHtmxSwap(page, () => page.keyboard.type('gé'));
      const focused = await focusedElement(page);
      assert.equal(focused.tag, 'input', `après la mise à jour de la liste, le focus a quitté la zone de recherche : ${JSON.stringify(focused)}`);
      await afterHtmxSwap(page, () => page.keyboard.type('rard'));
      assert.equal(await panel.getByRole('searchbox', { name: 'Rechercher' }).inputValue(), 'gérard', 'toute la saisie arrive dans la zone de recherche');
      await panel.getByText('1 - 1 enregistrement(s) sur 1').waitFor();
      assertNoPageProblems(page);
    });

    test('largeur : ni à 1280 px ni sur un écran de 320 px la page ne défile horizontalement (les tableaux défilent dans leur zone)', async () => {
      const { tag } = suite();
      const page = await signedInAdmin();
      const record = await recordUrl();
      const pages = ['/', '/associations/association', '/associations/association?adv=1', record, `${record}/edit`, '/om/om_utilisateur/new', '/administration/droits', '/administration/tableau-de-bord?profil=1'];
      const problems: string[] = [];
      try {
        for (const width of [1280, 320]) {
          await page.setViewportSize({ width, height: 800 });
          for (const address of pages) {
            await page.goto(address);
            const { overflow, culprits } = await horizontalOverflow(page);
            if (overflow > 0) {
              problems.push(`${width} px, ${address} : la page dépasse de ${overflow} px (${culprits.join(', ')})`);
              await screenshot(page, `acces-largeur-${width}-${address.replace(/[^a-z0-9]+/gi, '-')}${tag}`);
            }
          }
        }
      } finally {
        // The page is shared: back to the window the other tests expect.
        await page.setViewportSize({ width: 1280, height: 800 });
      }
      assert.deepEqual(problems, [], 'défilement horizontal de toute la page');
    });
  },
  {
    users: [
      { login: ADMIN, password: PASSWORD, profil: 'ADMINISTRATEUR', collectivite: 2 },
      { login: READER, password: PASSWORD, profil: 'CONSULTATION', collectivite: 1 },
    ],
    grants: { ADMINISTRATEUR: ['associations.association', 'associations.adherent', 'associations.secteur', 'associations.salle'] },
    setup: async (database) => {
      await database.asOwner(ASSOCIATIONS_SCHEMA_SQL, ASSOCIATIONS_SCHEMA);
      await database.asOwner(`
        insert into associations.association (nom, president, date_creation, subvention, agreee, secteur, om_collectivite) values
          ('${RECORD}', 'Odile Marchand', '1952-03-01', 4500, true, ${SECTEURS.Culture}, 1),
          ('Club de randonnée', null, null, null, false, ${SECTEURS.Sport}, 1);
        insert into associations.adherent (nom, fonction, association, om_collectivite)
          select 'Gérard Petit', 'Chef de musique', association, 1 from associations.association where nom = '${RECORD}';
        insert into om.om_widget (libelle, lien, texte, type) values
          ('Bienvenue', '/associations/association', '<p>Bienvenue sur <strong>Commun</strong> : retrouvez les associations de la commune.</p>', 'web'),
          ('Mes informations', 'om.mes_informations', '', 'file'),
          ('Activité récente', 'om.activite_recente', '', 'file'),
          ('Modifications des 7 derniers jours', 'om.modifications_7_jours', '', 'file');
        insert into om.om_dashboard (om_profil, bloc, position, om_widget)
          select 1, case libelle when 'Bienvenue' then 'C1' when 'Mes informations' then 'C1' when 'Activité récente' then 'C2' else 'C3' end,
                 case libelle when 'Mes informations' then 2 else 1 end, om_widget
            from om.om_widget;
        insert into om.om_audit (horodatage, login, application, objet, cle, action, avant, apres)
          select now() - make_interval(days => n % 5), '${ADMIN}', 'associations', 'association', '1', 'update',
                 jsonb_build_object('president', 'Odile Marchand', 'subvention', 4000 + n), jsonb_build_object('president', 'Odile Marchand', 'subvention', 4100 + n)
            from generate_series(1, 12) as n;
      `);
    },
    schemas: [ASSOCIATIONS_SCHEMA],
    overrides: OVERRIDES,
    register: registerFrameworkWidgets,
  },
);
