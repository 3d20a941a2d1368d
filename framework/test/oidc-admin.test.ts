/**
 * « Administration › Connexion fédérée »: identity providers (ProConnect preset, any provider,
 * environment variables shown by name only, « Tester la découverte » against the local provider),
 * SIRETs (Luhn, La Poste, collectivité scope), held sign-ins (accept, refuse), deleting a provider
 * and the housekeeping of expired exchanges.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { maintainJobs } from '../src/jobs/index.ts';
import { adminTestApp, createAdminUsers, csrfIn, decoded, signIn, type AdminTestApp } from './admin-support.ts';
import { describeEachDatabase } from './support/databases.ts';
import { startTestOidcProvider, type TestOidcProvider } from './support/oidc-provider.ts';

const BASE = '/administration/connexion-federee';
const HTML = { Accept: 'text/html' };

describeEachDatabase('page Connexion fédérée', (database) => {
  let setup: AdminTestApp;
  let provider: TestOidcProvider;

  before(async () => {
    setup = await adminTestApp(database());
    await createAdminUsers(database());
    provider = await startTestOidcProvider({ redirectUris: ['http://commun.test/login/oidc/callback'], postLogoutRedirectUris: [], agents: [] });
  });
  after(() => provider?.stop());

  const count = async (table: string) => Number((await database().ownerQuery<{ n: string }>(`select count(*)::text as n from om.${table}`))[0]?.n);

  /** The form a browser would post for a provider, from the prefilled page plus changes. */
  function providerFields(csrf: string, changes: Record<string, string>): Record<string, string> {
    return {
      _csrf: csrf,
      code: 'essai',
      libelle: 'Fournisseur d’essai',
      modele: 'oidc',
      url_decouverte: provider.discoveryUrl,
      authentification_client: 'client_secret_post',
      portees: 'openid email given_name usual_name siret',
      revendication_login: 'uid',
      revendication_nom: 'usual_name',
      revendication_prenom: 'given_name',
      revendication_email: 'email',
      revendication_siret: 'siret',
      siret_inconnu: 'refuser',
      om_profil_defaut: '3',
      roles_autorises: '',
      domaines_autorises: '',
      acr_exiges: '',
      actif: '1',
      ordre: '0',
      ...changes,
    };
  }

  test('refused without the right to administer users; read-only for a niveau-1 administrator', async () => {
    const agent = await signIn(setup.app, 'agent');
    for (const path of [BASE, `${BASE}/nouveau`, `${BASE}/sirets`, `${BASE}/attente`]) assert.equal((await agent.get(path, HTML)).status, 403, path);
    const csrf = csrfIn(await (await agent.get('/', HTML)).text());
    assert.equal((await agent.postForm(`${BASE}/sirets`, { _csrf: csrf, siret: '21130055300016', om_collectivite: '1' })).status, 403);

    const admin1 = await signIn(setup.app, 'admin1');
    const list = await admin1.get(BASE, HTML);
    assert.equal(list.status, 200);
    assert.match(await list.text(), /Seul un administrateur de la collectivité de niveau 2 peut déclarer/);
    assert.equal((await admin1.get(`${BASE}/nouveau`, HTML)).status, 403);
    const csrf1 = csrfIn(await (await admin1.get(`${BASE}/sirets`, HTML)).text());
    assert.equal((await admin1.postForm(BASE, providerFields(csrf1, {}))).status, 403);
    assert.equal(await count('om_fournisseur_identite'), 0);
  });

  test('« Ajouter ProConnect » fills the preset; saved, the list says it is not offered until its variables are set', async () => {
    const admin2 = await signIn(setup.app, 'admin2');
    const menu = await (await admin2.get('/', HTML)).text();
    assert.match(menu, /href="\/administration\/connexion-federee"/);
    const page = await admin2.get(`${BASE}/nouveau?modele=proconnect&environnement=integration`, HTML);
    assert.equal(page.status, 200);
    const html = decoded(await page.text());
    assert.match(html, /value="https:\/\/fca\.integ01\.dev-agentconnect\.fr\/api\/v2\/\.well-known\/openid-configuration"/);
    assert.match(html, /<option value="client_secret_post" selected="">/);
    assert.match(html, /name="portees"[^>]*value="openid email given_name usual_name uid siret idp_id organization_label roles"/);
    assert.match(html, /<code>COMMUN_OIDC_PROCONNECT_INTEGRATION_CLIENT_ID<\/code>/);

    const csrf = csrfIn(html);
    const saved = await admin2.postForm(
      BASE,
      providerFields(csrf, {
        code: 'proconnect-integration',
        libelle: 'ProConnect',
        modele: 'proconnect',
        url_decouverte: 'https://fca.integ01.dev-agentconnect.fr/api/v2/.well-known/openid-configuration',
        creation_autorisee: '1',
        roles_autorises: 'agent, élu',
        domaines_autorises: '@Mairie-Exemple.fr',
        acr_exiges: 'https://proconnect.gouv.fr/assurance/self-asserted-2fa\nhttps://proconnect.gouv.fr/assurance/consistency-checked-2fa',
      }),
    );
    assert.equal(saved.status, 303);
    const rows = await database().ownerQuery<{ om_fournisseur_identite: number; modele: string; roles_autorises: string[]; domaines_autorises: string[]; acr_exiges: string[]; correspondance: unknown; creation_autorisee: boolean }>(
      `select om_fournisseur_identite, modele, roles_autorises, domaines_autorises, acr_exiges, correspondance, creation_autorisee from om.om_fournisseur_identite where code = 'proconnect-integration'`,
    );
    assert.equal(rows.length, 1);
    assert.equal(saved.headers.get('Location'), `${BASE}/${rows[0]?.om_fournisseur_identite}`);
    assert.equal(rows[0]?.modele, 'proconnect');
    assert.equal(rows[0]?.creation_autorisee, true);
    assert.deepEqual(rows[0]?.roles_autorises, ['agent', 'élu']);
    assert.deepEqual(rows[0]?.domaines_autorises, ['mairie-exemple.fr']);
    assert.equal(rows[0]?.acr_exiges.length, 2);
    const mapping = typeof rows[0]?.correspondance === 'string' ? JSON.parse(rows[0].correspondance) : rows[0]?.correspondance;
    assert.deepEqual(mapping, { login: 'uid', nom: 'usual_name', prenom: 'given_name', email: 'email', siret: 'siret' });

    const list = decoded(await (await admin2.get(BASE, HTML)).text());
    assert.match(list, /<caption>Fournisseurs d’identité déclarés<\/caption>/);
    assert.match(list, /<th scope="row">ProConnect<\/th><td><code>proconnect-integration<\/code><\/td><td>ProConnect<\/td><td>absente<\/td><td>non proposé \(variables absentes\)<\/td>/);
    const edit = decoded(await (await admin2.get(`${BASE}/${rows[0]?.om_fournisseur_identite}`, HTML)).text());
    assert.match(edit, /<code>COMMUN_OIDC_PROCONNECT_INTEGRATION_CLIENT_SECRET<\/code><\/th><td>absente<\/td>/);
    // The journal has the creation, by admin2, with the saved row.
    const journal = await database().ownerQuery<{ login: string; action: string; code: unknown; avant: unknown }>(
      `select login, action, apres->>'code' as code, avant from om.om_audit where objet = 'om_fournisseur_identite' and cle = '${rows[0]?.om_fournisseur_identite}'`,
    );
    assert.deepEqual(journal, [{ login: 'admin2', action: 'create', code: 'proconnect-integration', avant: null }]);
  });

  test('a wrong provider form is shown again with French messages and nothing is saved', async () => {
    const admin2 = await signIn(setup.app, 'admin2');
    const csrf = csrfIn(await (await admin2.get(`${BASE}/nouveau`, HTML)).text());
    const before = await count('om_fournisseur_identite');
    const response = await admin2.postForm(
      BASE,
      providerFields(csrf, { code: 'Pas Bon', url_decouverte: 'http://exemple.fr/.well-known/openid-configuration', portees: 'email', domaines_autorises: 'pas un domaine' }),
    );
    assert.equal(response.status, 422);
    const html = decoded(await response.text());
    assert.match(html, /Le fournisseur n’a pas été enregistré/);
    assert.match(html, /Le code doit faire de 1 à 40 caractères/);
    assert.match(html, /L’adresse de découverte doit être une adresse https/);
    assert.match(html, /Les portées doivent comprendre openid/);
    assert.match(html, /La valeur « pas » est invalide/);
    assert.match(html, /id="fi-code"[^>]*aria-invalid="true"/);
    assert.equal(await count('om_fournisseur_identite'), before);
    const taken = await admin2.postForm(BASE, providerFields(csrf, { code: 'proconnect-integration' }));
    assert.equal(taken.status, 422);
    assert.match(decoded(await taken.text()), /Ce code est déjà celui d’un autre fournisseur/);
  });

  test('« Tester la découverte » shows the local provider’s issuer, endpoints and algorithms, or why it failed', async () => {
    const admin2 = await signIn(setup.app, 'admin2');
    const csrf = csrfIn(await (await admin2.get(`${BASE}/nouveau`, HTML)).text());
    const saved = await admin2.postForm(BASE, providerFields(csrf, { code: 'local' }));
    assert.equal(saved.status, 303);
    const path = saved.headers.get('Location') ?? '';
    const tested = await admin2.postForm(`${path}/decouverte`, { _csrf: csrf });
    assert.equal(tested.status, 200);
    const html = decoded(await tested.text());
    assert.match(html, /Le fournisseur répond : document de découverte lu\./);
    assert.ok(html.includes(`<th scope="row">Émetteur (issuer)</th><td>${provider.issuer}</td>`));
    assert.ok(html.includes(`<td>${provider.issuer}/session/end</td>`));
    assert.match(html, /<th scope="row">Clés de signature publiées<\/th><td>EC ES256 \(1\)<\/td>/);
    assert.match(html, /<th scope="row">Signature des jetons d’identité<\/th><td>[^<]*ES256/);

    const broken = await admin2.postForm(BASE, providerFields(csrf, { code: 'injoignable', url_decouverte: 'http://127.0.0.1:1/.well-known/openid-configuration' }));
    const failed = decoded(await (await admin2.postForm(`${broken.headers.get('Location')}/decouverte`, { _csrf: csrf })).text());
    assert.match(failed, /La découverte a échoué : le fournisseur ne répond pas/);
  });

  test('SIRETs: Luhn checked (La Poste excepted), mapped and removed within the administrator’s collectivités', async () => {
    const admin2 = await signIn(setup.app, 'admin2');
    const csrf = csrfIn(await (await admin2.get(`${BASE}/sirets`, HTML)).text());
    const wrong = await admin2.postForm(`${BASE}/sirets`, { _csrf: csrf, siret: '211 300 553 00017', om_collectivite: '1' });
    assert.equal(wrong.status, 422);
    assert.match(decoded(await wrong.text()), /Le SIRET « 211 300 553 00017 » est invalide/);
    const mapped = await admin2.postForm(`${BASE}/sirets`, { _csrf: csrf, siret: '211 300 553 00016', libelle: 'Mairie', om_collectivite: '1' });
    assert.equal(mapped.status, 303);
    assert.equal((await admin2.postForm(`${BASE}/sirets`, { _csrf: csrf, siret: '35600000000048', om_collectivite: '2' })).status, 303);
    const again = await admin2.postForm(`${BASE}/sirets`, { _csrf: csrf, siret: '21130055300016', om_collectivite: '2' });
    assert.match(decoded(await again.text()), /Ce SIRET est déjà rattaché à une collectivité\./);
    const list = decoded(await (await admin2.get(`${BASE}/sirets`, HTML)).text());
    assert.match(list, /<th scope="row">211 300 553 00016<\/th><td>Mairie<\/td><td>Libreville<\/td>/);
    assert.match(list, /<th scope="row">356 000 000 00048<\/th><td><\/td><td>Syndicat intercommunal<\/td>/);

    const admin1 = await signIn(setup.app, 'admin1');
    const own = decoded(await (await admin1.get(`${BASE}/sirets`, HTML)).text());
    assert.match(own, /211 300 553 00016/);
    assert.ok(!own.includes('356 000 000 00048'), 'another collectivité’s SIRET is not shown');
    assert.ok(!own.includes('<option value="2"'), 'only their own collectivité is offered');
    const csrf1 = csrfIn(own);
    const elsewhere = await admin1.postForm(`${BASE}/sirets`, { _csrf: csrf1, siret: '73282932000074', om_collectivite: '2' });
    assert.equal(elsewhere.status, 422);
    await admin1.postForm(`${BASE}/sirets/35600000000048/supprimer`, { _csrf: csrf1 });
    assert.equal(await count('om_etablissement'), 2, 'another collectivité’s SIRET is not removed');
    assert.equal((await admin1.postForm(`${BASE}/sirets/21130055300016/supprimer`, { _csrf: csrf1 })).status, 303);
    assert.deepEqual(await database().ownerQuery(`select siret from om.om_etablissement`), [{ siret: '35600000000048' }]);
    // Each mapping and removal is in the journal, with its collectivité; the refused ones are not.
    assert.deepEqual(
      await database().ownerQuery(`select login, action, cle, om_collectivite from om.om_audit where objet = 'om_etablissement' order by om_audit`),
      [
        { login: 'admin2', action: 'create', cle: '21130055300016', om_collectivite: 1 },
        { login: 'admin2', action: 'create', cle: '35600000000048', om_collectivite: 2 },
        { login: 'admin1', action: 'delete', cle: '21130055300016', om_collectivite: 1 },
      ],
    );
  });

  test('held sign-ins: listed, accepted into a collectivité (account created, SIRET remembered), or refused with a reason', async () => {
    const [local] = await database().ownerQuery<{ id: number }>(`select om_fournisseur_identite as id from om.om_fournisseur_identite where code = 'local'`);
    await database().ownerQuery(`insert into om.om_connexion_attente (om_fournisseur_identite, sujet, courriel, prenom, nom, siret, organisation, revendications) values
      (${local?.id}, 'sub-claire', 'claire.dupont@ccas-exemple.fr', 'Claire', 'Dupont', '73282932000074', 'CCAS d’Exemple', '{"uid":"cdupont"}'),
      (${local?.id}, 'sub-marc', 'marc@inconnu.fr', 'Marc', 'Durand', '11002001300097', 'Ailleurs', '{}')`);
    const admin1 = await signIn(setup.app, 'admin1');
    const list = decoded(await (await admin1.get(`${BASE}/attente`, HTML)).text());
    assert.match(list, /<caption>Demandes en attente<\/caption>/);
    assert.match(list, /<th scope="row">Claire Dupont<\/th><td>claire\.dupont@ccas-exemple\.fr<\/td><td>CCAS d’Exemple<\/td><td>73282932000074<\/td>/);
    const ids = await database().ownerQuery<{ id: number; sujet: string }>(`select om_connexion_attente as id, sujet from om.om_connexion_attente order by sujet`);
    const claire = ids.find((row) => row.sujet === 'sub-claire')?.id;
    const marc = ids.find((row) => row.sujet === 'sub-marc')?.id;
    const one = decoded(await (await admin1.get(`${BASE}/attente/${claire}`, HTML)).text());
    assert.ok(!one.includes('Motif du refus'), 'a niveau-1 administrator does not refuse');
    const csrf1 = csrfIn(one);
    assert.equal((await admin1.postForm(`${BASE}/attente/${marc}/refuser`, { _csrf: csrf1, motif: 'Non' })).status, 403);

    const accepted = await admin1.postForm(`${BASE}/attente/${claire}/accepter`, { _csrf: csrf1, om_collectivite: '1', om_profil: '3', retenir_siret: '1' });
    assert.equal(accepted.status, 303);
    assert.equal(accepted.headers.get('Location'), `${BASE}/attente`);
    const users = await database().ownerQuery<{ om_type: string; om_collectivite: number; om_profil: number }>(
      `select u.om_type, u.om_collectivite, u.om_profil from om.om_utilisateur u join om.om_identite_federee i using (om_utilisateur) where i.sujet = 'sub-claire'`,
    );
    assert.deepEqual(users.map((user) => [user.om_type, Number(user.om_collectivite), Number(user.om_profil)]), [['OIDC', 1, 3]]);
    assert.deepEqual(await database().ownerQuery(`select om_collectivite from om.om_etablissement where siret = '73282932000074'`), [{ om_collectivite: 1 }]);
    assert.deepEqual(
      await database().ownerQuery(`select login, action, om_collectivite from om.om_audit where objet = 'om_etablissement' and cle = '73282932000074'`),
      [{ login: 'admin1', action: 'create', om_collectivite: 1 }],
      'the SIRET remembered on acceptance is journalled too',
    );

    const admin2 = await signIn(setup.app, 'admin2');
    const csrf2 = csrfIn(await (await admin2.get(`${BASE}/attente/${marc}`, HTML)).text());
    const empty = await admin2.postForm(`${BASE}/attente/${marc}/refuser`, { _csrf: csrf2, motif: ' ' });
    assert.equal(empty.status, 303);
    assert.match(decoded(await (await admin2.get(`${BASE}/attente/${marc}`, HTML)).text()), /Indiquez le motif du refus\./);
    assert.equal((await admin2.postForm(`${BASE}/attente/${marc}/refuser`, { _csrf: csrf2, motif: 'Organisation extérieure' })).status, 303);
    assert.deepEqual(await database().ownerQuery(`select statut, motif, traitee_par from om.om_connexion_attente where sujet = 'sub-marc'`), [
      { statut: 'refusee', motif: 'Organisation extérieure', traitee_par: 'admin2' },
    ]);
    assert.match(decoded(await (await admin2.get(`${BASE}/attente`, HTML)).text()), /Aucune demande d’accès n’est en attente\./);
    assert.equal((await admin2.get(`${BASE}/attente/${marc}`, HTML)).status, 404);
  });

  test('the housekeeping removes expired sign-in exchanges and keeps the others', async () => {
    const [local] = await database().ownerQuery<{ id: number }>(`select om_fournisseur_identite as id from om.om_fournisseur_identite where code = 'local'`);
    await database().ownerQuery(`insert into om.om_oidc_echange (etat, nature, om_fournisseur_identite, expire_le) values
      ('expire', 'connexion', ${local?.id}, now() - interval '1 minute'), ('vivant', 'connexion', ${local?.id}, now() + interval '10 minutes')`);
    await maintainJobs(setup.runtime);
    assert.deepEqual(await database().ownerQuery(`select etat from om.om_oidc_echange order by etat`), [{ etat: 'vivant' }]);
  });

  test('« Supprimer » a provider: niveau 2 only, the page says what goes and what stays; links, requests and exchanges go, accounts stay', async () => {
    const [local] = await database().ownerQuery<{ id: number }>(`select om_fournisseur_identite as id from om.om_fournisseur_identite where code = 'local'`);
    const path = `${BASE}/${local?.id}/supprimer`;
    const admin1 = await signIn(setup.app, 'admin1');
    assert.equal((await admin1.get(path, HTML)).status, 403);
    const csrf1 = csrfIn(await (await admin1.get(BASE, HTML)).text());
    assert.equal((await admin1.postForm(path, { _csrf: csrf1 })).status, 403);

    const admin2 = await signIn(setup.app, 'admin2');
    const form = decoded(await (await admin2.get(`${BASE}/${local?.id}`, HTML)).text());
    assert.ok(form.includes(`<a href="${path}">Supprimer ce fournisseur</a>`));
    const page = await admin2.get(path, HTML);
    assert.equal(page.status, 200);
    const html = decoded(await page.text());
    // Claire's account (accepted above) is linked; Marc's refused request is history.
    assert.match(html, /<li>le rattachement de 1 agent\(s\) à ce fournisseur ;<\/li>/);
    assert.match(html, /<li>0 demande\(s\) d’accès en attente ;<\/li>/);
    assert.match(html, /<li>2 demande\(s\) d’accès déjà traitée\(s\)/);
    assert.match(html, /Les comptes des agents restent[^<]*ne pourra plus se connecter tant qu’il ne sera pas rattaché de nouveau[^<]*Comptes concernés ici : 1\./);
    assert.match(html, /Supprimer définitivement le fournisseur d’identité « Fournisseur d’essai » \?/);
    assert.equal((await admin2.postForm(path, {})).status, 403, 'no CSRF token, nothing deleted');
    assert.equal(await count('om_identite_federee'), 1);

    const deleted = await admin2.postForm(path, { _csrf: csrfIn(html) });
    assert.equal(deleted.status, 303);
    assert.equal(deleted.headers.get('Location'), BASE);
    const list = decoded(await (await admin2.get(BASE, HTML)).text());
    assert.match(list, /Le fournisseur d’identité « Fournisseur d’essai » a été supprimé\./);
    assert.ok(!list.includes('<code>local</code>'));
    assert.equal(await count('om_identite_federee'), 0);
    assert.equal(await count('om_connexion_attente'), 0);
    assert.equal(await count('om_oidc_echange'), 0);
    assert.deepEqual(await database().ownerQuery(`select om_type from om.om_utilisateur where email = 'claire.dupont@ccas-exemple.fr'`), [{ om_type: 'OIDC' }]);
    assert.deepEqual(
      await database().ownerQuery(`select login, avant->>'code' as code, apres from om.om_audit where objet = 'om_fournisseur_identite' and action = 'delete'`),
      [{ login: 'admin2', code: 'local', apres: null }],
    );
    assert.equal((await admin2.get(path, HTML)).status, 404);
  });
});
