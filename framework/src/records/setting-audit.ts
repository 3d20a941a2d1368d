/**
 * The audit entry of a framework setting that is no registered object (which applications a
 * collectivité uses, identity providers, SIRETs): written in the change's transaction, like
 * `writeAudit` for records, and read by the same journal.
 */
import type { Actor } from '../access/actor.ts';
import type { Db } from '../db/connection.ts';
import { insertAuditRow } from './audit.ts';

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
  await insertAuditRow(trx, {
    actor: entry.actor,
    collectivite: entry.collectivite,
    application: 'om',
    objet: entry.objet,
    cle: String(entry.cle),
    action: entry.action,
    before: asJson(entry.before),
    after: asJson(entry.after),
    requestId: entry.requestId,
  });
}
