/**
 * Signing in through OpenLDAP in Chromium: an administrator synchronises the directory from
 * « Administration › Annuaire LDAP » (axe-core on the page), then a new agent (just created by the
 * synchronisation) and a known agent sign in with their directory passwords and sign out.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { loadLdapConfig, useDirectoryConfig } from '../framework/src/access/ldap/index.ts';
import { personDn, slapdMissing, startSlapd, type Slapd } from '../framework/test/support/slapd.ts';
import { browserSuite, checkAccessibility, login, screenshot, submit, type Page } from './support/index.ts';

const ADMIN = { login: 'admin', password: 'Mot-de-passe-42' };
const KNOWN = { uid: 'mdurand', cn: 'Marc Durand', mail: 'marc.durand@commun.test', password: 'Annuaire-Marc-1' };
const NEW = { uid: 'nlefevre', cn: 'Nina Lefèvre', mail: 'nina.lefevre@commun.test', password: 'Annuaire-Nina-2' };

const path = (page: Page) => new URL(page.url()).pathname;
const skip = slapdMissing();

async function signInAndOut(page: Page, user: { uid: string; cn: string; password: string }) {
  await login(page, user.uid, user.password);
  assert.equal(path(page), '/');
  await assert.doesNotReject(page.getByRole('banner').getByText(user.cn).first().waitFor());
  await submit(page, page.getByRole('banner').getByRole('button', { name: 'Se déconnecter' }));
  assert.equal(path(page), '/login');
  assert.equal((await page.goto('/'))?.status(), 200);
  assert.equal(path(page), '/login', 'signed out: back to the login form');
}

if (skip) describe('connexion par l’annuaire LDAP', { skip }, () => undefined);
else {
  let slapd: Slapd | undefined;
  before(async () => {
    slapd = await startSlapd([KNOWN, NEW], [{ cn: 'agents', members: [personDn(KNOWN.uid), personDn(NEW.uid)] }]);
  });
  after(() => slapd?.stop());

  browserSuite(
    'connexion par l’annuaire LDAP',
    (suite) => {
      before(() => {
        const env = slapd!.env({ COMMUN_LDAP_PROFILS: 'agents=UTILISATEUR', COMMUN_LDAP_COLLECTIVITE: '1' });
        useDirectoryConfig(suite().app.runtime, loadLdapConfig(env));
      });

      test('un administrateur synchronise l’annuaire depuis sa page', async () => {
        const { openPage, tag } = suite();
        const page = await openPage();
        await login(page, ADMIN.login, ADMIN.password);
        await page.goto('/administration/annuaire');
        await assert.doesNotReject(page.getByRole('heading', { level: 1, name: 'Annuaire LDAP' }).waitFor());
        await checkAccessibility(page, 'administration de l’annuaire');
        await screenshot(page, `annuaire-01-page${tag}`);
        await submit(page, page.getByRole('button', { name: 'Tester la connexion' }));
        assert.match(await page.locator('body').innerText(), /Connexion réussie avec le compte de service : 2 utilisateur\(s\)/);
        await submit(page, page.getByRole('button', { name: 'Synchroniser maintenant' }));
        assert.equal(path(page), '/traitements');
        const database = suite().app.database;
        const deadline = Date.now() + 10_000;
        for (;;) {
          const rows = await database.ownerQuery<{ etat: string }>(`select etat from om.om_traitement`);
          if (rows[0]?.etat === 'termine') break;
          assert.ok(Date.now() < deadline, `traitement toujours ${rows[0]?.etat}`);
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        await page.goto('/administration/annuaire');
        const main = await page.locator('main').innerText();
        assert.match(main, /nlefevre\s+créé\s+Nina Lefèvre, UTILISATEUR/);
        assert.match(main, /mdurand\s+modifié\s+nom : Marc D\. → Marc Durand/);
        await checkAccessibility(page, 'administration de l’annuaire, compte rendu');
        await screenshot(page, `annuaire-02-compte-rendu${tag}`);
      });

      test('un nouvel agent puis un agent connu se connectent avec le mot de passe de l’annuaire et se déconnectent', async () => {
        const { openPage } = suite();
        const page = await openPage();
        await page.goto('/login');
        await login(page, NEW.uid, 'pas-le-bon');
        assert.match(await page.getByRole('alert').innerText(), /Identifiant ou mot de passe incorrect\./);
        await signInAndOut(page, NEW);
        await signInAndOut(page, KNOWN);
      });
    },
    {
      users: [{ login: ADMIN.login, password: ADMIN.password, profil: 'ADMINISTRATEUR', collectivite: 2 }],
      // The known agent already has an LDAP account (with an older name, that the synchronisation updates).
      setup: (database) =>
        database.asOwner(`insert into om.om_utilisateur (nom, email, login, pwd, om_collectivite, om_type, om_profil)
          select 'Marc D.', '${KNOWN.mail}', '${KNOWN.uid}', '!', 1, 'LDAP', om_profil from om.om_profil where libelle = 'UTILISATEUR'`),
    },
  );
}
