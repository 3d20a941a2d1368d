/**
 * LDAP sign-in and synchronisation against a real OpenLDAP (Debian slapd, started by the test on a
 * free port), on both databases: a bind as the entry found, the directory's password policy, an
 * escaped filter; users created, updated and disabled (never deleted) from the subtree.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Attribute, Change } from 'ldapts';
import { loadLdapConfig, signInWithDirectory, synchronizeDirectory, useDirectoryConfig, type LdapConfig } from '../src/access/ldap/index.ts';
import { authenticate } from '../src/access/login.ts';
import { findSession } from '../src/access/sessions.ts';
import { loadActor } from '../src/access/load-actor.ts';
import type { Runtime } from '../src/runtime.ts';
import { describeEachDatabase } from './support/databases.ts';
import { createUser, testRuntime } from './support/auth.ts';
import { groupDn, personDn, slapdMissing, startSlapd, type Slapd } from './support/slapd.ts';

const GENERIC = 'Identifiant ou mot de passe incorrect.';
const DISABLED = 'Ce compte est désactivé : adressez-vous à votre administrateur.';
const silent = { warn: () => undefined };

const PEOPLE = [
  { uid: 'alice', cn: 'Alice Martin', mail: 'alice@commun.test', password: 'Alice-secret-1' },
  { uid: 'bruno', cn: 'Bruno Petit', mail: 'bruno@commun.test', password: 'Bruno-secret-2' },
  { uid: 'chloe', cn: 'Chloé Sans Groupe', password: 'Chloe-secret-3' },
  { uid: 'eve', cn: 'Eve Durand', mail: 'eve@commun.test', password: 'Eve-secret-4' },
  { uid: 'lock', cn: 'Léo Verrouillé', password: 'Lock-secret-5', locked: true },
  { uid: 'old', cn: 'Odile Ancienne', password: 'Old-secret-6', expired: true },
  { uid: 'dora', cn: 'Dora Ailleurs', password: 'Dora-secret-7', branch: 'externes' },
];
const GROUPS = [
  { cn: 'etat-civil', members: ['alice', 'bruno', 'eve', 'lock', 'old'].map((uid) => personDn(uid)).concat(personDn('dora', 'externes')) },
  { cn: 'informatique', members: [personDn('bruno')] },
];
const profileOf = { ADMINISTRATEUR: 1, UTILISATEUR: 3 } as const;

const skip = slapdMissing();
if (skip) describe('annuaire LDAP', { skip }, () => undefined);
else
  describeEachDatabase('annuaire LDAP', (database) => {
    let slapd: Slapd;
    let config: LdapConfig;
    let runtime: Runtime;

    const users = () =>
      database().ownerQuery<{ login: string; nom: string; email: string; om_profil: number; om_type: string; actif: boolean; pwd: string; om_collectivite: number }>(
        `select login, nom, email, om_profil, om_type, actif, pwd, om_collectivite from om.om_utilisateur order by login`,
      );
    const sync = (simulation = false) => synchronizeDirectory(runtime.db.kysely, config, { origin: 'commande', startedBy: 'test', simulation });

    before(async () => {
      slapd = await startSlapd(PEOPLE, GROUPS);
      const env = slapd.env({ COMMUN_LDAP_PROFILS: 'etat-civil=UTILISATEUR;informatique=ADMINISTRATEUR', COMMUN_LDAP_COLLECTIVITE: '1' });
      config = loadLdapConfig(env)!;
      runtime = testRuntime(database(), { COMMUN_LOGIN_MAX_FAILURES: '10' });
      useDirectoryConfig(runtime, config);
      await createUser(database(), { login: 'agent', password: 'Mot-de-passe-42' });
      await createUser(database(), { login: 'parti', type: 'LDAP', nom: 'Parti Depuis' });
    });
    after(() => slapd?.stop());

    test('a simulation says what would change and writes nothing', async () => {
      const before = await users();
      const report = await sync(true);
      assert.deepEqual(
        report.entries.map((entry) => [entry.login, entry.action]),
        [['alice', 'cree'], ['bruno', 'cree'], ['eve', 'cree'], ['old', 'cree'], ['parti', 'desactive']],
      );
      assert.equal(report.id, undefined);
      assert.deepEqual(await users(), before);
      assert.deepEqual(await database().ownerQuery(`select * from om.om_annuaire_synchro`), []);
    });

    test('the synchronisation creates the subtree’s users of a mapped group and disables LDAP accounts missing from it', async () => {
      const report = await sync();
      assert.deepEqual(report.entries, [
        { login: 'alice', action: 'cree', detail: 'Alice Martin, UTILISATEUR' },
        { login: 'bruno', action: 'cree', detail: 'Bruno Petit, ADMINISTRATEUR' },
        { login: 'eve', action: 'cree', detail: 'Eve Durand, UTILISATEUR' },
        { login: 'old', action: 'cree', detail: 'Odile Ancienne, UTILISATEUR' },
        { login: 'parti', action: 'desactive', detail: 'absent de l’annuaire' },
      ]);
      assert.deepEqual([report.crees, report.modifies, report.desactives, report.inchanges, report.erreurs], [4, 0, 1, 0, 0]);
      const rows = await users();
      assert.deepEqual(
        rows.map((row) => [row.login, row.nom, row.email, Number(row.om_profil), row.om_type, row.actif, Number(row.om_collectivite)]),
        [
          ['agent', 'agent', 'agent@example.org', 3, 'DB', true, 1],
          ['alice', 'Alice Martin', 'alice@commun.test', profileOf.UTILISATEUR, 'LDAP', true, 1],
          ['bruno', 'Bruno Petit', 'bruno@commun.test', profileOf.ADMINISTRATEUR, 'LDAP', true, 1],
          ['eve', 'Eve Durand', 'eve@commun.test', profileOf.UTILISATEUR, 'LDAP', true, 1],
          ['old', 'Odile Ancienne', '', profileOf.UTILISATEUR, 'LDAP', true, 1],
          ['parti', 'Parti Depuis', 'parti@example.org', 3, 'LDAP', false, 1],
        ],
      );
      assert.ok(rows.filter((row) => ['alice', 'bruno', 'eve', 'old'].includes(row.login)).every((row) => row.pwd === '!'), 'no usable local password');
      const stored = await database().ownerQuery<{ crees: number; desactives: number; origine: string; lance_par: string; simulation: boolean }>(
        `select crees, desactives, origine, lance_par, simulation from om.om_annuaire_synchro`,
      );
      assert.deepEqual(stored.map((row) => [Number(row.crees), Number(row.desactives), row.origine, row.lance_par, row.simulation]), [[4, 1, 'commande', 'test', false]]);
    });

    test('a second run changes nothing', async () => {
      const report = await sync();
      assert.deepEqual(report.entries, []);
      assert.deepEqual([report.crees, report.modifies, report.desactives, report.inchanges, report.erreurs], [0, 0, 0, 5, 0]);
    });

    test('a directory user signs in with the directory password; a wrong one and an unknown login get the usual message', async () => {
      const ok = await authenticate(runtime, 'alice', 'Alice-secret-1', '198.51.100.1');
      assert.equal(ok.ok, true);
      assert.deepEqual(await authenticate(runtime, 'alice', 'Alice-secret-2', '198.51.100.1'), { ok: false, reason: 'invalid', message: GENERIC });
      assert.deepEqual(await authenticate(runtime, 'personne', 'Alice-secret-1', '198.51.100.1'), { ok: false, reason: 'invalid', message: GENERIC });
      // Another user's password does not open alice's account.
      assert.deepEqual(await authenticate(runtime, 'alice', 'Bruno-secret-2', '198.51.100.1'), { ok: false, reason: 'invalid', message: GENERIC });
    });

    test('a local (DB) user is unaffected by the directory', async () => {
      assert.equal((await authenticate(runtime, 'agent', 'Mot-de-passe-42', '198.51.100.2')).ok, true);
      assert.deepEqual(await authenticate(runtime, 'agent', 'Alice-secret-1', '198.51.100.2'), { ok: false, reason: 'invalid', message: GENERIC });
    });

    test('a login made of filter syntax matches nobody (the filter is escaped)', async () => {
      for (const login of ['*', '*)(uid=*', 'alice)(|(uid=*', '*)(objectClass=*']) {
        assert.deepEqual(await signInWithDirectory(config, login, 'Alice-secret-1', silent), { ok: false, refusal: 'invalid', message: GENERIC }, login);
      }
      await createUser(database(), { login: '*', type: 'LDAP' });
      assert.deepEqual(await authenticate(runtime, '*', 'Alice-secret-1', '198.51.100.3'), { ok: false, reason: 'invalid', message: GENERIC });
      // An empty password would be an unauthenticated bind, which slapd accepts: refused before asking.
      assert.deepEqual(await signInWithDirectory(config, 'alice', '', silent), { ok: false, refusal: 'invalid', message: GENERIC });
    });

    test('the directory’s password policy applies: an expired password, a locked account', async () => {
      assert.deepEqual(await authenticate(runtime, 'old', 'Old-secret-6', '198.51.100.4'), {
        ok: false,
        reason: 'ldap',
        message: 'Votre mot de passe a expiré : changez-le sur votre poste de travail (ou auprès de votre service informatique), puis reconnectez-vous.',
      });
      await createUser(database(), { login: 'lock', type: 'LDAP' });
      assert.deepEqual(await authenticate(runtime, 'lock', 'Lock-secret-5', '198.51.100.4'), {
        ok: false,
        reason: 'ldap',
        message: 'Votre compte est verrouillé dans l’annuaire après trop d’essais : réessayez plus tard ou adressez-vous à votre service informatique.',
      });
    });

    test('an unreachable directory is said so, and counts as nobody’s failed attempt', async () => {
      const down = loadLdapConfig({ ...slapd.env(), COMMUN_LDAP_URL: 'ldap://127.0.0.1:1', COMMUN_LDAP_DELAI_MS: '2000' })!;
      const offline = testRuntime(database());
      useDirectoryConfig(offline, down);
      const result = await authenticate(offline, 'alice', 'Alice-secret-1', '198.51.100.5');
      assert.deepEqual(result, {
        ok: false,
        reason: 'ldap',
        message: 'L’annuaire ne répond pas : la connexion est impossible pour le moment. Réessayez plus tard ou adressez-vous à votre administrateur.',
      });
      const attempts = await database().ownerQuery(`select * from om.om_login_attempt where adresse = '198.51.100.5'`);
      assert.equal(attempts.length, 0);
    });

    test('changes in the directory are carried over; removed users are disabled, lose their sessions and cannot sign in', async () => {
      const eve = await authenticate(runtime, 'eve', 'Eve-secret-4', '198.51.100.6');
      assert.ok(eve.ok);
      await slapd.asRoot(async (client) => {
        await client.modify(personDn('alice'), [
          new Change({ operation: 'replace', modification: new Attribute({ type: 'cn', values: ['Alice Martin-Roux'] }) }),
          new Change({ operation: 'replace', modification: new Attribute({ type: 'mail', values: ['alice.roux@commun.test'] }) }),
        ]);
        await client.modify(groupDn('informatique'), [new Change({ operation: 'replace', modification: new Attribute({ type: 'member', values: [personDn('chloe')] }) })]);
        await client.modify(groupDn('etat-civil'), [new Change({ operation: 'delete', modification: new Attribute({ type: 'member', values: [personDn('eve')] }) })]);
        await client.del(personDn('old'));
      });
      const report = await sync();
      assert.deepEqual(report.entries, [
        { login: 'alice', action: 'modifie', detail: 'nom : Alice Martin → Alice Martin-Roux ; courriel : alice@commun.test → alice.roux@commun.test' },
        { login: 'bruno', action: 'modifie', detail: 'profil : ADMINISTRATEUR → UTILISATEUR' },
        { login: 'chloe', action: 'cree', detail: 'Chloé Sans Groupe, ADMINISTRATEUR' },
        { login: 'eve', action: 'desactive', detail: 'dans aucun groupe associé à un profil' },
        { login: 'lock', action: 'desactive', detail: 'désactivé dans l’annuaire' },
        { login: '*', action: 'desactive', detail: 'absent de l’annuaire' },
        { login: 'old', action: 'desactive', detail: 'absent de l’annuaire' },
      ]);
      assert.deepEqual([report.crees, report.modifies, report.desactives, report.inchanges, report.erreurs], [1, 2, 4, 1, 0]);
      const rows = Object.fromEntries((await users()).map((row) => [row.login, row]));
      assert.equal(rows.alice?.nom, 'Alice Martin-Roux');
      assert.equal(Number(rows.bruno?.om_profil), profileOf.UTILISATEUR);
      assert.deepEqual([rows.eve?.actif, rows.old?.actif, rows.lock?.actif], [false, false, false], 'disabled, not deleted');

      // Eve's open session ended; her right password now meets a disabled account.
      if (eve.ok) {
        assert.equal(await findSession(runtime.db.kysely, runtime.config.session, eve.token), undefined);
        assert.equal(await loadActor(runtime.db.kysely, eve.userId), undefined);
      }
      assert.deepEqual(await authenticate(runtime, 'eve', 'Eve-secret-4', '198.51.100.7'), { ok: false, reason: 'invalid', message: DISABLED });
      assert.deepEqual(await authenticate(runtime, 'eve', 'faux', '198.51.100.7'), { ok: false, reason: 'invalid', message: GENERIC });
      assert.deepEqual(await authenticate(runtime, 'old', 'Old-secret-6', '198.51.100.7'), { ok: false, reason: 'invalid', message: GENERIC });
      assert.equal((await authenticate(runtime, 'alice', 'Alice-secret-1', '198.51.100.7')).ok, true);
    });

    test('a synchronisation that cannot reach the directory changes nothing and keeps the failure', async () => {
      const down = loadLdapConfig({ ...slapd.env(), COMMUN_LDAP_URL: 'ldap://127.0.0.1:1', COMMUN_LDAP_DELAI_MS: '2000' })!;
      const before = await users();
      await assert.rejects(
        synchronizeDirectory(runtime.db.kysely, down, { origin: 'planifiee' }),
        { message: 'Annuaire injoignable ou refus du compte de service : connexion refusée par ldap://127.0.0.1:1.' },
      );
      assert.deepEqual(await users(), before);
      const last = await database().ownerQuery<{ echec: string }>(`select echec from om.om_annuaire_synchro order by om_annuaire_synchro desc limit 1`);
      assert.equal(last[0]?.echec, 'Annuaire injoignable ou refus du compte de service : connexion refusée par ldap://127.0.0.1:1.');
    });
  });
