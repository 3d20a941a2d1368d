/**
 * The people and data of the browser journey (e2e/journey*.test.ts): a niveau-2 administrator,
 * the collectivité, profile and agent they create, the rights the profile gets, and the SQL that
 * puts the same in place directly (for the suites that do not create them through the screens).
 */
import assert from 'node:assert/strict';
import { hashPassword } from '../../framework/src/access/passwords.ts';
import { registerFrameworkWidgets } from '../../framework/src/web/dashboard/index.ts';
import { ASSOCIATIONS_OVERRIDES, ASSOCIATIONS_SCHEMA, ASSOCIATIONS_SCHEMA_SQL, SECTEURS, bulkAssociationsSql } from './associations-schema.ts';
import { login, type Page } from './browser.ts';
import { messagesOf, pathOf } from './screens.ts';
import type { BrowserSuiteOptions } from './suite.ts';
import type { TestDatabase } from '../../framework/test/support/databases.ts';

export const ADMIN = 'admin2';
export const ADMIN_PASSWORD = 'Mot-de-passe-42';
export const COLLECTIVITE = 'Bourg-Saint-Andéol';
export const PROFIL = 'AGENT ASSOCIATIONS';
export const AGENT = { login: 'cmartin', nom: 'Claire Martin', email: 'cmartin@bourg.example', password: 'Vie-Associative-2026' } as const;
/** Rights granted through the matrix (whole objects, and reading the communes). */
export const MATRIX_RIGHTS = ['associations.association', 'associations.adherent', 'associations.commune_tab'] as const;
/** The right granted through the profile's droits sub-form. */
export const SUBFORM_RIGHT = 'associations.secteur_tab';
/** A record of another collectivité (Libreville). */
export const FOREIGN_RECORD = 'Comité des fêtes de Libreville';
/** The association the agent creates. */
export const CREATED = 'Amicale des Pêcheurs de l’Étang';
export const SAVED = /Vos modifications ont bien été enregistrées\./;

export const quote = (text: string): string => `'${text.replace(/'/g, "''")}'`;

export const collator = new Intl.Collator('fr');

/** The application and the administrator every journey suite starts from. */
export const JOURNEY_APP: BrowserSuiteOptions = {
  users: [{ login: ADMIN, password: ADMIN_PASSWORD, profil: 'ADMINISTRATEUR', collectivite: 2 }],
  setup: async (database) => {
    await database.asOwner(ASSOCIATIONS_SCHEMA_SQL, ASSOCIATIONS_SCHEMA);
    await database.asOwner(
      `insert into associations.association (nom, president, secteur, om_collectivite) values (${quote(FOREIGN_RECORD)}, 'Henri Duval', ${SECTEURS.Culture}, 1)`,
    );
  },
  schemas: [ASSOCIATIONS_SCHEMA],
  overrides: ASSOCIATIONS_OVERRIDES,
  // As the application's start-up: the framework's server widgets and the composer's menu entry.
  register: registerFrameworkWidgets,
};

/**
 * Puts in place, as the owner, whatever of the collectivité, profile, rights and agent is
 * missing; returns the agent's collectivité.
 */
export async function ensureAgent(database: TestDatabase): Promise<number> {
  await database.asOwner(`insert into om.om_collectivite (libelle, niveau)
    select ${quote(COLLECTIVITE)}, '1' where not exists (select 1 from om.om_collectivite where libelle = ${quote(COLLECTIVITE)})`);
  await database.asOwner(`insert into om.om_profil (libelle, hierarchie) values (${quote(PROFIL)}, 1) on conflict do nothing`);
  for (const right of [...MATRIX_RIGHTS, SUBFORM_RIGHT]) {
    await database.asOwner(`insert into om.om_droit (libelle, om_profil) select ${quote(right)}, om_profil from om.om_profil
      where libelle = ${quote(PROFIL)} on conflict do nothing`);
  }
  await database.asOwner(`insert into om.om_utilisateur (nom, email, login, pwd, om_collectivite, om_profil)
    select ${quote(AGENT.nom)}, ${quote(AGENT.email)}, ${quote(AGENT.login)}, ${quote(await hashPassword(AGENT.password))}, c.om_collectivite, p.om_profil
      from om.om_collectivite c, om.om_profil p where c.libelle = ${quote(COLLECTIVITE)} and p.libelle = ${quote(PROFIL)}
    on conflict (login) do update set pwd = excluded.pwd, om_collectivite = excluded.om_collectivite, om_profil = excluded.om_profil`);
  const [row] = await database.ownerQuery<{ om_collectivite: number }>(
    `select om_collectivite from om.om_utilisateur where login = ${quote(AGENT.login)}`,
  );
  assert.ok(row, `l’utilisateur ${AGENT.login} n’existe pas`);
  return Number(row.om_collectivite);
}

/** The agent, and the bulk associations of their collectivité. */
export async function ensureAgentWithData(database: TestDatabase): Promise<number> {
  const collectivite = await ensureAgent(database);
  await database.asOwner(bulkAssociationsSql(collectivite));
  return collectivite;
}

/** The address of the association `CREATED` (inserted by the owner when the screens did not create it). */
export async function createdRecordUrl(database: TestDatabase, collectivite: number): Promise<string> {
  await database.asOwner(`insert into associations.association (nom, om_collectivite)
    select ${quote(CREATED)}, ${collectivite} where not exists (select 1 from associations.association where nom = ${quote(CREATED)})`);
  const [row] = await database.ownerQuery<{ association: number }>(`select association from associations.association where nom = ${quote(CREATED)}`);
  return `/associations/association/${row!.association}`;
}

/** Signs in through the login form and checks that the home page came. */
export async function signIn(page: Page, user: string, password: string): Promise<Page> {
  await page.goto('/login');
  await login(page, user, password);
  assert.equal(pathOf(page), '/', `la connexion de ${user} a échoué : ${await messagesOf(page)}`);
  return page;
}
