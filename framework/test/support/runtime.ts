import { hashPassword } from '../../src/access/passwords.ts';
import type { Application } from '../../src/application.ts';
import { loadConfig, type RuntimeConfig } from '../../src/config/index.ts';
import { introspectSchema } from '../../src/db/introspect.ts';
import { createLogger } from '../../src/logger.ts';
import type { ObjectOverride } from '../../src/model/override.ts';
import { Registry } from '../../src/model/registry.ts';
import { registerFrameworkObjects } from '../../src/objects/index.ts';
import type { MailMessage, Runtime } from '../../src/runtime.ts';
import type { TestDatabase } from './databases.ts';

export interface TestRuntime extends Runtime {
  /** Every message the application "sent". */
  readonly sentMail: MailMessage[];
}

/** A runtime over a test database: framework objects, plus the objects of the given schemas. */
export async function createTestRuntime(
  database: TestDatabase,
  options: { schemas?: string[]; overrides?: Record<string, ObjectOverride>; config?: Partial<RuntimeConfig> } = {},
): Promise<TestRuntime> {
  const registry = new Registry();
  registerFrameworkObjects(registry);
  for (const schema of options.schemas ?? []) {
    const { tables } = await introspectSchema(database.db.kysely, schema, { app: schema });
    for (const meta of tables) registry.register(meta, options.overrides?.[meta.name] ?? {});
  }
  registry.linkIncomingReferences();
  const sentMail: MailMessage[] = [];
  return {
    config: { ...loadConfig({}), logLevel: 'silent', ...options.config },
    db: database.db,
    registry,
    logger: createLogger('silent'),
    mailer: { send: async (message) => void sentMail.push(message) },
    sentMail,
  };
}

export interface TestUser {
  login: string;
  password: string;
  profil: 'ADMINISTRATEUR' | 'SUPER UTILISATEUR' | 'UTILISATEUR' | 'UTILISATEUR LIMITÉ' | 'CONSULTATION';
  collectivite: number;
}

/** Creates users directly in the database (as the owner), with real argon2id hashes. */
export async function createUsers(database: TestDatabase, users: TestUser[]): Promise<void> {
  for (const user of users) {
    const hash = await hashPassword(user.password);
    await database.asOwner(`insert into om.om_utilisateur (nom, email, login, pwd, om_collectivite, om_profil)
      select '${user.login}', '${user.login}@example.org', '${user.login}', '${hash}', ${user.collectivite}, om_profil
        from om.om_profil where libelle = '${user.profil}'`);
  }
}

/** Grants permissions to a profile (hierarchical: higher profiles hold them too). */
export async function grant(database: TestDatabase, profil: TestUser['profil'], permissions: string[]): Promise<void> {
  for (const permission of permissions) {
    await database.asOwner(`insert into om.om_droit (libelle, om_profil) select '${permission}', om_profil from om.om_profil
      where libelle = '${profil}' on conflict do nothing`);
  }
}

/** The runtime serving applications of these names with these titles (as `commun.config.ts` would), for the screens that name them. */
export function withApplicationTitles<T extends Runtime>(runtime: T, titles: Record<string, string>): T {
  const applications: Application[] = Object.entries(titles).map(([name, title]) => ({
    name,
    title,
    migrations: { scope: name, schema: name, directory: '.' },
    register: () => undefined,
  }));
  return { ...runtime, applications };
}
