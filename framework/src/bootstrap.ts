import { randomBytes } from 'node:crypto';
import { BRANDING_MIGRATION, installDemoBranding } from './branding/index.ts';
import { sql } from 'kysely';
import { checkApplicationPermissions, checkRoutePermissions, grantToAdministrators, installationGrants } from './access/application-grants.ts';
import { hashPassword } from './access/passwords.ts';
import { syncPermissionVocabulary } from './access/vocabulary.ts';
import { createMailer } from './access/mailer.ts';
import { registerApplications, type Application } from './application.ts';
import { markSpatialFunctionsLeakproof } from './maps/leakproof.ts';
import type { RuntimeConfig } from './config/index.ts';
import { asApplicationRole, frameworkMigrations, migrate, openDatabase, readMigrations, type Db } from './db/index.ts';
import { createLogger } from './logger.ts';
import { interruptJobsLeftRunning } from './jobs/index.ts';
import { loadReferentials, type LoadedReferential, type LoadOptions } from './referentials/index.ts';
import { Registry } from './model/registry.ts';
import { registerFrameworkObjects } from './objects/index.ts';
import { registerFrameworkWidgets } from './web/dashboard/index.ts';
import { dailyDigestTask } from './notifications/task.ts';
import type { Runtime } from './runtime.ts';

export interface Started {
  readonly runtime: Runtime;
  /** Migrations applied by this start (empty when the database was up to date). */
  readonly applied: readonly string[];
  /** The generated password of `admin`, when this start created the account without one given. */
  readonly generatedAdminPassword: string | undefined;
  /** Referentials this start loaded (empty when every one was up to date). */
  readonly referentials: readonly LoadedReferential[];
}

const ADMIN_COLLECTIVITE = 2; // « Syndicat intercommunal », niveau 2: the administrator manages every collectivité.
const ADMIN_PROFIL = 1; // ADMINISTRATEUR

/** A readable random password that passes the strength rule (lower, upper, digits, 20 characters). */
export function generatePassword(): string {
  const alphabet = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(20);
  const body = [...bytes].map((byte) => alphabet[byte % alphabet.length]).join('');
  return `${body.slice(0, 5)}-${body.slice(5, 10)}-${body.slice(10, 15)}-${body.slice(15)}Aa7`;
}

/** Creates `admin` on the first start; later starts leave it alone. */
async function ensureAdmin(owner: Db, configured: string | undefined): Promise<string | undefined> {
  const existing = await sql`select 1 from om.om_utilisateur where login = 'admin'`.execute(owner);
  if (existing.rows.length > 0) return undefined;
  const password = configured ?? generatePassword();
  await sql`insert into om.om_utilisateur (nom, email, login, pwd, om_collectivite, om_profil)
    values ('Administrateur', 'admin@localhost', 'admin', ${await hashPassword(password)}, ${ADMIN_COLLECTIVITE}, ${ADMIN_PROFIL})`.execute(owner);
  return configured ? undefined : password;
}

/** The application's schema was created by these migrations: its first one is among them. */
function installedBy(application: Application, applied: readonly string[]): boolean {
  const [first] = readMigrations(application.migrations);
  return first !== undefined && applied.includes(`${first.scope}/${first.name}`);
}

/** The objects, widgets and routes of the framework and of every application, checked. */
export function buildRegistry(applications: readonly Application[]): Registry {
  const registry = new Registry();
  registerFrameworkObjects(registry);
  registerFrameworkWidgets(registry);
  registerApplications(registry, applications);
  registry.linkIncomingReferences();
  for (const application of applications) checkRoutePermissions(registry, application);
  return registry;
}

/** Opens and migrates the database, then builds the runtime every command and request uses. */
export async function bootstrap(
  config: RuntimeConfig,
  applications: readonly Application[] = [],
  options: { readonly referentials?: LoadOptions } = {},
): Promise<Started> {
  for (const application of applications) checkApplicationPermissions(application.name, application.permissions ?? []);
  // Before the database is opened: a declaration error (a route named like a table…) stops the start at once.
  const registry = buildRegistry(applications);
  const owner = await openDatabase({
    url: config.databaseUrl,
    dataDir: config.dataDir,
    postgis: applications.some((application) => application.postgis),
  });
  let applied: string[];
  let generatedAdminPassword: string | undefined;
  let referentials: LoadedReferential[];
  try {
    applied = await migrate(owner.kysely, [frameworkMigrations, ...applications.map((application) => application.migrations)]);
    if (owner.kind === 'postgres') await markSpatialFunctionsLeakproof(owner.kysely);
    // After every migration (a referential fills an application's tables), as the owner.
    referentials = await loadReferentials(owner.kysely, applications, options.referentials);
    generatedAdminPassword = await ensureAdmin(owner.kysely, config.adminPassword);
  } catch (error) {
    await owner.close();
    throw error;
  }
  const db = await asApplicationRole(owner);
  await syncPermissionVocabulary(db.kysely, registry, applications.flatMap((application) => application.permissions ?? []));
  const installed = applications.filter((application) => installedBy(application, applied));
  for (const application of installed) {
    await grantToAdministrators(db.kysely, installationGrants(registry, application.name, application.permissions ?? []));
  }
  const logger = createLogger(config.logLevel);
  for (const loaded of referentials) logger.info({ ...loaded }, 'référentiel chargé');
  const runtime: Runtime = { config, db, registry, logger, mailer: createMailer(config, logger), applications };
  // The daily e-mail of pending work needs the runtime (applications, public address): registered here.
  registry.addDailyTask(dailyDigestTask(runtime));
  // Demo data goes in once: when this start created the application's schema.
  if (config.demo) for (const application of installed) await application.loadDemo?.(runtime);
  if (config.demo && applied.includes(BRANDING_MIGRATION)) await installDemoBranding(runtime);
  // Jobs a previous life of the instance left « en cours » become « interrompu » (jobs/recovery.ts).
  await interruptJobsLeftRunning(runtime);
  return { runtime, applied, generatedAdminPassword, referentials };
}
