/**
 * « Administration › Annuaire »: refused without the right, the configuration without its secret,
 * « Tester la connexion » and « Synchroniser maintenant » (a job) against a real slapd.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { loadLdapConfig, useDirectoryConfig } from '../src/access/ldap/index.ts';
import { jobRunnerOf } from '../src/jobs/index.ts';
import { adminTestApp, createAdminUsers, csrfIn, signIn, type AdminTestApp } from './admin-support.ts';
import { describeEachDatabase } from './support/databases.ts';
import { personDn, SERVICE_PASSWORD, slapdMissing, startSlapd, type Slapd } from './support/slapd.ts';

const PAGE = '/administration/annuaire';
const skip = slapdMissing();

if (skip) describe('page Annuaire', { skip }, () => undefined);
else
  describeEachDatabase('page Annuaire', (database) => {
    let slapd: Slapd;
    let setup: AdminTestApp;

    before(async () => {
      slapd = await startSlapd(
        [
          { uid: 'alice', cn: 'Alice Martin', mail: 'alice@commun.test', password: 'Alice-secret-1' },
          { uid: 'bruno', cn: 'Bruno Petit', password: 'Bruno-secret-2' },
        ],
        [{ cn: 'agents', members: [personDn('alice'), personDn('bruno')] }],
      );
      setup = await adminTestApp(database());
      useDirectoryConfig(setup.runtime, loadLdapConfig(slapd.env({ COMMUN_LDAP_PROFILS: 'agents=UTILISATEUR' })));
      await createAdminUsers(database());
    });
    after(() => slapd?.stop());

    test('without the right to administer users of the niveau-2 collectivité, the page and its actions are refused', async () => {
      for (const login of ['agent', 'admin1']) {
        const browser = await signIn(setup.app, login);
        assert.equal((await browser.get(PAGE, { Accept: 'text/html' })).status, 403, login);
        const home = await (await browser.get('/', { Accept: 'text/html' })).text();
        const csrf = csrfIn(home);
        assert.equal((await browser.postForm(`${PAGE}/synchroniser`, { _csrf: csrf })).status, 403, login);
        assert.equal((await browser.postForm(`${PAGE}/tester`, { _csrf: csrf })).status, 403, login);
      }
      assert.deepEqual(await database().ownerQuery(`select login from om.om_utilisateur where om_type = 'LDAP'`), []);
    });

    test('the page shows the configuration without the service account’s password', async () => {
      const browser = await signIn(setup.app, 'admin2');
      const response = await browser.get(PAGE, { Accept: 'text/html' });
      assert.equal(response.status, 200);
      const html = await response.text();
      assert.match(html, /<h1[^>]*>Annuaire LDAP<\/h1>/);
      assert.match(html, /<th scope="row"><code>COMMUN_LDAP_URL<\/code><\/th><td>ldap:\/\/127\.0\.0\.1:\d+<\/td>/);
      assert.match(html, /<code>COMMUN_LDAP_PROFILS<\/code><\/th><td>agents → UTILISATEUR<\/td>/);
      assert.ok(!html.includes(SERVICE_PASSWORD), 'no secret on the page');
      assert.match(html, /Aucune synchronisation n’a encore eu lieu\./);
    });

    test('« Tester la connexion » binds as the service account and counts the users', async () => {
      const browser = await signIn(setup.app, 'admin2');
      const csrf = csrfIn(await (await browser.get(PAGE, { Accept: 'text/html' })).text());
      const tested = await browser.postForm(`${PAGE}/tester`, { _csrf: csrf });
      assert.equal(tested.status, 303);
      assert.equal(tested.headers.get('Location'), PAGE);
      const html = await (await browser.get(PAGE, { Accept: 'text/html' })).text();
      assert.match(html, /Connexion réussie avec le compte de service : 2 utilisateur\(s\) sous ou=personnes,dc=commun,dc=test\./);
    });

    test('a POST without its CSRF token is refused', async () => {
      const browser = await signIn(setup.app, 'admin2');
      const response = await browser.postForm(`${PAGE}/synchroniser`, {});
      assert.equal(response.status, 403);
      assert.deepEqual(await database().ownerQuery(`select login from om.om_utilisateur where om_type = 'LDAP'`), []);
    });

    test('« Synchroniser maintenant » runs a job whose report the page shows', async () => {
      const browser = await signIn(setup.app, 'admin2');
      const csrf = csrfIn(await (await browser.get(PAGE, { Accept: 'text/html' })).text());
      const started = await browser.postForm(`${PAGE}/synchroniser`, { _csrf: csrf });
      assert.equal(started.status, 303);
      assert.equal(started.headers.get('Location'), '/traitements');
      const jobs = await database().ownerQuery<{ id: string; type: string }>(`select om_traitement::text as id, type from om.om_traitement`);
      assert.equal(jobs.length, 1);
      await jobRunnerOf(setup.runtime).settled(jobs[0]!.id);
      const done = await database().ownerQuery<{ etat: string; resultat: { summary: string } }>(`select etat, resultat from om.om_traitement`);
      assert.equal(done[0]?.etat, 'termine');
      assert.equal(done[0]?.resultat.summary, '2 créé(s), 0 modifié(s), 0 désactivé(s), 0 inchangé(s), 0 erreur(s).');
      const rows = await database().ownerQuery<{ login: string }>(`select login from om.om_utilisateur where om_type = 'LDAP' order by login`);
      assert.deepEqual(rows.map((row) => row.login), ['alice', 'bruno']);
      const html = await (await browser.get(PAGE, { Accept: 'text/html' })).text();
      assert.match(html, /depuis cette page par admin2\./);
      assert.match(html, /<th scope="row">alice<\/th><td>créé<\/td><td>Alice Martin, UTILISATEUR<\/td>/);
    });
  });
