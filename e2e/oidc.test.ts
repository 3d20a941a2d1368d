/**
 * Signing in through ProConnect in Chromium, against a real OpenID Connect provider started here
 * (oidc-provider configured like ProConnect, framework/test/support/oidc-provider.ts). An
 * administrator declares ProConnect and maps a SIRET from « Administration › Connexion fédérée »;
 * a new agent signs in (account created in the mapped collectivité) and signs out through the
 * provider; a known agent is linked by e-mail; an agent of an unknown SIRET is held until the
 * administrator accepts him. axe-core on the login page and on every administration page.
 *
 * Two browser contexts for the whole suite: the administrator's, signed in once and shared by the
 * tests that administer, and the agents' browser, whose cookies (the application's and the
 * provider's) are cleared before each agent: as a new browser for both servers, without the cost
 * of a new context and of its first page load.
 *
 * The application listens on a port chosen before it starts, so that COMMUN_BASE_URL (the base of
 * the redirect URIs the provider knows) is its real address.
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { syncPermissionVocabulary } from '../framework/src/access/vocabulary.ts';
import { createApp } from '../framework/src/web/app.tsx';
import { startServer, type RunningServer } from '../framework/src/web/server.ts';
import { createTestDatabase, type TestDatabase } from '../framework/test/support/databases.ts';
import { startTestOidcProvider, type TestAgent, type TestOidcProvider } from '../framework/test/support/oidc-provider.ts';
import { createTestRuntime, createUsers } from '../framework/test/support/runtime.ts';
import { checkAccessibility, fileBrowser, journeyKinds, login, openPage, screenshot, sharedPage, submit, type BrowserContext, type Page } from './support/index.ts';

const ADMIN = { login: 'admin', password: 'Mot-de-passe-42', profil: 'ADMINISTRATEUR', collectivite: 2 } as const;
/** Already has a password account; ProConnect gives the same e-mail address. */
const KNOWN_USER = { login: 'mdupuis', password: 'Mot-de-passe-43', profil: 'UTILISATEUR', collectivite: 1 } as const;

const MAPPED_SIRET = '21130055300016';
const NEW: TestAgent = { sub: 'pc-nadia', email: 'nadia.leroy@mairie-libreville.fr', given_name: 'Nadia', usual_name: 'Leroy', siret: MAPPED_SIRET, organization_label: 'Mairie de Libreville' };
const KNOWN: TestAgent = { sub: 'pc-marc', email: 'mdupuis@example.org', given_name: 'Marc', usual_name: 'Dupuis', siret: MAPPED_SIRET };
const HELD: TestAgent = { sub: 'pc-lea', email: 'lea.martin@ccas-libreville.fr', given_name: 'Léa', usual_name: 'Martin', siret: '73282932000074', organization_label: 'CCAS de Libreville' };

const BASE = '/administration/connexion-federee';
const PROCONNECT_BUTTON = /S’identifier avec\s*ProConnect/;
const pathOf = (page: Page) => new URL(page.url()).pathname;
/** A button or a link: what matters is that it leaves for the provider without a form (CSP form-action 'self'). */
const proconnectButton = (page: Page) => page.getByRole('button', { name: PROCONNECT_BUTTON }).or(page.getByRole('link', { name: PROCONNECT_BUTTON }));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

