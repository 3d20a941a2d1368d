/**
 * A runtime with the courrier application over a test database, its users and a small organisation
 * (as the owner: fixtures, not rules), shared by every test of the application:
 *
 * - Libreville (collectivité 1): services DG (direction générale) › URBA (urbanisme) › VOIRIE, and
 *   ETAT (état civil) beside them; COURRIER (the mail room);
 * - users: `chef` SUPER UTILISATEUR of the mail room, « tous services »; `agent` UTILISATEUR of the
 *   mail room, « tous services »; `urba` UTILISATEUR in URBA; `voirie` UTILISATEUR in VOIRIE; `etat`
 *   UTILISATEUR in ÉTAT CIVIL; `lecteur` CONSULTATION without agent record; `autre` SUPER
 *   UTILISATEUR of Autreville (collectivité 3), for isolation;
 * - reference rows: natures LET (lettre), LRAR, MEL (courriel), DEP (dépôt); catégories REC
 *   (réclamation, 8 days to answer) and INF (information, none); civilités M and MME; task
 *   categories REP (attente de réponse) and INT (intervention); task states NT (non traité), EC (en
 *   cours), TR (traité); a correspondent « DURAND Jean, 3 rue des Lilas, 97100 Libreville ».
 */
import type { Actor } from '../../../framework/src/access/actor.ts';
import { frameworkMigrations, type MigrationSource, type Row } from '../../../framework/src/db/index.ts';
import type { RegisteredObject } from '../../../framework/src/model/registry.ts';
import { createRecord, deleteRecord, ServiceError, updateRecord } from '../../../framework/src/records/index.ts';
import { actorsFor, applicationsRuntime, depsOf, objectOf } from '../../../framework/test/support/app-runtime.ts';
import type { TestDatabase } from '../../../framework/test/support/databases.ts';
import type { TestRuntime } from '../../../framework/test/support/runtime.ts';
import { courrier } from '../src/index.ts';

export { actorsFor, depsOf } from '../../../framework/test/support/app-runtime.ts';

export const SOURCES: MigrationSource[] = [frameworkMigrations, courrier.migrations];
export const PASSWORD = 'Courrier-Libreville-2026';

/** Autreville (collectivité 3): a town whose rows Libreville's users must never see. */
export const AUTREVILLE_SQL = `insert into om.om_collectivite (om_collectivite, libelle, niveau) values (3, 'Autreville', '1') on conflict do nothing;
select setval(pg_get_serial_sequence('om.om_collectivite', 'om_collectivite'), greatest(3, (select max(om_collectivite) from om.om_collectivite)));
insert into om.om_parametre (libelle, valeur, om_collectivite) values ('ville', 'Autreville', 3) on conflict do nothing;`;

export const courrierRuntime = (database: TestDatabase): Promise<TestRuntime> => applicationsRuntime(database, [courrier]);

export const courrierObject = (runtime: TestRuntime, table: string): RegisteredObject => objectOf(runtime, 'courrier', table);

export type Utilisateur = 'chef' | 'agent' | 'urba' | 'voirie' | 'etat' | 'lecteur' | 'autre';

/** The organisation of the fixtures: ids by code. */
export interface Organisation {
  readonly services: Readonly<Record<'DG' | 'URBA' | 'VOIRIE' | 'ETAT' | 'COURRIER', number>>;
  readonly agents: Readonly<Record<'chef' | 'agent' | 'urba' | 'voirie' | 'etat', number>>;
  readonly natures: Readonly<Record<'LET' | 'LRAR' | 'MEL' | 'DEP', number>>;
  readonly categories: Readonly<Record<'REC' | 'INF', number>>;
  readonly civilites: Readonly<Record<'M' | 'MME', number>>;
  readonly tacheCategories: Readonly<Record<'REP' | 'INT', number>>;
  readonly tacheEtats: Readonly<Record<'NT' | 'EC' | 'TR', number>>;
  readonly correspondant: number;
  readonly actors: Readonly<Record<Utilisateur, Actor>>;
}

const text = (value: string | null | undefined): string => (value === null || value === undefined ? 'null' : `'${value.replaceAll("'", "''")}'`);

/** Inserts one row as the owner (a fixture); returns its key. */
export async function inserer(database: TestDatabase, table: string, columns: Record<string, string | number | boolean | null | undefined>): Promise<number> {
  const names = Object.keys(columns).filter((name) => columns[name] !== undefined);
  const values = names.map((name) => {
    const value = columns[name];
    return typeof value === 'number' || typeof value === 'boolean' ? String(value) : text(value as string | null);
  });
  const [row] = await database.ownerQuery<Record<string, number>>(
    `insert into courrier.${table} (${names.join(', ')}) values (${values.join(', ')}) returning ${table}`,
  );
  return Number(row?.[table]);
}

