/**
 * A runtime with the cimetière application over a test database, its users (chef = SUPER
 * UTILISATEUR, agent = UTILISATEUR, lecteur = CONSULTATION in Libreville, collectivité 1; autre =
 * SUPER UTILISATEUR of Autreville, collectivité 3, for isolation) and helpers that write a
 * cimetière, a zone, a voie and emplacements in one line each (as the owner: fixtures, not rules).
 */
import type { Actor } from '../../../framework/src/access/actor.ts';
import { frameworkMigrations, type MigrationSource, type Row } from '../../../framework/src/db/index.ts';
import type { RegisteredObject } from '../../../framework/src/model/registry.ts';
import { createRecord, deleteRecord, ServiceError, updateRecord } from '../../../framework/src/records/index.ts';
import { actorsFor, applicationsRuntime, depsOf, objectOf } from '../../../framework/test/support/app-runtime.ts';
import type { TestDatabase } from '../../../framework/test/support/databases.ts';
import type { TestRuntime } from '../../../framework/test/support/runtime.ts';
import { cimetiere } from '../src/index.ts';

export { actorsFor, depsOf } from '../../../framework/test/support/app-runtime.ts';

export const SOURCES: MigrationSource[] = [frameworkMigrations, cimetiere.migrations];
export const PASSWORD = 'Cimetiere-Libreville-2026';

/** Autreville (collectivité 3): a town whose rows Libreville's users must never see. */
export const AUTREVILLE_SQL = `insert into om.om_collectivite (om_collectivite, libelle, niveau) values (3, 'Autreville', '1') on conflict do nothing;
select setval(pg_get_serial_sequence('om.om_collectivite', 'om_collectivite'), greatest(3, (select max(om_collectivite) from om.om_collectivite)));
insert into om.om_parametre (libelle, valeur, om_collectivite) values ('ville', 'Autreville', 3) on conflict do nothing;`;

export const cimetiereRuntime = (database: TestDatabase): Promise<TestRuntime> => applicationsRuntime(database, [cimetiere]);

export const cimetiereObject = (runtime: TestRuntime, table: string): RegisteredObject => objectOf(runtime, 'cimetiere', table);

/** Creates Autreville and the four users; returns their actors by login. */
export async function cimetiereActors(database: TestDatabase): Promise<Record<'chef' | 'agent' | 'lecteur' | 'autre', Actor>> {
  await database.asOwner(AUTREVILLE_SQL);
  const actors = await actorsFor(database, PASSWORD, [
    { login: 'chef', profil: 'SUPER UTILISATEUR', collectivite: 1 },
    { login: 'agent', profil: 'UTILISATEUR', collectivite: 1 },
    { login: 'lecteur', profil: 'CONSULTATION', collectivite: 1 },
    { login: 'autre', profil: 'SUPER UTILISATEUR', collectivite: 3 },
  ]);
  return actors as Record<'chef' | 'agent' | 'lecteur' | 'autre', Actor>;
}

/** The records service on one object, as one actor: what a form or the API does. */
export function service(runtime: TestRuntime, actor: Actor, table: string) {
  const object = cimetiereObject(runtime, table);
  return {
    create: (input: Row) => createRecord(depsOf(runtime), actor, object, input),
    update: (key: unknown, input: Row) => updateRecord(depsOf(runtime), actor, object, String(key), input, { partial: true }),
    delete: (key: unknown) => deleteRecord(depsOf(runtime), actor, object, String(key)),
  };
}

/** The refusal of `work`, or a failure when it succeeds. */
export async function refusal(work: () => Promise<unknown>): Promise<ServiceError> {
  try {
    await work();
  } catch (error) {
    if (error instanceof ServiceError) return error;
    throw error;
  }
  throw new Error('the write was expected to be refused');
}

const text = (value: string | null | undefined): string => (value === null || value === undefined ? 'null' : `'${value.replaceAll("'", "''")}'`);

async function insertOne(database: TestDatabase, table: string, columns: Record<string, string | number | boolean | null | undefined>): Promise<number> {
  const names = Object.keys(columns);
  const values = names.map((name) => {
    const value = columns[name];
    return typeof value === 'number' || typeof value === 'boolean' ? String(value) : text(value);
  });
  const [row] = await database.ownerQuery<Record<string, number>>(
    `insert into cimetiere.${table} (${names.join(', ')}) values (${values.join(', ')}) returning ${table}`,
  );
  return Number(row?.[table]);
}

export interface Localisation {
  readonly cimetiere: number;
  readonly zone: number;
  readonly voie: number;
}

/** A cimetière with one zone (« Carré A ») and one voie (« Allée 1 ») in collectivité `collectivite`. */
export async function creerLocalisation(database: TestDatabase, collectivite = 1, libelle = 'Cimetière du Centre'): Promise<Localisation> {
  const cimetiereId = await insertOne(database, 'cimetiere', { libelle, ville: 'Libreville', om_collectivite: collectivite });
  const zone = await insertOne(database, 'zone', { cimetiere: cimetiereId, libelle: 'Carré A', om_collectivite: collectivite });
  const voie = await insertOne(database, 'voie', { zone, libelle: 'Allée 1', om_collectivite: collectivite });
  return { cimetiere: cimetiereId, zone, voie };
}

/** An emplacement of the voie (nature concession, one place unless told). */
export function creerEmplacement(
  database: TestDatabase,
  voie: number,
  numero: number,
  extra: Record<string, string | number | boolean | null> = {},
  collectivite = 1,
): Promise<number> {
  return insertOne(database, 'emplacement', { voie, numero, om_collectivite: collectivite, ...extra });
}

/** A défunt written as the owner (no rule runs: a fixture); its taille must be given when not 1. */
export function creerDefunt(database: TestDatabase, emplacement: number, nom: string, extra: Record<string, string | number | boolean | null> = {}, collectivite = 1): Promise<number> {
  return insertOne(database, 'defunt', { emplacement, nom, om_collectivite: collectivite, ...extra });
}

/** Any row of the schema, as the owner. */
export const inserer = insertOne;
