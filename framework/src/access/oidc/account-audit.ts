/**
 * The audit entry of an account created by a federated sign-in (by the framework itself) or by an
 * administrator accepting a held sign-in, in the transaction that creates it, like any other
 * account creation. Skipped only where the registry has no `om_utilisateur` (bare test runtimes).
 */
import type { Transaction } from 'kysely';
import type { Schema } from '../../db/connection.ts';
import { writeAudit } from '../../records/audit.ts';
import type { Runtime } from '../../runtime.ts';
import type { Actor } from '../actor.ts';

export interface CreatedAccount {
  readonly userId: number;
  readonly login: string;
  readonly nom: string;
  readonly email: string;
  readonly collectivite: number;
  readonly profile: number;
}

export async function auditAccountCreation(trx: Transaction<Schema>, runtime: Runtime, actor: Actor, account: CreatedAccount): Promise<void> {
  const object = runtime.registry.get('om', 'om_utilisateur');
  if (!object) return;
  await writeAudit(trx, {
    actor,
    object,
    action: 'create',
    key: account.userId,
    before: undefined,
    after: {
      om_utilisateur: account.userId,
      login: account.login,
      nom: account.nom,
      email: account.email,
      om_collectivite: account.collectivite,
      om_profil: account.profile,
      om_type: 'OIDC',
    },
    requestId: undefined,
  });
}