async function parCode<K extends string>(database: TestDatabase, table: string, rows: readonly [K, string][], extra: (code: K) => Record<string, string | number | boolean | null> = () => ({})) {
  const ids = {} as Record<K, number>;
  for (const [code, libelle] of rows) ids[code] = await inserer(database, table, { code, libelle, om_collectivite: 1, ...extra(code) });
  return ids;
}

/** Creates Autreville, the users, the services, the agents and the reference rows (see above). */
export async function organisation(database: TestDatabase): Promise<Organisation> {
  await database.asOwner(AUTREVILLE_SQL);
  const actors = (await actorsFor(database, PASSWORD, [
    { login: 'chef', profil: 'SUPER UTILISATEUR', collectivite: 1 },
    { login: 'agent', profil: 'UTILISATEUR', collectivite: 1 },
    { login: 'urba', profil: 'UTILISATEUR', collectivite: 1 },
    { login: 'voirie', profil: 'UTILISATEUR', collectivite: 1 },
    { login: 'etat', profil: 'UTILISATEUR', collectivite: 1 },
    { login: 'lecteur', profil: 'CONSULTATION', collectivite: 1 },
    { login: 'autre', profil: 'SUPER UTILISATEUR', collectivite: 3 },
  ])) as Record<Utilisateur, Actor>;
  const service = (code: string, libelle: string, parent: number | null) =>
    inserer(database, 'service', { code, libelle, service_parent: parent, courriel: `${code.toLowerCase()}@libreville.test`, om_collectivite: 1 });
  const DG = await service('DG', 'Direction générale', null);
  const URBA = await service('URBA', 'Urbanisme', DG);
  const VOIRIE = await service('VOIRIE', 'Voirie', URBA);
  const ETAT = await service('ETAT', 'État civil', null);
  const COURRIER = await service('COURRIER', 'Service courrier', null);
  const agent = (login: Exclude<Utilisateur, 'lecteur' | 'autre'>, serviceId: number, tous = false) =>
    inserer(database, 'agent', { om_utilisateur: actors[login].userId, service: serviceId, tous_services: tous, om_collectivite: 1 });
  const agents = {
    chef: await agent('chef', COURRIER, true),
    agent: await agent('agent', COURRIER, true),
    urba: await agent('urba', URBA),
    voirie: await agent('voirie', VOIRIE),
    etat: await agent('etat', ETAT),
  };
  const natures = await parCode(database, 'nature', [['LET', 'Lettre'], ['LRAR', 'Lettre recommandée A/R'], ['MEL', 'Courriel'], ['DEP', 'Dépôt']]);
  const categories = await parCode(database, 'categorie', [['REC', 'Réclamation'], ['INF', 'Information']], (code) => ({ delai_reponse: code === 'REC' ? 8 : null }));
  const civilites = await parCode(database, 'civilite', [['M', 'Monsieur'], ['MME', 'Madame']]);
  const tacheCategories = await parCode(database, 'tache_categorie', [['REP', 'Attente de réponse'], ['INT', 'Intervention']]);
  const tacheEtats = await parCode(database, 'tache_etat', [['NT', 'Non traité'], ['EC', 'En cours'], ['TR', 'Traité']]);
  const correspondant = await inserer(database, 'correspondant', {
    civilite: civilites.M, nom: 'DURAND', prenom: 'Jean', adresse1: '3 rue des Lilas', cp: '97100', ville: 'Libreville', courriel: 'jean.durand@exemple.test', om_collectivite: 1,
  });
  return {
    services: { DG, URBA, VOIRIE, ETAT, COURRIER },
    agents,
    natures,
    categories,
    civilites,
    tacheCategories,
    tacheEtats,
    correspondant,
    actors,
  };
}

