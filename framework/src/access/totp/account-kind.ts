import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import { readAs } from '../../db/tenant-context.ts';
import { SYSTEM_ACTOR } from '../actor.ts';

/**
 * Who checks an account's sign-in: the database (`DB`: its password, and its second factor here),
 * a directory (`LDAP`) or an identity provider (`OIDC`): those two decide on a second factor themselves.
 */
export type AccountKind = 'DB' | 'LDAP' | 'OIDC';

export async function accountKind(db: Db, userId: number): Promise<AccountKind | undefined> {
  const found = await readAs(db, SYSTEM_ACTOR, (connection) =>
    sql<{ om_type: string }>`select om_type from om.om_utilisateur where om_utilisateur = ${userId}`.execute(connection),
  );
  const type = found.rows[0]?.om_type;
  if (type === undefined) return undefined;
  return type === 'LDAP' || type === 'OIDC' ? type : 'DB';
}
