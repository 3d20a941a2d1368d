/** A runtime with the elections application over a test database, its referentials loaded, and actors from real users. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Actor } from '../../../framework/src/access/actor.ts';
import { loadActor } from '../../../framework/src/access/load-actor.ts';
import { syncPermissionVocabulary } from '../../../framework/src/access/vocabulary.ts';
import { frameworkMigrations, type MigrationSource } from '../../../framework/src/db/index.ts';
import type { RegisteredObject } from '../../../framework/src/model/registry.ts';
import type { ReadDeps } from '../../../framework/src/records/index.ts';
import { loadReferentials } from '../../../framework/src/referentials/index.ts';
import type { TestDatabase } from '../../../framework/test/support/databases.ts';
import { createTestRuntime, createUsers, type TestRuntime, type TestUser } from '../../../framework/test/support/runtime.ts';
import { elections } from '../src/index.ts';

export const SOURCES: MigrationSource[] = [frameworkMigrations, elections.migrations];

export const PASSWORD = 'Elections-Libreville-2026';

/** A second town, for isolation tests. */
export const AUTREVILLE_SQL = `insert into om.om_collectivite (om_collectivite, libelle, niveau) values (3, 'Autreville', '1');
  select setval(pg_get_serial_sequence('om.om_collectivite', 'om_collectivite'), 3);`;

/** Loads the communes, départements and régions, as a start does. */
export const loadElectionReferentials = (database: TestDatabase) => database.withOwner((db) => loadReferentials(db, [elections]));

export async function electionsRuntime(database: TestDatabase): Promise<TestRuntime> {
  const runtime = await createTestRuntime(database, { config: { dataDir: mkdtempSync(join(tmpdir(), 'commun-elections-')) } });
  elections.register(runtime.registry);
  runtime.registry.linkIncomingReferences();
  await syncPermissionVocabulary(runtime.db.kysely, runtime.registry, elections.permissions ?? []);
  return { ...runtime, applications: [elections] };
}

export const depsOf = (runtime: TestRuntime): ReadDeps => ({
  db: runtime.db,
  registry: runtime.registry,
  locale: 'fr',
  exactCountLimit: runtime.config.exactCountLimit,
});

export function objectOf(runtime: TestRuntime, table: string): RegisteredObject {
  const object = runtime.registry.get('elections', table);
  if (!object) throw new Error(`elections/${table} non enregistré`);
  return object;
}

/** Creates the users and returns their actors (permissions from the profiles, as at login). */
export async function actorsFor(database: TestDatabase, users: readonly Omit<TestUser, 'password'>[]): Promise<Record<string, Actor>> {
  await createUsers(database, users.map((user) => ({ ...user, password: PASSWORD })));
  const actors: Record<string, Actor> = {};
  for (const user of users) {
    const [row] = await database.ownerQuery<{ om_utilisateur: number }>(`select om_utilisateur from om.om_utilisateur where login = '${user.login}'`);
    const actor = row ? await loadActor(database.db.kysely, Number(row.om_utilisateur)) : undefined;
    if (!actor) throw new Error(`acteur ${user.login} introuvable`);
    actors[user.login] = actor;
  }
  return actors;
}
