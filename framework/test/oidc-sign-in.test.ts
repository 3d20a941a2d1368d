/**
 * Federated sign-in end to end over HTTP: the app (its real auth routes) against a real OpenID
 * Connect provider on this machine (oidc-provider configured like ProConnect), cookies carried by
 * hand. One provider for the file; each database gets its own provider rows.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Hono } from 'hono';
import { pino } from 'pino';
import { acceptHeldSignIn, listHeldSignIns, refuseHeldSignIn } from '../src/access/oidc/index.ts';
import { hashPassword } from '../src/access/passwords.ts';
import { Registry } from '../src/model/registry.ts';
import { registerFrameworkObjects } from '../src/objects/index.ts';
import type { Runtime } from '../src/runtime.ts';
import type { AppEnv } from '../src/web/env.ts';
import { testActor } from './support/actors.ts';
import { Browser, createUser, testApp, testRuntime } from './support/auth.ts';
import { describeEachDatabase, type TestDatabase } from './support/databases.ts';
import { PROCONNECT_ACR, startTestOidcProvider, type TestAgent, type TestOidcProvider } from './support/oidc-provider.ts';

const BASE = 'http://commun.test';
const MAIRIE_SIRET = '21750001600019';
const INCONNU_SIRET = '13002526500013';
const CODES = ['proconnect', 'strict', 'refus', 'masque'];

let provider: TestOidcProvider;

const agent = (sub: string, extra: Partial<TestAgent> = {}): TestAgent => ({
  sub,
  email: `${sub}@ville.test`,
  given_name: 'Camille',
  usual_name: 'Martin',
  uid: sub,
  siret: MAIRIE_SIRET,
  organization_label: 'Commune de Libreville',
  roles: ['agent_public', 'agent_public_territorial'],
  ...extra,
});

before(async () => {
  provider = await startTestOidcProvider({
    redirectUris: [`${BASE}/login/oidc/callback`],
    postLogoutRedirectUris: [`${BASE}/logout/oidc/callback`],
    agents: [],
  });
  for (const code of CODES) {
    const stem = `COMMUN_OIDC_${code.toUpperCase()}`;
    // 'masque' has no secret: declared, but not offered.
    process.env[`${stem}_CLIENT_ID`] = provider.clientId;
    if (code !== 'masque') process.env[`${stem}_CLIENT_SECRET`] = provider.clientSecret;
  }
});

after(async () => {
  await provider.stop();
  for (const code of CODES) {
    delete process.env[`COMMUN_OIDC_${code.toUpperCase()}_CLIENT_ID`];
    delete process.env[`COMMUN_OIDC_${code.toUpperCase()}_CLIENT_SECRET`];
  }
});

async function declareProviders(database: TestDatabase): Promise<void> {
  const url = provider.discoveryUrl;
  await database.asOwner(`
    insert into om.om_etablissement (siret, om_collectivite, libelle) values ('${MAIRIE_SIRET}', 1, 'Mairie de Libreville');
    insert into om.om_fournisseur_identite (code, libelle, modele, url_decouverte, portees, rattachement_par_courriel, creation_autorisee,
                                            siret_inconnu, om_profil_defaut, ordre)
    values ('proconnect', 'ProConnect', 'proconnect', '${url}', 'openid email given_name usual_name uid siret idp_id organization_label roles',
            true, true, 'attente', 3, 1);
    insert into om.om_fournisseur_identite (code, libelle, modele, url_decouverte, portees, creation_autorisee, om_profil_defaut,
                                            roles_autorises, domaines_autorises, acr_exiges, ordre)
    values ('strict', 'Annuaire exigeant', 'proconnect', '${url}', 'openid email given_name usual_name uid siret organization_label roles',
            true, 3, '{agent_public_territorial}', '{ville.test}', '{${PROCONNECT_ACR.consistencyChecked2fa}}', 2);
    insert into om.om_fournisseur_identite (code, libelle, modele, url_decouverte, portees, correspondance, creation_autorisee,
                                            siret_inconnu, om_profil_defaut, ordre)
    values ('refus', 'Autre fournisseur', 'oidc', '${url}', 'openid email given_name usual_name siret organization_label',
            '{"nom": "usual_name", "prenom": "given_name", "email": "email", "siret": "siret"}', true, 'refuser', 3, 3);
    insert into om.om_fournisseur_identite (code, libelle, modele, url_decouverte, ordre)
    values ('masque', 'Sans secret', 'oidc', '${url}', 4);`);
}

/** Starts at /login/oidc/<code>, signs in at the provider as `who`, and comes back: the callback's response. */
async function signIn(browser: Browser, code: string, who: TestAgent, cameFrom?: string): Promise<Response> {
  provider.signInAs(who);
  const start = await browser.get(`/login/oidc/${code}${cameFrom ? `?came_from=${encodeURIComponent(cameFrom)}` : ''}`);
  assert.equal(start.status, 303, await start.text());
  const back = new URL(await provider.authorize(start.headers.get('location') ?? ''));
  assert.equal(`${back.origin}${back.pathname}`, `${BASE}/login/oidc/callback`);
  return browser.get(`${back.pathname}${back.search}`);
}

