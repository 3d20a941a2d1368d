/** The pure parts of federated sign-in: presets, discovery addresses, claims, access rules, logins. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  accountName,
  checkAccessRules,
  clientCredentials,
  clientVariableNames,
  identityFrom,
  isAllowedDiscoveryUrl,
  loginCandidates,
  proconnectPreset,
  PROCONNECT_ENVIRONMENTS,
  type ProviderRow,
} from '../src/access/oidc/index.ts';

const provider = (overrides: Partial<ProviderRow> = {}): ProviderRow => ({
  id: 1,
  code: 'proconnect',
  libelle: 'ProConnect',
  modele: 'proconnect',
  discoveryUrl: 'https://auth.agentconnect.gouv.fr/api/v2/.well-known/openid-configuration',
  clientAuth: 'client_secret_post',
  scopes: 'openid email',
  claims: {},
  linkByEmail: false,
  createAccounts: false,
  unknownSiret: 'refuser',
  defaultProfile: undefined,
  allowedRoles: [],
  allowedDomains: [],
  requiredAcr: [],
  active: true,
  order: 0,
  ...overrides,
});

const CLAIMS = {
  sub: 'abc-123',
  email: 'Camille.Martin@Ville.test',
  given_name: 'Camille',
  usual_name: 'Martin',
  uid: 'cmartin',
  siret: '21750001600019',
  organization_label: 'Commune de Libreville',
  roles: ['agent_public', 'agent_public_territorial'],
};

test('ProConnect presets: its four environments under /api/v2, client_secret_post, its scopes and claims', () => {
  assert.deepEqual(PROCONNECT_ENVIRONMENTS.map((environment) => proconnectPreset(environment).discoveryUrl), [
    'https://fca.integ01.dev-agentconnect.fr/api/v2/.well-known/openid-configuration',
    'https://auth.agentconnect.gouv.fr/api/v2/.well-known/openid-configuration',
    'https://fca.integ02.agentconnect.rie.gouv.fr/api/v2/.well-known/openid-configuration',
    'https://auth.agentconnect.rie.gouv.fr/api/v2/.well-known/openid-configuration',
  ]);
  const preset = proconnectPreset();
  assert.equal(preset.clientAuth, 'client_secret_post');
  assert.equal(preset.modele, 'proconnect');
  for (const scope of ['openid', 'email', 'given_name', 'usual_name', 'uid', 'siret', 'idp_id', 'organization_label', 'roles']) {
    assert.ok(preset.scopes.split(' ').includes(scope), scope);
  }
  assert.deepEqual(preset.claims, { login: 'uid', nom: 'usual_name', prenom: 'given_name', email: 'email', siret: 'siret' });
});

test('discovery: https, or plain http on this machine only', () => {
  assert.deepEqual(isAllowedDiscoveryUrl('https://idp.example/.well-known/openid-configuration'), { ok: true, insecure: false });
  assert.deepEqual(isAllowedDiscoveryUrl('http://127.0.0.1:9000/.well-known/openid-configuration'), { ok: true, insecure: true });
  assert.deepEqual(isAllowedDiscoveryUrl('http://localhost/.well-known/openid-configuration'), { ok: true, insecure: true });
  assert.deepEqual(isAllowedDiscoveryUrl('http://idp.example/.well-known/openid-configuration'), { ok: false });
  assert.deepEqual(isAllowedDiscoveryUrl('http://127.0.0.1.evil.example/x'), { ok: false });
  assert.deepEqual(isAllowedDiscoveryUrl('file:///etc/passwd'), { ok: false });
  assert.deepEqual(isAllowedDiscoveryUrl('pas une adresse'), { ok: false });
});

test('client id and secret come from the environment, never from the database', () => {
  assert.deepEqual(clientVariableNames('ville-de-paris'), { id: 'COMMUN_OIDC_VILLE_DE_PARIS_CLIENT_ID', secret: 'COMMUN_OIDC_VILLE_DE_PARIS_CLIENT_SECRET' });
  assert.deepEqual(clientCredentials('pc', { COMMUN_OIDC_PC_CLIENT_ID: 'id', COMMUN_OIDC_PC_CLIENT_SECRET: ' secret ' }), { clientId: 'id', clientSecret: 'secret' });
  assert.equal(clientCredentials('pc', { COMMUN_OIDC_PC_CLIENT_ID: 'id' }), undefined);
});

test('claims: ProConnect’s names by default, the mapping otherwise; acr from the ID token only', () => {
  const identity = identityFrom(provider(), { sub: 'abc-123', acr: 'eidas1' }, { ...CLAIMS, acr: 'eidas3' });
  assert.deepEqual(
    [identity.subject, identity.email, identity.givenName, identity.familyName, identity.login, identity.siret, identity.organisation, identity.acr],
    ['abc-123', 'camille.martin@ville.test', 'Camille', 'Martin', 'cmartin', '21750001600019', 'Commune de Libreville', 'eidas1'],
  );
  assert.deepEqual(identity.roles, ['agent_public', 'agent_public_territorial']);
  assert.equal(identity.claims.nonce, undefined);
  const mapped = identityFrom(provider({ modele: 'oidc', claims: { email: 'mail', siret: 'org_siret' } }), { sub: 'x' }, { mail: 'a@b.test', org_siret: '123' });
  assert.equal(mapped.email, 'a@b.test');
  assert.equal(mapped.siret, undefined, 'a SIRET is 14 digits');
});

test('access rules: roles, e-mail domains and level, each with its French message', () => {
  const identity = identityFrom(provider(), { sub: 'abc-123', acr: 'eidas1' }, CLAIMS);
  assert.deepEqual(checkAccessRules(provider(), identity), { ok: true });
  const roles = checkAccessRules(provider({ allowedRoles: ['agent_public_etat'] }), identity);
  assert.equal(roles.ok ? 'ok' : roles.rule, 'role');
  assert.match(roles.ok ? '' : roles.message, /Commune de Libreville.*21750001600019/);
  assert.equal(checkAccessRules(provider({ allowedRoles: ['agent_public_territorial'] }), identity).ok, true);
  const domain = checkAccessRules(provider({ allowedDomains: ['paris.fr'] }), identity);
  assert.equal(domain.ok ? '' : domain.message, 'Les adresses électroniques du domaine « ville.test » ne sont pas admises sur ce service : adressez-vous à votre administrateur.');
  assert.equal(checkAccessRules(provider({ allowedDomains: ['ville.test'] }), identity).ok, true);
  const level = checkAccessRules(provider({ requiredAcr: ['eidas2', 'eidas3'] }), identity);
  assert.equal(level.ok ? 'ok' : level.rule, 'acr');
  const missing = checkAccessRules(provider(), identityFrom(provider(), { sub: 'abc' }, { given_name: 'Sans adresse' }));
  assert.equal(missing.ok ? 'ok' : missing.rule, 'claims');
});

test('logins and names of created accounts fit openMairie’s columns', () => {
  assert.deepEqual(loginCandidates({ login: 'Éloïse Dupré', email: 'eloise.dupre@ville.test', subject: 's' }),
    ['eloise.dupre', 'eloise.dupre@ville.test', 'agent.s']);
  const long = loginCandidates({ login: undefined, email: `${'a'.repeat(40)}@ville.test`, subject: 's' });
  assert.ok(long.every((login) => login.length <= 30 && /^[a-z0-9._@-]+$/.test(login)));
  assert.equal(accountName({ familyName: 'Martin', givenName: 'Camille', email: undefined }), 'Martin Camille');
  assert.equal(accountName({ familyName: 'X'.repeat(40), givenName: 'Y', email: undefined }).length, 30);
});

test('ProConnect’s logo is a file of the site (the CSP stays as it is) and the stylesheet draws the button with it', async () => {
  const { staticRoutes, assetUrl } = await import('../src/web/static/routes.ts');
  const routes = staticRoutes();
  const logo = await routes.request('/static/proconnect.svg');
  assert.equal(logo.status, 200);
  assert.equal(logo.headers.get('Content-Type'), 'image/svg+xml');
  assert.match(await logo.text(), /^<svg [^>]*aria-label="ProConnect"/);
  const css = await (await routes.request(assetUrl('commun.css'))).text();
  assert.match(css, /\.fr-connect \{[^}]*background: #000091 url\("\/static\/proconnect\.svg"\)/);
});