/** The records service on one object, as one actor: what a form or the API does. */
export function service(runtime: TestRuntime, actor: Actor, table: string) {
  const object = courrierObject(runtime, table);
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

/**
 * A mail inserted as the owner (a fixture: no number rule, no task), numbered `numero` with rank
 * `rang`. Arrivals by default, dated 2026-03-02.
 */
export function courrierFixture(database: TestDatabase, org: Organisation, extra: Record<string, string | number | boolean | null> = {}): Promise<number> {
  return inserer(database, 'courrier', {
    registre: 'arrivee',
    numero: `F-${Math.random().toString(36).slice(2, 10)}`,
    rang: 1,
    nature: org.natures.LET,
    date_arrivee: '2026-03-02',
    date_courrier: '2026-02-27',
    correspondant: org.correspondant,
    objet: 'Demande de renseignements',
    service: org.services.URBA,
    om_collectivite: 1,
    ...extra,
  });
}

// ---- éditions (H4) ---------------------------------------------------------------------------------

/** The mails of the editions' tests (arrivals of 2025 unless said), by name. */
export interface EditionsDonnees {
  readonly A1: number;
  readonly A2: number;
  readonly A3: number;
  readonly A4: number;
  readonly A5: number;
  readonly A6: number;
  readonly C1: number;
  readonly D1: number;
}

/**
 * A hand-made year for the editions (as the owner), dates in 2025 so that every due date but one is
 * past: A1 URBA (2025-1, réclamation, answered on time in 4 days, a copy to ÉTAT, a scan, linked to
 * A4, answered by the departure D1), A2 URBA (2025-2, LRAR, answered late in 15 days), A3 ÉTAT
 * (2025-3, information, reply open and late, plus an open intervention), A4 URBA (2025-4, courriel,
 * no category, no reply wanted), A5 VOIRIE (2025-5, reply open, due in 2099), A6 URBA arrived on
 * 2024-12-31 (outside 2025), C1 ÉTAT confidential (2025-6, answered), D1 departure 2025-D-1.
 */
export async function editionsDonnees(database: TestDatabase, org: Organisation): Promise<EditionsDonnees> {
  const arrivee = (numero: string, rang: number, extra: Record<string, string | number | boolean | null>) =>
    courrierFixture(database, org, { numero, rang, ...extra });
  // A2 before A1: the register orders by rank, not by key.
  const A2 = await arrivee('2025-2', 2, { nature: org.natures.LRAR, categorie: org.categories.REC, reponse_souhaitee: true, date_arrivee: '2025-03-10', date_courrier: '2025-03-05', objet: 'Réclamation sur le trottoir' });
  const A1 = await arrivee('2025-1', 1, { categorie: org.categories.REC, reponse_souhaitee: true, date_arrivee: '2025-03-03', date_courrier: '2025-02-27', objet: 'Demande de permis de construire', referent: org.agents.urba });
  const A3 = await arrivee('2025-3', 3, { service: org.services.ETAT, categorie: org.categories.INF, reponse_souhaitee: true, date_arrivee: '2025-04-01', date_courrier: '2025-03-28', objet: 'Copie d’acte de naissance' });
  const A4 = await arrivee('2025-4', 4, { nature: org.natures.MEL, date_arrivee: '2025-05-05', date_courrier: '2025-05-05', objet: 'Information sur les travaux' });
  const A5 = await arrivee('2025-5', 5, { service: org.services.VOIRIE, categorie: org.categories.INF, reponse_souhaitee: true, date_arrivee: '2025-06-02', date_courrier: '2025-06-01', objet: 'Nid-de-poule rue des Lilas' });
  const A6 = await arrivee('2024-99', 99, { date_arrivee: '2024-12-31', date_courrier: '2024-12-20', objet: 'Vœux de fin d’année' });
  const C1 = await arrivee('2025-6', 6, { service: org.services.ETAT, confidentiel: true, reponse_souhaitee: true, date_arrivee: '2025-07-01', date_courrier: '2025-06-30', objet: 'Dossier confidentiel d’état civil' });
  const D1 = await courrierFixture(database, org, {
    registre: 'depart', numero: '2025-D-1', rang: 1, etat: 'parti', date_arrivee: null, date_courrier: null, date_signature: '2025-03-06', date_depart: '2025-03-07',
    objet: 'Réponse : Demande de permis de construire', reponse_a: A1,
  });
  const tache = (courrier: number, service: number, extra: Record<string, string | number | boolean | null>) =>
    inserer(database, 'tache', { courrier, service, tache_categorie: org.tacheCategories.REP, tache_etat: org.tacheEtats.NT, automatique: true, om_collectivite: 1, ...extra });
  await tache(A1, org.services.URBA, { libelle: 'Répondre : Demande de permis de construire', date_creation: '2025-03-03', date_butoir: '2025-03-11', date_execution: '2025-03-07', solde: true, reponse: D1 });
  await tache(A2, org.services.URBA, { libelle: 'Répondre : Réclamation sur le trottoir', date_creation: '2025-03-10', date_butoir: '2025-03-18', date_execution: '2025-03-25', solde: true });
  await tache(A3, org.services.ETAT, { libelle: 'Répondre : Copie d’acte de naissance', date_creation: '2025-04-01', date_butoir: '2025-04-16' });
  await tache(A3, org.services.ETAT, { libelle: 'Vérifier le registre', tache_categorie: org.tacheCategories.INT, automatique: false, date_creation: '2025-04-01', date_butoir: '2025-04-30' });
  await tache(A5, org.services.VOIRIE, { libelle: 'Répondre : Nid-de-poule rue des Lilas', date_creation: '2025-06-02', date_butoir: '2099-01-01' });
  await tache(C1, org.services.ETAT, { libelle: 'Répondre : Dossier confidentiel', date_creation: '2025-07-01', date_butoir: '2025-07-16', date_execution: '2025-07-02', solde: true });
  await inserer(database, 'copie', { courrier: A1, service: org.services.ETAT, om_collectivite: 1 });
  await inserer(database, 'document', { courrier: A1, libelle: 'Courrier numérisé 2025-1', type_document: 'scan', date_document: '2025-03-03', fichier: 'fichier-essai', om_collectivite: 1 });
  await inserer(database, 'courrier_lien', { courrier: A1, courrier_lie: A4, om_collectivite: 1 });
  return { A1, A2, A3, A4, A5, A6, C1, D1 };
}
