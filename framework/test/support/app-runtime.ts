/**
 * A runtime serving catalogue applications over a test database (their objects, routes and
 * permissions registered as `commun start` does), and actors loaded from real users: what the
 * applications' tests share.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Actor } from '../../src/access/actor.ts';
import { loadActor } from '../../src/access/load-actor.ts';
import { syncPermissionVocabulary } from '../../src/access/vocabulary.ts';
import { registerApplications, type Application } from '../../src/application.ts';
import type { RegisteredObject } from '../../src/model/registry.ts';
import { fileStoreOf } from '../../src/files/store.ts';
import type { ReadDeps } from '../../src/records/index.ts';
import type { TestDatabase } from './databases.ts';
import { createTestRuntime, createUsers, type TestRuntime, type TestUser } from './runtime.ts';

export async function applicationsRuntime(database: TestDatabase, applications: readonly Application[]): Promise<TestRuntime> {
  const runtime = await createTestRuntime(database, { config: { dataDir: mkdtempSync(join(tmpdir(), 'commun-apps-')) } });
  registerApplications(runtime.registry, applications);
  runtime.registry.linkIncomingReferences();
  await syncPermissionVocabulary(runtime.db.kysely, runtime.registry, applications.flatMap((application) => application.permissions ?? []));
  return { ...runtime, applications };
}

/** What the web gives the records service (web/service-deps.ts): the database, the objects, the file store. */
export const depsOf = (runtime: TestRuntime): ReadDeps => ({
  db: runtime.db,
  registry: runtime.registry,
  locale: 'fr',
  exactCountLimit: runtime.config.exactCountLimit,
  files: fileStoreOf(runtime),
});

export function objectOf(runtime: TestRuntime, app: string, table: string): RegisteredObject {
  const object = runtime.registry.get(app, table);
  if (!object) throw new Error(`${app}/${table} non enregistré`);
  return object;
}

/** Creates the users (all with `password`) and returns their actors (permissions from the profiles, as at login). */
export async function actorsFor(database: TestDatabase, password: string, users: readonly Omit<TestUser, 'password'>[]): Promise<Record<string, Actor>> {
  await createUsers(database, users.map((user) => ({ ...user, password })));
  const actors: Record<string, Actor> = {};
  for (const user of users) {
    const [row] = await database.ownerQuery<{ om_utilisateur: number }>(`select om_utilisateur from om.om_utilisateur where login = '${user.login}'`);
    const actor = row ? await loadActor(database.db.kysely, Number(row.om_utilisateur)) : undefined;
    if (!actor) throw new Error(`acteur ${user.login} introuvable`);
    actors[user.login] = actor;
  }
  return actors;
}
