/** A runtime with the register over a test database, and actors loaded from real users and profiles. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadActor } from '../../../framework/src/access/load-actor.ts';
import type { Actor } from '../../../framework/src/access/actor.ts';
import { syncPermissionVocabulary } from '../../../framework/src/access/vocabulary.ts';
import { frameworkMigrations, type MigrationSource } from '../../../framework/src/db/index.ts';
import type { RegisteredObject } from '../../../framework/src/model/registry.ts';
import type { ReadDeps } from '../../../framework/src/records/index.ts';
import type { TestDatabase } from '../../../framework/test/support/databases.ts';
import { createTestRuntime, createUsers, type TestRuntime, type TestUser } from '../../../framework/test/support/runtime.ts';
import { registre } from '../src/index.ts';

export const SOURCES: MigrationSource[] = [frameworkMigrations, registre.migrations];

export const PASSWORD = 'Registre-RGPD-2025';

/** Files (the demo logo) go to a temporary folder, never to the project's `data/`. */
export async function registreRuntime(database: TestDatabase): Promise<TestRuntime> {
  const runtime = await createTestRuntime(database, { config: { dataDir: mkdtempSync(join(tmpdir(), 'commun-registre-')) } });
  registre.register(runtime.registry);
  runtime.registry.linkIncomingReferences();
  await syncPermissionVocabulary(runtime.db.kysely, runtime.registry, registre.permissions ?? []);
  return runtime;
}

export const depsOf = (runtime: TestRuntime): ReadDeps => ({
  db: runtime.db,
  registry: runtime.registry,
  locale: 'fr',
  exactCountLimit: runtime.config.exactCountLimit,
});

export function objectOf(runtime: TestRuntime, table: string): RegisteredObject {
  const object = runtime.registry.get('registre', table);
  if (!object) throw new Error(`registre/${table} non enregistré`);
  return object;
}

/** A second town, for isolation tests. */
export const AUTREVILLE_SQL = `insert into om.om_collectivite (om_collectivite, libelle, niveau) values (3, 'Autreville', '1');
  select setval(pg_get_serial_sequence('om.om_collectivite', 'om_collectivite'), 3);`;

/** Creates the users and returns their actors (permissions from the profiles, as at login). */
export async function actorsFor(database: TestDatabase, users: readonly Omit<TestUser, 'password'>[]): Promise<Record<string, Actor>> {
  await createUsers(database, users.map((user) => ({ ...user, password: PASSWORD })));
  const rows = await database.ownerQuery<{ om_utilisateur: number; login: string }>(
    `select om_utilisateur, login from om.om_utilisateur where login in (${users.map((user) => `'${user.login}'`).join(', ')})`,
  );
  const actors: Record<string, Actor> = {};
  for (const row of rows) {
    const actor = await loadActor(database.db.kysely, Number(row.om_utilisateur));
    if (!actor) throw new Error(`acteur ${row.login} introuvable`);
    actors[row.login] = actor;
  }
  return actors;
}
