/**
 * Permissions per application: `registre.service` opens the register's `service` table and not the
 * `service` table of another application (voirie); the rights granted under the old names are
 * renamed once (registre's migration 0002, `om.prefix_permissions`); a freshly installed
 * application's administrator works without any manual grant.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, test } from 'node:test';
import type { Hono } from 'hono';
import { sql } from 'kysely';
import { registre } from '../../apps/registre/src/index.ts';
import { unprefixedPermission } from '../src/access/application-grants.ts';
import { loadActor } from '../src/access/load-actor.ts';
import { can, objectPermission, permissionBase } from '../src/access/permissions.ts';
import { permissionVocabulary } from '../src/access/vocabulary.ts';
import type { Application } from '../src/application.ts';
import { bootstrap } from '../src/bootstrap.ts';
import { loadConfig } from '../src/config/index.ts';
import { SYSTEM_ACTOR } from '../src/access/actor.ts';
import { frameworkMigrations, readAs, writeAs, type MigrationSource } from '../src/db/index.ts';
import { introspectSchema } from '../src/db/introspect.ts';
import type { TableMeta } from '../src/model/types.ts';
import { createRecord, listRecords, ServiceError } from '../src/records/index.ts';
import { createApp } from '../src/web/app.tsx';
import { groupPermissions } from '../src/web/admin/matrix/model.ts';
import type { AppEnv } from '../src/web/env.ts';
import { adminQuery, describeEachDatabase, SERVER_URL } from './support/databases.ts';
import { TestClient } from './support/http.ts';
import { testActor } from './support/actors.ts';
import { createTestRuntime, createUsers, type TestRuntime } from './support/runtime.ts';

const VOIRIE_MIGRATIONS: MigrationSource = {
  scope: 'voirie',
  schema: 'voirie',
  directory: fileURLToPath(new URL('./fixtures/apps/voirie/migrations', import.meta.url)),
};
const PASSWORD = 'Droits-Par-Application-2026';
const HTML = { Accept: 'text/html' };

/** The second application: its tables (introspected from a migrated database) and one permission of its own. */
function voirieApplication(tables: readonly TableMeta[]): Application {
  return {
    name: 'voirie',
    migrations: VOIRIE_MIGRATIONS,
    permissions: ['voirie.signalement'],
    register: (registry) => {
      for (const meta of tables) registry.register(meta);
    },
  };
}

test('an application declares its own permissions under its name', () => {
  assert.equal(unprefixedPermission('voirie', ['voirie.signalement', 'voirie.releve']), undefined);
  assert.equal(unprefixedPermission('voirie', ['voirie.signalement', 'signalement']), 'signalement');
  assert.equal(unprefixedPermission('voirie', ['registre.signalement']), 'registre.signalement');
  assert.equal(unprefixedPermission('voirie', ['voirie.']), 'voirie.');
});

test('an application declaring an unprefixed permission is refused before the database is opened', async () => {
  const config = { ...loadConfig({}), dataDir: join(tmpdir(), 'commun-jamais-cree'), databaseUrl: undefined, demo: false, logLevel: 'silent' as const };
  await assert.rejects(bootstrap(config, [{ ...voirieApplication([]), permissions: ['signalement'] }]), /« signalement ».*« voirie\.signalement »/);
});

test('the framework keeps openMairie names, an application object gets its application in front', () => {
  assert.equal(permissionBase({ app: 'om', name: 'om_utilisateur' }), 'om_utilisateur');
  assert.equal(objectPermission({ app: 'om', name: 'om_utilisateur' }, 'tab'), 'om_utilisateur_tab');
  assert.equal(permissionBase({ app: 'registre', name: 'service' }), 'registre.service');
  assert.equal(objectPermission({ app: 'registre', name: 'traitement' }, 'valider'), 'registre.traitement_valider');
  const agent = testActor({ permissions: ['registre.service_tab', 'voirie.service'] });
  assert.ok(can(agent, { app: 'registre', name: 'service' }, 'tab'));
  assert.ok(!can(agent, { app: 'registre', name: 'service' }, 'modifier'));
  assert.ok(can(agent, { app: 'voirie', name: 'service' }, 'modifier'), 'the whole-object permission');
  assert.ok(!can(testActor({ permissions: ['service', 'service_tab'] }), { app: 'registre', name: 'service' }, 'tab'), 'old names open nothing');
});

