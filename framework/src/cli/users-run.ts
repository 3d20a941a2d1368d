/** `commun user` once its arguments are accepted (cli/users.ts). */
import { sql } from 'kysely';
import { SYSTEM_ACTOR } from '../access/actor.ts';
import { bootstrap, generatePassword } from '../bootstrap.ts';
import { loadApplications } from '../config/applications.ts';
import { loadConfig } from '../config/index.ts';
import { readAs } from '../db/tenant-context.ts';
import { t } from '../i18n/index.ts';
import { createRecord, ServiceError, updateRecord } from '../records/index.ts';
import type { Runtime } from '../runtime.ts';

type UserOptions = Partial<Record<'nom' | 'email' | 'profil' | 'collectivite' | 'password', string>>;

async function findId(runtime: Runtime, query: ReturnType<typeof sql<{ id: number }>>): Promise<number | undefined> {
  const rows = await readAs(runtime.db.kysely, SYSTEM_ACTOR, async (connection) => (await query.execute(connection)).rows);
  return rows[0]?.id;
}

function explain(error: unknown): string {
  if (error instanceof ServiceError) {
    const details = Object.values(error.fields);
    return [error.message, ...details].join('\n  ');
  }
  return error instanceof Error ? error.message : String(error);
}

async function addUser(runtime: Runtime, login: string, options: UserOptions): Promise<number> {
  const profil = options.profil ?? 'UTILISATEUR';
  const profileId = await findId(runtime, sql<{ id: number }>`select om_profil as id from om.om_profil where upper(libelle) = upper(${profil}) or om_profil::text = ${profil}`);
  if (profileId === undefined) {
    console.error(t('cli.user.unknownProfile', { profil }));
    return 1;
  }
  const password = options.password ?? generatePassword();
  const object = runtime.registry.get('om', 'om_utilisateur');
  if (!object) throw new Error('om_utilisateur is not registered');
  await createRecord({ db: runtime.db, registry: runtime.registry, locale: runtime.config.locale }, SYSTEM_ACTOR, object, {
    login,
    nom: options.nom ?? login,
    email: options.email ?? '',
    om_profil: profileId,
    om_collectivite: options.collectivite ?? '1',
    password,
  });
  console.log(t('cli.user.created', { login, profil }));
  if (!options.password) console.log(t('cli.user.generatedPassword', { password }));
  return 0;
}

async function setPassword(runtime: Runtime, login: string, given: string | undefined): Promise<number> {
  const userId = await findId(runtime, sql<{ id: number }>`select om_utilisateur as id from om.om_utilisateur where login = ${login}`);
  if (userId === undefined) {
    console.error(t('cli.user.unknownLogin', { login }));
    return 1;
  }
  const password = given ?? generatePassword();
  const object = runtime.registry.get('om', 'om_utilisateur');
  if (!object) throw new Error('om_utilisateur is not registered');
  await updateRecord({ db: runtime.db, registry: runtime.registry, locale: runtime.config.locale }, SYSTEM_ACTOR, object, String(userId), {
    password,
  });
  console.log(t('cli.user.passwordChanged', { login }));
  if (!given) console.log(t('cli.user.newPassword', { password }));
  return 0;
}

export async function runUserCommand(verb: 'add' | 'password', login: string, options: UserOptions): Promise<number> {
  const { runtime } = await bootstrap({ ...loadConfig(), demo: false }, await loadApplications());
  try {
    return verb === 'add' ? await addUser(runtime, login, options) : await setPassword(runtime, login, options.password);
  } catch (error) {
    console.error(explain(error));
    return 1;
  } finally {
    await runtime.db.close();
  }
}