/** Who the browser's session is (the probe page answers « accueil <login> <csrf> »), or undefined. */
async function whoAmI(browser: Browser): Promise<{ login: string; csrf: string } | undefined> {
  const response = await browser.get('/');
  if (response.status !== 200) return undefined;
  const [, login = '', csrf = ''] = (await response.text()).split(' ');
  return { login, csrf };
}

describeEachDatabase('federated sign-in (OpenID Connect, ProConnect)', (database) => {
  let runtime: Runtime;
  let app: Hono<AppEnv>;
  const logs: string[] = [];
  const loggedSince = (mark: number) => logs.slice(mark).join('\n');

  before(async () => {
    // The server-side log says why a sign-in failed: the tests check the reason, not only the refusal.
    const registry = new Registry();
    registerFrameworkObjects(registry);
    runtime = { ...testRuntime(database(), { COMMUN_BASE_URL: BASE }), registry, logger: pino({ level: 'info' }, { write: (line: string) => void logs.push(line) }) };
    app = testApp(runtime);
    await declareProviders(database());
  });

  test('the login page offers each provider whose client is configured, ProConnect by its own button and logo', async () => {
    const html = await (await new Browser(app).get('/login?came_from=%2Fom%2Fom_utilisateur')).text();
    // Links, not forms: the CSP's form-action 'self' would stop a form whose answer leaves for the provider.
    assert.match(html, /<a class="fr-connect" href="\/login\/oidc\/proconnect\?came_from=%2Fom%2Fom_utilisateur"><span class="fr-connect__login">S’identifier avec<\/span> <span class="fr-connect__brand">ProConnect<\/span><\/a>/);
    assert.match(html, /href="https:\/\/www.proconnect.gouv.fr\/" target="_blank" rel="noopener" title="Qu’est-ce que ProConnect \? - nouvelle fenêtre"/);
    assert.match(html, /<a class="bouton" href="\/login\/oidc\/refus\?came_from=%2Fom%2Fom_utilisateur">Se connecter avec Autre fournisseur<\/a>/);
    assert.doesNotMatch(html, /\/login\/oidc\/masque/, 'a provider without its client secret is not offered');
    assert.doesNotMatch(html, /style=|<script(?![^>]*\ssrc="\/static\/)/);
  });

  test('a new agent whose SIRET is mapped gets an account in that collectivité, a session, and lands where they were going', async () => {
    const browser = new Browser(app);
    const response = await signIn(browser, 'proconnect', agent('camille.martin'), '/om/om_utilisateur');
    assert.equal(response.status, 303);
    assert.equal(response.headers.get('location'), '/om/om_utilisateur');
    assert.equal((await whoAmI(browser))?.login, 'camille.martin');
    const [account] = await database().ownerQuery<{ nom: string; email: string; om_type: string; om_collectivite: number; om_profil: number }>(
      `select nom, email, om_type, om_collectivite, om_profil from om.om_utilisateur where login = 'camille.martin'`);
    assert.deepEqual({ ...account, om_collectivite: Number(account?.om_collectivite), om_profil: Number(account?.om_profil) },
      { nom: 'Martin Camille', email: 'camille.martin@ville.test', om_type: 'OIDC', om_collectivite: 1, om_profil: 3 });
    const sessions = await database().ownerQuery<{ fournisseur: string; jeton: boolean }>(`
      select f.code as fournisseur, s.jeton_identite like 'ey%' as jeton from om.om_session s join om.om_fournisseur_identite f using (om_fournisseur_identite)
        join om.om_utilisateur u using (om_utilisateur) where u.login = 'camille.martin'`);
    assert.deepEqual(sessions, [{ fournisseur: 'proconnect', jeton: true }]);
    const audit = await database().ownerQuery<{ login: string; action: string; apres: { login: string; om_type: string } }>(
      `select login, action, apres from om.om_audit where objet = 'om_utilisateur' and apres->>'login' = 'camille.martin'`);
    assert.deepEqual(audit.map((row) => [row.login, row.action, row.apres.om_type]), [['système', 'create', 'OIDC']]);
    // The account has no password: the password form does not open it.
    const other = new Browser(app);
    assert.equal((await other.login('camille.martin', '!')).status, 401);
    // Nor does a password an administrator set on its form: only the provider signs it in.
    await database().asOwner(`update om.om_utilisateur set pwd = '${await hashPassword('Mot-de-passe-pose-1')}' where login = 'camille.martin'`);
    assert.equal((await new Browser(app).login('camille.martin', 'Mot-de-passe-pose-1')).status, 401);
  });

  test('a known agent is linked by e-mail at the first sign-in, then found by their subject', async () => {
    const userId = await createUser(database(), { login: 'mdupont', email: 'Martine.Dupont@ville.test' });
    const martine = agent('sub-martine', { email: 'martine.dupont@ville.test', uid: 'martine' });
    const first = new Browser(app);
    assert.equal((await signIn(first, 'proconnect', martine)).status, 303);
    assert.equal((await whoAmI(first))?.login, 'mdupont');
    const links = await database().ownerQuery<{ om_utilisateur: number }>(`select om_utilisateur from om.om_identite_federee where sujet = 'sub-martine'`);
    assert.deepEqual(links.map((row) => Number(row.om_utilisateur)), [userId]);
    // Another address now: the link by subject still finds her.
    await database().asOwner(`update om.om_utilisateur set email = 'martine@ailleurs.test' where om_utilisateur = ${userId}`);
    const second = new Browser(app);
    assert.equal((await signIn(second, 'proconnect', martine)).status, 303);
    assert.equal((await whoAmI(second))?.login, 'mdupont');
    // A disabled account is refused with the same message as for a password.
    await database().asOwner(`update om.om_utilisateur set actif = false where om_utilisateur = ${userId}`);
    const third = new Browser(app);
    const refused = await signIn(third, 'proconnect', martine);
    assert.equal(refused.status, 403);
    assert.match(await refused.text(), /Ce compte est désactivé/);
    assert.equal(await whoAmI(third), undefined);
  });

  test('a wrong state, a state from another browser and a replayed callback open nothing', async () => {
    const browser = new Browser(app);
    provider.signInAs(agent('etat.faux'));
    const start = await browser.get('/login/oidc/proconnect');
    const back = new URL(await provider.authorize(start.headers.get('location') ?? ''));
    const state = back.searchParams.get('state') ?? '';

    // Another browser (an attacker's link): it never had the state cookie.
    const stranger = new Browser(app);
    const foreign = await stranger.get(`${back.pathname}${back.search}`);
    assert.equal(foreign.status, 400);
    assert.match(await foreign.text(), /La demande de connexion a expiré ou a déjà servi/);
    assert.equal(await whoAmI(stranger), undefined);

    const cookie = browser.cookies.get('commun_oidc_connexion') ?? '';
    const tampered = new URL(back.href);
    tampered.searchParams.set('state', `${state}x`);
    const wrong = await browser.get(`${tampered.pathname}${tampered.search}`);
    assert.equal(wrong.status, 400);
    assert.equal(await whoAmI(browser), undefined);

    // The right state (its cookie put back) still works once, and only once.
    browser.cookies.set('commun_oidc_connexion', cookie);
    assert.equal((await browser.get(`${back.pathname}${back.search}`)).status, 303);
    assert.equal((await whoAmI(browser))?.login, 'etat.faux');
    const replay = new Browser(app);
    replay.cookies.set('commun_oidc_connexion', cookie);
    assert.equal((await replay.get(`${back.pathname}${back.search}`)).status, 400);
    assert.equal(await whoAmI(replay), undefined);
  });

  test('a wrong nonce and an expired ID token are refused', async () => {
    const browser = new Browser(app);
    provider.signInAs(agent('nonce.faux'));
    const start = await browser.get('/login/oidc/proconnect');
    await database().asOwner(`update om.om_oidc_echange set nonce = 'un-autre-nonce' where nature = 'connexion'`);
    const back = new URL(await provider.authorize(start.headers.get('location') ?? ''));
    let mark = logs.length;
    const response = await browser.get(`${back.pathname}${back.search}`);
    assert.equal(response.status, 502);
    assert.match(loggedSince(mark), /unexpected ID Token \\"nonce\\" claim value/);
    assert.match(await response.text(), /La connexion par le fournisseur d’identité a échoué/);
    assert.equal(await whoAmI(browser), undefined);

    provider.setIdTokenTtl(0);
    try {
      const late = new Browser(app);
      mark = logs.length;
      const expired = await signIn(late, 'proconnect', agent('jeton.expire'));
      assert.equal(expired.status, 502);
      assert.match(loggedSince(mark), /"exp\\" \(expiration time\) claim value, expiration is past current timestamp/);
      assert.equal(await whoAmI(late), undefined);
    } finally {
      provider.setIdTokenTtl(3600);
    }
    const nobody = await database().ownerQuery(`select 1 from om.om_utilisateur where login in ('nonce.faux', 'jeton.expire')`);
    assert.deepEqual(nobody, []);
  });

  test('the agent cancelling at the provider gets a French message', async () => {
    const browser = new Browser(app);
    const start = await browser.get('/login/oidc/proconnect');
    const state = new URL(start.headers.get('location') ?? '').searchParams.get('state') ?? '';
    const response = await browser.get(`/login/oidc/callback?error=access_denied&state=${encodeURIComponent(state)}`);
    assert.equal(response.status, 400);
    assert.match(await response.text(), /Connexion annulée/);
  });

  test('an unknown SIRET is refused, or held until an administrator accepts or refuses it', async () => {
    const stranger = agent('agent.dinum', { siret: INCONNU_SIRET, organization_label: 'DINUM', email: 'agent.dinum@numerique.test' });
    const refused = new Browser(app);
    const refusal = await signIn(refused, 'refus', stranger);
    assert.equal(refusal.status, 403);
    assert.match(await refusal.text(), /Votre organisation \(DINUM\) n’est rattachée à aucune collectivité/);
    assert.equal(await whoAmI(refused), undefined);

    for (let attempt = 0; attempt < 2; attempt++) {
      const held = await signIn(new Browser(app), 'proconnect', stranger);
      assert.equal(held.status, 200);
      assert.match(await held.text(), /Votre demande d’accès a été transmise à un administrateur/);
    }
    const waiting = await listHeldSignIns(runtime.db.kysely, 'attente');
    assert.deepEqual(waiting.map((item) => [item.subject, item.siret, item.organisation, item.email]),
      [['agent.dinum', INCONNU_SIRET, 'DINUM', 'agent.dinum@numerique.test']]);
    assert.deepEqual(await database().ownerQuery(`select 1 from om.om_utilisateur where email = 'agent.dinum@numerique.test'`), []);

    const heldId = waiting[0]?.id ?? 0;
    const townAdmin = testActor({ login: 'admin1', niveau: '1', collectivite: 1, permissions: ['om_utilisateur'] });
    assert.equal((await acceptHeldSignIn(runtime, townAdmin, heldId, { collectivite: 2, profil: 3, rememberSiret: true })).ok, false,
      'a niveau-1 administrator accepts only into their own collectivité');
    const instanceAdmin = testActor({ login: 'admin2', niveau: '2', collectivite: 2, permissions: ['om_utilisateur'] });
    const accepted = await acceptHeldSignIn(runtime, instanceAdmin, heldId, { collectivite: 2, profil: 3, rememberSiret: true });
    assert.equal(accepted.ok, true);
    const browser = new Browser(app);
    assert.equal((await signIn(browser, 'proconnect', stranger)).status, 303);
    assert.equal((await whoAmI(browser))?.login, 'agent.dinum');
    const mapped = await database().ownerQuery<{ om_collectivite: number }>(`select om_collectivite from om.om_etablissement where siret = '${INCONNU_SIRET}'`);
    assert.deepEqual(mapped.map((row) => Number(row.om_collectivite)), [2]);

    // Refused: the agent is told so, and nothing new is held.
    const other = agent('agent.refuse', { siret: '11000001800014', organization_label: 'Préfecture' });
    await signIn(new Browser(app), 'proconnect', other);
    const [pending] = await listHeldSignIns(runtime.db.kysely, 'attente');
    assert.equal((await refuseHeldSignIn(runtime, instanceAdmin, pending?.id ?? 0, '  ')).ok, false);
    assert.equal((await refuseHeldSignIn(runtime, instanceAdmin, pending?.id ?? 0, 'Organisation extérieure')).ok, true);
    const again = await signIn(new Browser(app), 'proconnect', other);
    assert.equal(again.status, 403);
    assert.match(await again.text(), /Votre demande d’accès a été refusée/);
    assert.deepEqual(await listHeldSignIns(runtime.db.kysely, 'attente'), []);
  });

  test('the service’s rules: level (acr) required, roles and e-mail domains allowed', async () => {
    const browser = new Browser(app);
    const start = await browser.get('/login/oidc/strict');
    const authorization = new URL(start.headers.get('location') ?? '');
    assert.deepEqual(JSON.parse(authorization.searchParams.get('claims') ?? '{}'),
      { id_token: { acr: { essential: true, values: [PROCONNECT_ACR.consistencyChecked2fa] } } });
    assert.equal(authorization.searchParams.get('code_challenge_method'), 'S256');
    assert.ok(authorization.searchParams.get('nonce'));

    const weak = await signIn(new Browser(app), 'strict', agent('niveau.faible', { acr: PROCONNECT_ACR.consistencyChecked }));
    assert.equal(weak.status, 403);
    assert.match(await weak.text(), /Ce service exige une connexion plus sûre \(double authentification\)/);

    const state = await signIn(new Browser(app), 'strict', agent('agent.etat', { acr: PROCONNECT_ACR.consistencyChecked2fa, roles: ['agent_public', 'agent_public_etat'] }));
    assert.equal(state.status, 403);
    assert.match(await state.text(), /il n’admet que les rôles « agent_public_territorial »\. Les rôles qui vous sont associés sont : « agent_public », « agent_public_etat », pour l’organisation « Commune de Libreville » \(SIRET : 21750001600019\)/);

    const elsewhere = await signIn(new Browser(app), 'strict', agent('agent.ailleurs', { acr: PROCONNECT_ACR.consistencyChecked2fa, email: 'agent@ailleurs.test' }));
    assert.equal(elsewhere.status, 403);
    assert.match(await elsewhere.text(), /Les adresses électroniques du domaine « ailleurs.test » ne sont pas admises/);

    const strong = new Browser(app);
    assert.equal((await signIn(strong, 'strict', agent('niveau.fort', { acr: PROCONNECT_ACR.consistencyChecked2fa }))).status, 303);
    assert.equal((await whoAmI(strong))?.login, 'niveau.fort');
  });

  test('« Se déconnecter » ends the session here and at the provider, with id_token_hint and a checked state', async () => {
    const browser = new Browser(app);
    await signIn(browser, 'proconnect', agent('depart'));
    const me = await whoAmI(browser);
    assert.equal(me?.login, 'depart');
    const [stored] = await database().ownerQuery<{ jeton_identite: string }>(
      `select s.jeton_identite from om.om_session s join om.om_utilisateur u using (om_utilisateur) where u.login = 'depart'`);

    // A page that moves on at once (the CSP's form-action 'self' forbids a form's redirect to another site).
    const logout = await browser.postForm('/logout', { _csrf: me?.csrf ?? '' });
    assert.equal(logout.status, 200);
    const page = await logout.text();
    const refresh = /<meta http-equiv="refresh" content="0;url=([^"]+)"/.exec(page)?.[1];
    assert.ok(refresh, 'the page sends the browser on to the provider');
    const endSession = new URL(refresh.replaceAll('&amp;', '&'));
    assert.ok(page.includes(`href="${refresh}"`), 'with a link for a browser that does not follow the refresh');
    assert.equal(`${endSession.origin}${endSession.pathname}`, `${provider.issuer}/session/end`);
    assert.equal(endSession.searchParams.get('id_token_hint'), stored?.jeton_identite);
    assert.equal(endSession.searchParams.get('post_logout_redirect_uri'), `${BASE}/logout/oidc/callback`);
    assert.equal(await whoAmI(browser), undefined, 'the session ended here before leaving');

    const back = new URL(await provider.endSession(endSession.href));
    assert.equal(provider.logouts.at(-1)?.idTokenHint, stored?.jeton_identite);
    assert.equal(provider.logouts.at(-1)?.state, endSession.searchParams.get('state'));
    assert.equal(back.searchParams.get('state'), endSession.searchParams.get('state'));
    const done = await browser.get(`${back.pathname}${back.search}`);
    assert.equal(done.status, 303);
    assert.equal(done.headers.get('location'), '/login');
    assert.match(await (await browser.get('/login')).text(), /Vous êtes déconnecté\./);

    // The same return again (or a forged one): still signed out, but not « verified ».
    const forged = await new Browser(app).get(`${back.pathname}${back.search}`);
    assert.equal(forged.status, 303);

    // A password session's logout stays local.
    await createUser(database(), { login: 'local' });
    const local = new Browser(app);
    await local.login('local', 'Mot-de-passe-42');
    const localMe = await whoAmI(local);
    const localLogout = await local.postForm('/logout', { _csrf: localMe?.csrf ?? '' });
    assert.equal(localLogout.headers.get('location'), '/login');
  });
});
