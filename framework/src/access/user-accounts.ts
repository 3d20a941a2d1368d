import { sql, type Transaction } from 'kysely';
import type { Db, Schema } from '../db/connection.ts';
import { readAs } from '../db/tenant-context.ts';
import { SYSTEM_ACTOR } from './actor.ts';

/**
 * System-level reads and writes of `om.om_utilisateur` for authentication. The table is under
 * row-level security, so reads go through `readAs(…, SYSTEM_ACTOR)` and writes must run inside
 * `writeAs(…, SYSTEM_ACTOR)`.
 */
export interface UserAccount {
  readonly id: number;
  readonly login: string;
  readonly nom: string;
  readonly email: string;
  /** `pwd`: an argon2id hash, or a legacy openMairie md5. */
  readonly passwordHash: string;
  readonly type: 'DB' | 'LDAP' | 'OIDC';
  /** False for a disabled account (by an administrator or the directory synchronisation). */
  readonly active: boolean;
}

interface AccountRow {
  om_utilisateur: number;
  login: string;
  nom: string;
  email: string;
  pwd: string;
  om_type: string;
  actif: boolean;
}

const toAccount = (row: AccountRow): UserAccount => ({
  id: Number(row.om_utilisateur),
  login: row.login,
  nom: row.nom,
  email: row.email,
  passwordHash: row.pwd,
  type: row.om_type === 'LDAP' ? 'LDAP' : row.om_type === 'OIDC' ? 'OIDC' : 'DB',
  active: row.actif !== false,
});

const columns = sql`om_utilisateur, login, nom, email, pwd, om_type, actif`;

/** The account with exactly this login (logins are unique, compared as typed, as in openMairie). */
export async function findAccountByLogin(db: Db, login: string): Promise<UserAccount | undefined> {
  const result = await readAs(db, SYSTEM_ACTOR, (connection) =>
    sql<AccountRow>`select ${columns} from om.om_utilisateur where login = ${login}`.execute(connection),
  );
  return result.rows[0] ? toAccount(result.rows[0]) : undefined;
}

export async function findAccountById(db: Db, userId: number): Promise<UserAccount | undefined> {
  const result = await readAs(db, SYSTEM_ACTOR, (connection) =>
    sql<AccountRow>`select ${columns} from om.om_utilisateur where om_utilisateur = ${userId}`.execute(connection),
  );
  return result.rows[0] ? toAccount(result.rows[0]) : undefined;
}

/** Accounts matching a login, or an e-mail address (case-insensitive; several accounts may share one). */
export async function findAccountsByLoginOrEmail(db: Db, value: string): Promise<UserAccount[]> {
  const result = await readAs(db, SYSTEM_ACTOR, (connection) =>
    sql<AccountRow>`
      select ${columns} from om.om_utilisateur
       where login = ${value} or (email <> '' and lower(email) = lower(${value}))
       order by om_utilisateur`.execute(connection),
  );
  return result.rows.map(toAccount);
}

/** Stores a new password hash; `trx` must come from `writeAs(…, SYSTEM_ACTOR)`. */
export async function storePasswordHash(trx: Transaction<Schema>, userId: number, passwordHash: string): Promise<void> {
  await sql`update om.om_utilisateur set pwd = ${passwordHash} where om_utilisateur = ${userId}`.execute(trx);
}