describeEachDatabase(
  'permissions per application',
  (database) => {
    let runtime: TestRuntime;
    let app: Hono<AppEnv>;
    let voirieTables: TableMeta[];
    const registreService = () => runtime.registry.get('registre', 'service');
    const voirieService = () => runtime.registry.get('voirie', 'service');
    const droits = async (libelle: string) =>
      (await database().ownerQuery<{ libelle: string }>(
        `select p.libelle from om.om_droit d join om.om_profil p using (om_profil)
          where d.libelle = '${libelle}' and p.libelle <> 'AGENT REGISTRE' order by p.hierarchie`,
      )).map((row) => row.libelle);
    const signedIn = async (login: string): Promise<TestClient> => {
      const client = new TestClient(app);
      const response = await client.login(login, PASSWORD);
      assert.equal(response.status, 200, response.text);
      return client;
    };

    before(async () => {
      runtime = await createTestRuntime(database(), { schemas: ['voirie'] });
      registre.register(runtime.registry);
      runtime.registry.linkIncomingReferences();
      voirieTables = (await introspectSchema(database().db.kysely, 'voirie', { app: 'voirie' })).tables;
      app = createApp(runtime);
      // Hierarchie 0: below every standard profile, so the agent holds nothing but this right.
      await database().asOwner(`insert into om.om_profil (libelle, hierarchie) values ('AGENT REGISTRE', 0);
        insert into om.om_droit (libelle, om_profil) select 'registre.service_tab', om_profil from om.om_profil where libelle = 'AGENT REGISTRE';
        insert into om.om_droit (libelle, om_profil) select 'voirie.service', om_profil from om.om_profil where libelle = 'UTILISATEUR'`);
      await createUsers(database(), [{ login: 'cantonnier', password: PASSWORD, profil: 'UTILISATEUR', collectivite: 1 }]);
      await createUsers(database(), [{ login: 'dpo', password: PASSWORD, profil: 'UTILISATEUR', collectivite: 1 }]);
      await database().asOwner(`update om.om_utilisateur set om_profil = (select om_profil from om.om_profil where libelle = 'AGENT REGISTRE') where login = 'dpo'`);
    });

    test('the register’s rights granted under the old names are renamed by its migration 0002', async () => {
      const old = await database().ownerQuery<{ libelle: string }>(
        `select libelle from om.om_droit where libelle in ('service', 'service_tab', 'traitement', 'traitement_tab', 'traitement_ajouter', 'base_legale')`,
      );
      assert.deepEqual(old, [], 'no old name left');
      assert.deepEqual(await droits('registre.traitement_tab'), ['CONSULTATION']);
      assert.deepEqual(await droits('registre.traitement_ajouter'), ['UTILISATEUR']);
      assert.deepEqual(await droits('registre.traitement'), ['SUPER UTILISATEUR']);
      assert.deepEqual(await droits('registre.service'), ['ADMINISTRATEUR']);
      assert.deepEqual(await droits('traitement_tous'), ['ADMINISTRATEUR'], 'a framework permission keeps its name');
    });

    test('om.prefix_permissions renames once, without duplicates, and leaves other names alone', async () => {
      await database().asOwner(`insert into om.om_droit (libelle, om_profil) values
          ('service_tab', 5), ('service_modifier', 4), ('traitement_valider', 3), ('traitement_tous', 3), ('service_a_part', 3);
        insert into om.om_permission (libelle, type) values ('service_exporter', 'saisie'), ('traitement_valider', 'saisie')`);
      const run = async () =>
        Number((await database().ownerQuery<{ renamed: number }>(
          `select om.prefix_permissions('registre', array['service', 'traitement'], array['traitement_valider']) as renamed`,
        ))[0]?.renamed);
      assert.equal(await run(), 2, 'service_modifier and traitement_valider; service_tab was already granted as registre.service_tab');
      assert.deepEqual(await droits('service_tab'), []);
      assert.deepEqual(await droits('registre.service_tab'), ['CONSULTATION'], 'one row for the profile');
      assert.deepEqual(await droits('registre.service_modifier'), ['UTILISATEUR LIMITÉ']);
      assert.deepEqual(await droits('registre.traitement_valider'), ['UTILISATEUR']);
      assert.deepEqual(await droits('traitement_tous'), ['UTILISATEUR', 'ADMINISTRATEUR'], 'not an operation of traitement');
      assert.deepEqual(await droits('service_a_part'), ['UTILISATEUR'], 'not named');
      const vocabulary = await database().ownerQuery<{ libelle: string }>(
        `select libelle from om.om_permission where type = 'saisie' order by libelle`,
      );
      assert.deepEqual(vocabulary.map((row) => row.libelle), ['registre.service_exporter', 'registre.traitement_valider']);
      assert.equal(await run(), 0, 'a second run changes nothing');
      await assert.rejects(database().ownerQuery(`select om.prefix_permissions('om', array['om_droit'])`), /nom d'application invalide/);
      await database().asOwner(`delete from om.om_droit where libelle in ('registre.service_modifier', 'registre.traitement_valider', 'service_a_part')
          or (libelle = 'traitement_tous' and om_profil = 3);
        delete from om.om_permission where type = 'saisie'`);
    });

    test('the vocabulary names each application’s permissions after it', async () => {
      const names = permissionVocabulary(runtime.registry);
      for (const name of ['registre.service', 'registre.service_tab', 'registre.traitement_valider', 'voirie.service_supprimer', 'om_droit_tab', 'password']) {
        assert.ok(names.includes(name), name);
      }
      assert.ok(!names.includes('service_tab') && !names.includes('traitement_valider'), 'no unprefixed name for an application');
    });

    test('registre.service opens the register’s service, not the other application’s', async () => {
      const deps = { db: runtime.db, registry: runtime.registry, locale: 'fr' as const, exactCountLimit: runtime.config.exactCountLimit };
      const dpo = testActor({ collectivite: 1, permissions: ['registre.service_tab'] });
      const register = registreService();
      const roads = voirieService();
      assert.ok(register && roads);
      await listRecords(deps, dpo, register, {});
      await assert.rejects(listRecords(deps, dpo, roads, {}), (error) => error instanceof ServiceError && error.status === 403);
      await assert.rejects(createRecord(deps, dpo, register, { libelle: 'Non' }), (error) => error instanceof ServiceError && error.status === 403);

      const registerAgent = await signedIn('dpo');
      assert.equal((await registerAgent.request('GET', '/registre/service', { headers: HTML })).status, 200);
      assert.equal((await registerAgent.request('GET', '/voirie/service', { headers: HTML })).status, 403);
      assert.equal((await registerAgent.get('/api/v1/voirie/service')).status, 403);
      assert.equal((await registerAgent.get('/api/v1/registre/service')).status, 200);

      const roadsReader = testActor({ collectivite: 1, permissions: ['voirie.service'] });
      await listRecords(deps, roadsReader, roads, {});
      await assert.rejects(listRecords(deps, roadsReader, register, {}), (error) => error instanceof ServiceError && error.status === 403);
      const roadsAgent = await signedIn('cantonnier');
      assert.equal((await roadsAgent.request('GET', '/voirie/service', { headers: HTML })).status, 200);
      const created = await roadsAgent.request('POST', '/api/v1/voirie/service', { json: { libelle: 'Propreté' } });
      assert.equal(created.status, 201, created.text);
      const menu = (await registerAgent.request('GET', '/', { headers: HTML })).text;
      assert.match(menu, /href="\/registre\/service"/);
      assert.doesNotMatch(menu, /href="\/voirie\/service"/);
    });

    test('the rights matrix groups the permissions per application, each object under its own name', () => {
      const permissions = permissionVocabulary(runtime.registry, ['voirie.signalement']);
      const groups = groupPermissions(permissions, runtime.registry, {
        object: (label, name) => `${label} (${name})`,
        modules: 'Modules',
        applicationOthers: (app) => `Autres : ${app}`,
      });
      const apps = groups.map((group) => group.app);
      assert.deepEqual([...new Set(apps)], ['om', 'registre', 'voirie'], 'the framework first, then each application in one run');
      const services = groups.filter((group) => group.label.startsWith('Service ('));
      assert.deepEqual(services.map((group) => group.label), ['Service (registre.service)', 'Service (voirie.service)']);
      assert.equal(services[1]?.permissions[0], 'voirie.service', 'the whole-object permission first');
      assert.ok(services[1]?.permissions.every((permission) => permission.startsWith('voirie.service')));
      assert.deepEqual(groups.find((group) => group.label === 'Modules')?.permissions.includes('password'), true);
      assert.deepEqual(groups.at(-1), { object: undefined, app: 'voirie', label: 'Autres : voirie', permissions: ['voirie.signalement'] });
    });

    test('installing an application grants ADMINISTRATEUR its objects and permissions, once', async () => {
      const folders: string[] = [];
      let serverDatabase: string | undefined;
      const config = { ...loadConfig({}), demo: false, logLevel: 'silent' as const, adminPassword: PASSWORD };
      if (database().kind === 'pglite') {
        const dataDir = mkdtempSync(join(tmpdir(), 'commun-installation-'));
        folders.push(dataDir);
        Object.assign(config, { dataDir, databaseUrl: undefined });
      } else {
        serverDatabase = `commun_t_installation_${process.pid}_${Date.now().toString(36)}`;
        await adminQuery(`create database ${serverDatabase}`);
        const url = new URL(SERVER_URL);
        url.pathname = `/${serverDatabase}`;
        Object.assign(config, { databaseUrl: url.toString() });
      }
      const voirie = voirieApplication(voirieTables);
      try {
        const first = await bootstrap(config, [voirie]);
        try {
          assert.ok(first.applied.includes('voirie/0001_voirie.sql'));
          const db = first.runtime.db.kysely;
          const [adminRow] = await readAs(db, SYSTEM_ACTOR, async (connection) =>
            (await sql<{ id: number }>`select om_utilisateur as id from om.om_utilisateur where login = 'admin'`.execute(connection)).rows);
          assert.ok(adminRow);
          const admin = await loadActor(db, Number(adminRow.id));
          assert.ok(admin);
          assert.ok(admin.permissions.has('voirie.service') && admin.permissions.has('voirie.signalement'));
          const service = first.runtime.registry.get('voirie', 'service');
          assert.ok(service);
          const deps = { db: first.runtime.db, registry: first.runtime.registry, locale: 'fr' as const };
          await createRecord(deps, admin, service, { libelle: 'Éclairage public', om_collectivite: 2 });
          const client = new TestClient(createApp(first.runtime));
          assert.equal((await client.login('admin', PASSWORD)).status, 200);
          const listing = await client.request('GET', '/voirie/service', { headers: HTML });
          assert.equal(listing.status, 200);
          assert.match(listing.text, /Éclairage public/);
          const added = await client.request('POST', '/api/v1/voirie/service', { json: { libelle: 'Signalisation', om_collectivite: 2 } });
          assert.equal(added.status, 201, added.text);
          // The administrator takes a right back: a later start does not give it again.
          await writeAs(db, SYSTEM_ACTOR, (trx) => sql`delete from om.om_droit where libelle = 'voirie.signalement'`.execute(trx));
        } finally {
          await first.runtime.db.close();
        }
        const second = await bootstrap(config, [voirie]);
        try {
          assert.deepEqual(second.applied, []);
          const rows = await readAs(second.runtime.db.kysely, SYSTEM_ACTOR, async (connection) =>
            (await sql<{ libelle: string }>`select libelle from om.om_droit where libelle like 'voirie.%'`.execute(connection)).rows);
          assert.deepEqual(rows.map((row) => row.libelle), ['voirie.service']);
        } finally {
          await second.runtime.db.close();
        }
      } finally {
        for (const folder of folders) rmSync(folder, { recursive: true, force: true });
        if (serverDatabase) await adminQuery(`drop database if exists ${serverDatabase} with (force)`);
      }
    });
  },
  { sources: [frameworkMigrations, registre.migrations, VOIRIE_MIGRATIONS] },
);
