import { sql } from 'kysely';
import type { Actor } from '../access/actor.ts';
import type { Db, Row } from '../db/connection.ts';
import type { RegisteredObject } from '../model/registry.ts';
import { VERSION_FIELD } from './select.ts';

export type AuditAction = 'create' | 'update' | 'delete' | string;

/** JSON-safe copy of a row without hidden fields (password hashes never reach the audit log). */
function redact(object: RegisteredObject, row: Row | undefined): string | null {
  if (!row) return null;
  const hidden = new Set(object.override.hiddenFields ?? []);
  const copy: Row = {};
  for (const [name, value] of Object.entries(row)) {
    if (name === VERSION_FIELD) continue;
    if (hidden.has(name)) copy[name] = '***';
    else if (value instanceof Uint8Array) copy[name] = `<${value.byteLength} octets>`;
    else copy[name] = value instanceof Date ? value.toISOString() : value;
  }
  return JSON.stringify(copy);
}

export interface AuditEntry {
  readonly actor: Actor;
  readonly object: RegisteredObject;
  readonly action: AuditAction;
  readonly key: unknown;
  readonly before: Row | undefined;
  readonly after: Row | undefined;
  readonly requestId: string | undefined;
}

/** Written in the treatment's transaction: no audit entry without the change, and the reverse. */
export async function writeAudit(trx: Db, entry: AuditEntry): Promise<void> {
  const { actor, object } = entry;
  const tenantColumn = object.meta.tenantColumn;
  const row = entry.after ?? entry.before;
  const collectivite =
    tenantColumn && row && typeof row[tenantColumn] === 'number' ? row[tenantColumn] : actor.workingCollectivite || null;
  await sql`insert into om.om_audit (om_utilisateur, login, om_collectivite, application, objet, cle, action, avant, apres, requete)
    values (${actor.userId || null}, ${actor.login}, ${collectivite}, ${object.app}, ${object.name},
            ${entry.key === undefined || entry.key === null ? null : String(entry.key)}, ${entry.action},
            ${redact(object, entry.before)}::jsonb, ${redact(object, entry.after)}::jsonb, ${entry.requestId ?? null})`.execute(trx);
}
