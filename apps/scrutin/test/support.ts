/** A runtime with the composition des bureaux application over a test database (and, for the tests that need them, the élections electors). */
import { frameworkMigrations, type MigrationSource } from '../../../framework/src/db/index.ts';
import type { RegisteredObject } from '../../../framework/src/model/registry.ts';
import { applicationsRuntime, objectOf } from '../../../framework/test/support/app-runtime.ts';
import type { TestDatabase } from '../../../framework/test/support/databases.ts';
import type { TestRuntime } from '../../../framework/test/support/runtime.ts';
import { elections } from '../../elections/src/index.ts';
import { scrutin } from '../src/index.ts';

export { actorsFor, depsOf } from '../../../framework/test/support/app-runtime.ts';

export const SOURCES: MigrationSource[] = [frameworkMigrations, scrutin.migrations];
/** With the élections application installed too (electors chosen from its list). */
export const SOURCES_AVEC_ELECTIONS: MigrationSource[] = [frameworkMigrations, elections.migrations, scrutin.migrations];

export const PASSWORD = 'Scrutin-Libreville-2026';

/** A second town, for isolation tests. */
export const AUTREVILLE_SQL = `insert into om.om_collectivite (om_collectivite, libelle, niveau) values (3, 'Autreville', '1');
  select setval(pg_get_serial_sequence('om.om_collectivite', 'om_collectivite'), 3);`;

/**
 * Libreville's bureaux 1 and 2, Autreville's bureau 1, the municipales of 15 March 2026 (département
 * 33) with two lists, and four persons (Dupont, Martin and Bernard in the 33, Leroy in the 24).
 */
export const COMPOSITION_SQL = `
  insert into scrutin.bureau (code, libelle, adresse, om_collectivite) values
    ('1', 'Hôtel de ville', '1 place de la Mairie, Libreville', 1), ('2', 'École Jules-Ferry', '12 rue Jules Ferry, Libreville', 1),
    ('1', 'Mairie d’Autreville', '2 place du Village, Autreville', 3);
  insert into scrutin.scrutin (libelle, type, date_scrutin, tour, departement, om_collectivite) values
    ('Municipales 2026', 'municipales', '2026-03-15', 1, '33', 1), ('Municipales 2026 à Autreville', 'municipales', '2026-03-15', 1, '33', 3);
  insert into scrutin.candidature (scrutin, libelle, mandataire, om_collectivite) values
    (1, 'Libreville Avenir', 'Paul Girard', 1), (1, 'Ensemble pour Libreville', 'Sophie Roux', 1);
  insert into scrutin.personne (nom, prenom, date_naissance, adresse, commune_inscription, departement_inscription, om_collectivite) values
    ('DUPONT', 'Jeanne', '1961-05-02', '3 rue des Lilas, 00100 Libreville', 'Libreville', '33', 1),
    ('MARTIN', 'Paul', '1975-11-20', '8 rue Pasteur, 00100 Libreville', 'Libreville', '33', 1),
    ('BERNARD', 'Luc', '1990-01-15', '1 rue du Moulin, 00100 Libreville', 'Libreville', '33', 1),
    ('LEROY', 'Anne', '1982-07-09', '5 rue du Port, 24000 Périgueux', 'Périgueux', '24', 1),
    ('AUTRE', 'Albert', '1970-02-03', '1 rue Haute, Autreville', 'Autreville', '33', 3);`;

export const scrutinRuntime = (database: TestDatabase): Promise<TestRuntime> => applicationsRuntime(database, [scrutin]);
export const scrutinEtElectionsRuntime = (database: TestDatabase): Promise<TestRuntime> => applicationsRuntime(database, [elections, scrutin]);

export const scrutinObject = (runtime: TestRuntime, table: string): RegisteredObject => objectOf(runtime, 'scrutin', table);