// Like every journey, on one database kind (e2e/support/suite.ts).
for (const kind of journeyKinds) {
  describe(`connexion par ProConnect [${kind === 'pglite' ? 'embarquée' : 'serveur'}]`, () => {
    let url = '';
    let database: TestDatabase | undefined;
    let server: RunningServer | undefined;
    let provider: TestOidcProvider | undefined;
    const contexts: BrowserContext[] = [];
    const tag = `-${kind}`;

    before(async () => {
      const port = await freePort();
      url = `http://127.0.0.1:${port}`;
      provider = await startTestOidcProvider({
        redirectUris: [`${url}/login/oidc/callback`],
        postLogoutRedirectUris: [`${url}/logout/oidc/callback`],
        agents: [NEW, KNOWN, HELD],
      });
      // The client's id and secret come from the environment only (the provider's code is « proconnect »).
      process.env.COMMUN_OIDC_PROCONNECT_CLIENT_ID = provider.clientId;
      process.env.COMMUN_OIDC_PROCONNECT_CLIENT_SECRET = provider.clientSecret;
      // The browser starts meanwhile (shared by the file's suites, closed after them).
      [database] = await Promise.all([createTestDatabase(kind), fileBrowser()]);
      await createUsers(database, [ADMIN, KNOWN_USER]);
      const runtime = await createTestRuntime(database, { config: { baseUrl: url } });
      await syncPermissionVocabulary(runtime.db.kysely, runtime.registry);
      server = await startServer(createApp(runtime), runtime, { port, hostname: '127.0.0.1', handleSignals: false, shutdownTimeoutMs: 2000 });
    });

    after(async () => {
      for (const context of contexts.splice(0)) await context.close().catch(() => undefined);
      await server?.close().catch(() => undefined);
      await database?.close();
      await provider?.stop();
      delete process.env.COMMUN_OIDC_PROCONNECT_CLIENT_ID;
      delete process.env.COMMUN_OIDC_PROCONNECT_CLIENT_SECRET;
    });

    async function newPage(): Promise<Page> {
      const opened = await openPage(await fileBrowser(), url);
      contexts.push(opened.context);
      return opened.page;
    }

    /** The administrator's page, signed in by the first test that needs it and shared by the others. */
    const signedInAdmin = sharedPage(async () => {
      const page = await newPage();
      await login(page, ADMIN.login, ADMIN.password);
      assert.equal(pathOf(page), '/');
      return page;
    });

    let agentPage: Page | undefined;
    /** The agents' browser on a freshly loaded login page, with no cookie of the application or of the provider. */
    async function freshAgentPage(): Promise<Page> {
      agentPage ??= await newPage();
      await agentPage.context().clearCookies();
      await agentPage.goto('/login');
      return agentPage;
    }

    /** « S’identifier avec ProConnect », then the provider's form when it shows one; waits to be back on the application. */
    async function proconnect(page: Page, agent: TestAgent): Promise<void> {
      if (pathOf(page) !== '/login') await page.goto('/login');
      await submit(page, proconnectButton(page));
      assert.ok(page.url().startsWith(provider!.issuer), `on the provider: ${page.url()}`);
      await page.getByLabel('Identifiant', { exact: true }).fill(agent.sub);
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await page.waitForURL((address) => address.origin === url);
      await page.waitForLoadState('load');
    }

    async function signOutThroughProvider(page: Page): Promise<void> {
      const before = provider!.logouts.length;
      await page.getByRole('banner').getByRole('button', { name: 'Se déconnecter' }).click();
      await page.waitForURL(`${url}/login`);
      assert.equal(provider!.logouts.length, before + 1, 'the provider’s end-session was called');
      const logout = provider!.logouts.at(-1);
      assert.ok(logout?.idTokenHint, 'with id_token_hint');
      assert.ok(logout?.state, 'with a state');
      assert.equal(logout?.postLogoutRedirectUri, `${url}/logout/oidc/callback`);
      assert.match(await page.locator('body').innerText(), /Vous êtes déconnecté\./);
      assert.equal((await page.goto('/'))?.status(), 200);
      assert.equal(pathOf(page), '/login', 'signed out: back to the login form');
    }

    const linkedUser = async (sub: string) =>
      database!.ownerQuery<{ om_utilisateur: number; login: string; om_collectivite: number; om_type: string }>(
        `select u.om_utilisateur, u.login, u.om_collectivite, u.om_type from om.om_utilisateur u
           join om.om_identite_federee i using (om_utilisateur) where i.sujet = '${sub}'`,
      );

    test('un administrateur déclare ProConnect, teste la découverte et rattache un SIRET', async () => {
      const page = await signedInAdmin();
      await page.goto(BASE);
      await assert.doesNotReject(page.getByRole('heading', { level: 1, name: 'Fournisseurs d’identité' }).waitFor());
      await checkAccessibility(page, 'fournisseurs d’identité (aucun)');
      await submit(page, page.getByRole('button', { name: 'Ajouter ProConnect' }));
      await assert.doesNotReject(page.getByRole('heading', { level: 1, name: 'Nouveau fournisseur d’identité' }).waitFor());
      await checkAccessibility(page, 'nouveau fournisseur d’identité');
      // The production preset, pointed at the local provider.
      await page.getByLabel('Adresse de découverte').fill(provider!.discoveryUrl);
      await page.getByLabel('Créer le compte d’un agent inconnu dans la collectivité de son SIRET').check();
      await page.getByLabel('À la première connexion, rattacher l’agent au compte de même adresse électronique').check();
      await page.getByLabel('SIRET rattaché à aucune collectivité').selectOption('attente');
      await page.getByLabel('Profil des comptes créés').selectOption({ label: 'UTILISATEUR' });
      await submit(page, page.getByRole('button', { name: 'Enregistrer' }));
      assert.match(await page.locator('body').innerText(), /Le fournisseur d’identité « ProConnect » a été ajouté\./);
      assert.match(await page.locator('main').innerText(), /COMMUN_OIDC_PROCONNECT_CLIENT_ID\s+définie/);
      await submit(page, page.getByRole('button', { name: 'Tester la découverte' }));
      const main = await page.locator('main').innerText();
      assert.match(main, /Le fournisseur répond : document de découverte lu\./);
      assert.ok(main.includes(provider!.issuer), 'the issuer is shown');
      await checkAccessibility(page, 'fournisseur d’identité, découverte');
      await screenshot(page, `oidc-01-fournisseur${tag}`);

      await page.goto(`${BASE}/sirets`);
      await page.getByRole('textbox', { name: 'SIRET' }).fill('211 300 553 00016');
      await page.getByLabel('Établissement').fill('Mairie de Libreville');
      await page.getByLabel('Collectivité', { exact: true }).selectOption({ label: 'Libreville' });
      await submit(page, page.getByRole('button', { name: 'Rattacher' }));
      assert.match(await page.locator('body').innerText(), /Le SIRET 21130055300016 est rattaché à Libreville\./);
      await checkAccessibility(page, 'établissements (SIRET)');
      await page.goto(BASE);
      assert.match(await page.locator('main').innerText(), /ProConnect\s+proconnect\s+ProConnect\s+définie\s+proposé sur la page de connexion/);
      await checkAccessibility(page, 'fournisseurs d’identité');
    });

    test('un nouvel agent se connecte par ProConnect (compte créé dans la collectivité de son SIRET), puis se déconnecte', async () => {
      const page = await freshAgentPage();
      await assert.doesNotReject(proconnectButton(page).waitFor());
      await checkAccessibility(page, 'page de connexion avec ProConnect');
      await screenshot(page, `oidc-02-connexion${tag}`);
      await proconnect(page, NEW);
      assert.equal(pathOf(page), '/');
      await assert.doesNotReject(page.getByRole('banner').getByText('Leroy Nadia').first().waitFor());
      const users = await linkedUser(NEW.sub);
      assert.deepEqual(users.map((user) => [Number(user.om_collectivite), user.om_type]), [[1, 'OIDC']]);
      await signOutThroughProvider(page);
    });

    test('un agent connu est rattaché à son compte par son adresse électronique', async () => {
      const [known] = await database!.ownerQuery<{ om_utilisateur: number }>(`select om_utilisateur from om.om_utilisateur where login = '${KNOWN_USER.login}'`);
      const page = await freshAgentPage();
      await proconnect(page, KNOWN);
      assert.equal(pathOf(page), '/');
      await assert.doesNotReject(page.getByRole('banner').getByText(KNOWN_USER.login).first().waitFor());
      const users = await linkedUser(KNOWN.sub);
      assert.deepEqual(users.map((user) => Number(user.om_utilisateur)), [Number(known?.om_utilisateur)], 'the same account');
      await signOutThroughProvider(page);
    });

    test('un agent d’un SIRET inconnu est mis en attente, accepté par l’administrateur, puis se connecte', async () => {
      const held = await freshAgentPage();
      await proconnect(held, HELD);
      assert.match(await held.locator('body').innerText(), /Votre demande d’accès a été transmise à un administrateur\./);
      assert.deepEqual(await linkedUser(HELD.sub), []);

      const admin = await signedInAdmin();
      await admin.goto(`${BASE}/attente`);
      assert.match(await admin.locator('main').innerText(), /Léa Martin\s+lea\.martin@ccas-libreville\.fr\s+CCAS de Libreville\s+73282932000074/);
      await checkAccessibility(admin, 'demandes d’accès en attente');
      await submit(admin, admin.getByRole('link', { name: 'Traiter la demande de Léa Martin' }));
      await checkAccessibility(admin, 'une demande d’accès');
      await admin.getByLabel('Collectivité', { exact: true }).selectOption({ label: 'Libreville' });
      await admin.getByLabel('Profil', { exact: true }).selectOption({ label: 'UTILISATEUR' });
      await submit(admin, admin.getByRole('button', { name: 'Accepter' }));
      assert.match(await admin.locator('body').innerText(), /La demande de Léa Martin est acceptée : son compte est créé\./);
      await screenshot(admin, `oidc-03-demande-acceptee${tag}`);

      const again = await freshAgentPage();
      await proconnect(again, HELD);
      assert.equal(pathOf(again), '/');
      await assert.doesNotReject(again.getByRole('banner').getByText('Martin Léa').first().waitFor());
      assert.deepEqual((await linkedUser(HELD.sub)).map((user) => Number(user.om_collectivite)), [1]);
    });
  });
}
