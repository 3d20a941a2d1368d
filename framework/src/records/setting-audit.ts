/**
 * The audit entry of a framework setting that is no registered object (which applications a
 * collectivité uses, identity providers, SIRETs): written in the change's transaction, like
 * `writeAudit` for records, and read by the same journal.
 */
import { sql } from 'kysely';
import type { Actor } from '../access/actor.ts';
import type { Db } from '../db/connection.ts';

export interface SettingAuditEntry {
  /** Who asked for the change (the journal's author, whoever the transaction runs as). */
  readonly actor: Actor;
  /** The setting's table, e.g. `om_fournisseur_identite`. */
  readonly objet: string;
  readonly cle: string | number;
  readonly action: 'create' | 'update' | 'delete';
  readonly before: Readonly<Record<string, unknown>> | undefined;
  readonly after: Readonly<Record<string, unknown>> | undefined;
  /** The collectivité the setting belongs to; null for the instance's own settings. */
  readonly collectivite: number | null;
  readonly requestId: string | undefined;
}

const asJson = (row: Readonly<Record<string, unknown>> | undefined): string | null => (row === undefined ? null : JSON.stringify(row));

export async function writeSettingAudit(trx: Db, entry: SettingAuditEntry): Promise<void> {
  const { actor } = entry;
  await sql`insert into om.om_audit (om_utilisateur, login, om_collectivite, application, objet, cle, action, avant, apres, requete)
    values (${actor.userId || null}, ${actor.login}, ${entry.collectivite}, 'om', ${entry.objet}, ${String(entry.cle)}, ${entry.action},
            ${asJson(entry.before)}::jsonb, ${asJson(entry.after)}::jsonb, ${entry.requestId ?? null})`.execute(trx);
}
