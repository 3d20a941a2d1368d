/**
 * Deleting an identity provider, for a niveau-2 administrator already checked: what goes with it
 * (agents' links, access requests and exchanges, by the migration's cascades) and the deletion.
 * Accounts stay; sessions it opened keep going, no longer tied to it. Written as the system, like
 * every write of this table.
 */
import { sql } from 'kysely';
import { SYSTEM_ACTOR } from '../../../access/actor.ts';
import { forgetProviderConfiguration } from '../../../access/oidc/index.ts';
import type { Db } from '../../../db/connection.ts';
import { readAs, writeAs } from '../../../db/tenant-context.ts';
import { writeSettingAudit } from '../../../records/setting-audit.ts';
import { PROVIDER_AUDIT_OBJECT, providerRow, type ProviderChangeAuthor } from './provider-store.ts';

export interface RemovalImpact {
  /** Agents linked to the provider. */
  readonly links: number;
  /** OIDC accounts linked to this provider only: no way left to sign in. */
  readonly orphans: number;
  readonly pending: number;
  readonly handled: number;
}

interface ImpactRow {
  links: string;
  orphans: string;
  pending: string;
  handled: string;
}

export async function removalImpact(db: Db, id: number): Promise<RemovalImpact> {
  const row = await readAs(db, SYSTEM_ACTOR, async (connection) => {
    const result = await sql<ImpactRow>`
      select (select count(distinct om_utilisateur) from om.om_identite_federee where om_fournisseur_identite = ${id})::text as links,
             (select count(*) from om.om_utilisateur u
               where u.om_type = 'OIDC'
                 and exists (select 1 from om.om_identite_federee i where i.om_utilisateur = u.om_utilisateur and i.om_fournisseur_identite = ${id})
                 and not exists (select 1 from om.om_identite_federee i where i.om_utilisateur = u.om_utilisateur and i.om_fournisseur_identite <> ${id}))::text as orphans,
             (select count(*) from om.om_connexion_attente where om_fournisseur_identite = ${id} and statut = 'attente')::text as pending,
             (select count(*) from om.om_connexion_attente where om_fournisseur_identite = ${id} and statut <> 'attente')::text as handled`.execute(connection);
    return result.rows[0];
  });
  return { links: Number(row?.links ?? 0), orphans: Number(row?.orphans ?? 0), pending: Number(row?.pending ?? 0), handled: Number(row?.handled ?? 0) };
}

/** Deletes the provider (its links, requests and exchanges cascade); false when it did not exist. */
export async function deleteProvider(db: Db, id: number, author: ProviderChangeAuthor): Promise<boolean> {
  const deleted = await writeAs(db, SYSTEM_ACTOR, async (trx) => {
    const before = await providerRow(trx, id);
    const result = await sql`delete from om.om_fournisseur_identite where om_fournisseur_identite = ${id}`.execute(trx);
    if (Number(result.numAffectedRows ?? 0) === 0) return false;
    await writeSettingAudit(trx, { ...author, objet: PROVIDER_AUDIT_OBJECT, cle: id, action: 'delete', before, after: undefined, collectivite: null });
    return true;
  });
  forgetProviderConfiguration(id);
  return deleted;
}
